#include "usecases/move_session.h"

#include <fmt/format.h>

#include "core/plan/program_calendar.h"
#include "core/tracking/move_day.h"
#include "usecases/program.h"

namespace kc::usecases {

Result<MoveChoices> move_choices(store::Store& store, const Clock& clock, const std::string& person,
                                 std::optional<CivilDate> from) {
  auto found = find_program(store, person, false);
  if (!found) return found.error();
  const auto& plan = found->plan;
  const CivilDate today = clock.today();
  const CivilDate first = from.value_or(today);
  for (const auto& d : plan.calendar) {
    if (d.date < first || d.date < today) continue;
    MoveChoices out;
    out.planned = d;
    for (const auto& s : plan.sessions) {
      if (s.id == d.session) out.title = s.title;
    }
    out.days = tracking::move_days(plan, d.date, today);
    return out;
  }
  return make_error(errc::kNotFound, "date",
                    fmt::format("date: no session is planned on or after {}", describe_day(first)));
}

Result<store::PlanDay> move_session(store::Store& store, const Clock& clock, const MoveRequest& request) {
  auto found = find_program(store, request.person, false);
  if (!found) return found.error();
  const auto& plan = found->plan;
  if (auto ok = tracking::check_move(plan, request.from, request.to, clock.today()); !ok) return ok.error();
  const ProgramCalendar calendar{plan.start, plan.weeks};
  const int week = calendar.week_of(request.to).value_or(1);
  if (auto moved = store.move_plan_day(found->person.id, plan.id, request.from, request.to, week); !moved) {
    return moved.error();
  }
  store::PlanDay out = *tracking::planned_on(plan, request.from);
  out.date = request.to;
  out.week = week;
  return out;
}

}  // namespace kc::usecases
