#include "usecases/today.h"

#include "usecases/program.h"

namespace kc::usecases {

Result<TodayOutcome> today(store::Store& store, const Clock& clock, const Content& /*content*/,
                           const ViewRequest& request) {
  auto program = find_program(store, request.person, request.allow_stopped);
  if (!program) return program.error();
  auto history = load_history(store, program->plan);
  if (!history) return make_error(errc::kFailed, "", history.error().message);
  const CivilDate date = request.date.value_or(clock.today());
  const ProgramCalendar calendar{program->plan.start, program->plan.weeks};
  TodayOutcome t;
  t.person = program->person;
  t.plan = program->plan;
  t.today = tracking::today(program->plan, history->changes, history->sessions, date);
  t.review = tracking::pain_review(*history, date);
  t.week = calendar.week_of(date);
  t.week_text = calendar.describe(date);
  return t;
}

}  // namespace kc::usecases
