#include "usecases/progress.h"

#include "usecases/program.h"

namespace kc::usecases {

Result<ProgressOutcome> progress(store::Store& store, const Clock& clock, const Content& content,
                                 const ViewRequest& request) {
  auto program = find_program(store, request.person, true);
  if (!program) return program.error();
  auto history = load_history(store, program->plan);
  if (!history) return make_error(errc::kFailed, "", history.error().message);
  ProgressOutcome p;
  p.person = program->person;
  p.history = std::move(history).value();
  p.date = request.date.value_or(clock.today());
  p.calendar = ProgramCalendar{p.history.plan.start, p.history.plan.weeks};
  p.week = p.calendar.week_of(p.date);
  p.week_text = p.calendar.describe(p.date);
  p.adherence = tracking::adherence(p.history, p.date);
  p.pain_weeks = tracking::pain_by_week(p.history, p.date);
  p.pain_trend = tracking::pain_trend(p.pain_weeks);
  p.review = tracking::pain_review(p.history, p.date);
  p.week_summary = tracking::week_summary(p.history, p.date, content.catalog);
  p.sessions = sessions_in_force(p.history.plan, p.history.changes, content.catalog);
  return p;
}

}  // namespace kc::usecases
