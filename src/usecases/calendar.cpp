#include "usecases/calendar.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/plan/plan_json.h"
#include "core/plan/schedule.h"
#include "core/tracking/plan_record.h"
#include "usecases/program.h"

namespace kc::usecases {

CalendarModel calendar_of(const store::PlanRecord& plan, const std::vector<store::DoseChange>& changes,
                          const Catalog& catalog, std::string uid_seed, std::string as_of,
                          const PainLimit& pain_limit) {
  CalendarModel m;
  m.pain_limit = pain_limit;
  m.calendar = ProgramCalendar{plan.start, plan.weeks};
  m.uid_seed = std::move(uid_seed);
  m.as_of = std::move(as_of);
  const auto sessions = sessions_in_force(plan, changes, catalog);
  for (const store::PlanDay& day : plan.calendar) {
    const auto week = m.calendar.week_of(day.date);
    const auto s =
        std::find_if(sessions.begin(), sessions.end(), [&](const SessionInForce& x) { return x.id == day.session; });
    if (!week || s == sessions.end()) continue;  // a stored day outside the program, or an unknown session
    m.sessions.push_back(CalendarSession{day.date, *week, s->id, s->title, s->minutes, s->exercises});
  }
  for (const ReviewPoint& r : review_points(plan.start, plan.weeks)) m.reviews.push_back({r.date, r.week, r.what});
  return m;
}

Result<CalendarModel> calendar(store::Store& store, const Clock& clock, const Content& content,
                               const ViewRequest& request) {
  auto program = program_in_force(store, clock, content, request);
  if (!program) return program.error();
  auto answers = store.latest_answers(program->person.id);
  if (!answers) return make_error(errc::kFailed, "", answers.error().message);
  std::string seed = *answers ? (*answers)->json : program->person.name;
  std::string as_of = fmt::format("Doses in force on {} ({}).", describe_date(program->date), program->week_text);
  auto clearance = clearance_for(store, program->plan);
  if (!clearance) return clearance.error();
  const PainLimit limit = acceptable_pain(*clearance ? (*clearance)->limits.pain_ceiling : std::nullopt);
  return calendar_of(program->plan, program->changes, content.catalog, std::move(seed), std::move(as_of), limit);
}

CalendarModel calendar_of_new_plan(const Plan& plan, const Catalog& catalog, std::string uid_seed) {
  const store::PlanRecord record = tracking::to_record(plan, 0, 0, TimePoint{}, plan_to_json(plan).dump());
  return calendar_of(record, {}, catalog, std::move(uid_seed), "",
                     acceptable_pain(plan.clearance ? plan.clearance->limits.pain_ceiling : std::nullopt));
}

}  // namespace kc::usecases
