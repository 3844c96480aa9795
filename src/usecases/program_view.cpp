#include "usecases/program_view.h"

#include <fmt/format.h>

#include "core/catalog/describe.h"
#include "core/plan/dosing.h"
#include "core/tracking/today.h"
#include "usecases/program.h"

namespace kc::usecases {

std::string change_note(const DoseInForce& d) {
  if (!d.changed_on) return "";
  return fmt::format("Changed on {}: {}", describe_date(*d.changed_on), d.change_reason);
}

std::vector<SessionInForce> sessions_in_force(const store::PlanRecord& plan,
                                              const std::vector<store::DoseChange>& changes, const Catalog& catalog) {
  const auto doses = tracking::current_doses(plan, changes);
  std::vector<SessionInForce> out;
  for (const auto& s : plan.sessions) {
    SessionInForce session{s.id, s.kind, s.title, 0, {}};
    int seconds = 0;
    for (const auto& e : s.exercises) {
      const tracking::CurrentDose& now = doses.at(e.exercise_id);
      const Exercise* x = catalog.find(now.exercise_id);
      session.exercises.push_back(
          DoseInForce{e.exercise_id, now.exercise_id, x != nullptr ? x->name : now.exercise_id, e.block, now.dose,
                      x != nullptr ? describe_dose(now.dose, x->phase_words) : describe_dose(now.dose), e.reason,
                      now.changed_on, now.reason});
      seconds += dose_time(now.dose) + kMoveSeconds;
    }
    session.minutes = (seconds + 59) / 60;
    out.push_back(std::move(session));
  }
  return out;
}

Result<ProgramInForce> program_in_force(store::Store& store, const Clock& clock, const Content& content,
                                        const ViewRequest& request) {
  auto program = find_program(store, request.person, request.allow_stopped);
  if (!program) return program.error();
  auto stored = store.dose_changes(program->person.id);
  if (!stored) return make_error(errc::kFailed, "", stored.error().message);
  auto changes = doses_in_force(*program, std::move(stored).value());
  ProgramInForce p;
  p.person = program->person;
  p.plan = program->plan;
  p.date = request.date.value_or(clock.today());
  p.calendar = ProgramCalendar{p.plan.start, p.plan.weeks};
  p.week = p.calendar.week_of(p.date);
  p.week_text = p.calendar.describe(p.date);
  p.sessions = sessions_in_force(p.plan, changes, content.catalog);
  p.changes = std::move(changes);
  p.program_changes = program->changes;
  return p;
}

}  // namespace kc::usecases
