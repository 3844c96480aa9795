#include "usecases/today.h"

#include "core/plan/changes.h"
#include "usecases/program.h"

namespace kc::usecases {
namespace {

// When the person last used the program: their latest finished session or check-in.
std::optional<TimePoint> last_seen(const tracking::History& h) {
  std::optional<TimePoint> out;
  for (const auto& s : h.sessions) {
    if (s.status == store::SessionStatus::kFinished && s.ended_at && (!out || *s.ended_at > *out)) out = s.ended_at;
  }
  for (const auto& c : h.check_ins) {
    if (!out || c.at > *out) out = c.at;
  }
  return out;
}

}  // namespace

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
  t.paused = pause_of(program->plan, program->changes);
  t.messages = messages_since(program->changes, last_seen(*history));
  t.pain_limit = history->pain_limit;
  return t;
}

}  // namespace kc::usecases
