#include "usecases/session_steps.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/tracking/today.h"
#include "usecases/program.h"

namespace kc::usecases {

Result<SessionDay> stored_session(store::Store& store, const store::PlanRecord& plan, const Catalog& catalog,
                                  CivilDate date) {
  // The answers a finished session is judged against (can_do_for, as log_session does): read
  // now, so stored answers that cannot be read stop the session before it starts, not after.
  if (auto can_do = can_do_for(store, plan); !can_do) return can_do.error();
  auto history = load_history(store, plan);
  if (!history) return history.error();
  const auto t = tracking::today(plan, history->changes, history->sessions, date);
  SessionDay day{date, std::nullopt, std::nullopt, false, history->pain_limit};
  if (!t.session || !t.scheduled) {
    day.next = t.next;
    day.after_end = t.after_end;
    return day;
  }
  SessionToPlay out{t.session->session, t.session->title, date, t.scheduled->week, t.done, {}};
  for (const auto& item : t.session->items) {
    const Exercise* e = catalog.find(item.current.exercise_id);
    if (e == nullptr) {
      return make_error(errc::kContent, "exercise",
                        fmt::format("the program has the exercise '{}', which the exercise content no longer has; "
                                    "set the program up again (kneecoach init) to rebuild it",
                                    item.current.exercise_id));
    }
    out.exercises.push_back(session::make_session_exercise(*e, item.current.dose));
  }
  day.session = std::move(out);
  return day;
}

std::optional<SessionToPlay> planned_session(const Plan& plan, CivilDate date) {
  const auto day = std::find_if(plan.calendar.begin(), plan.calendar.end(),
                                [&](const ScheduledSession& s) { return s.date == date; });
  const SessionTemplate* tmpl = day == plan.calendar.end() ? nullptr : plan.session(day->kind);
  if (tmpl == nullptr) return std::nullopt;
  SessionToPlay out{tmpl->id, tmpl->title, date, day->week, false, {}};
  for (const PlannedExercise& pe : tmpl->exercises) {
    out.exercises.push_back(session::make_session_exercise(*pe.exercise, pe.dose));
  }
  return out;
}

std::vector<PlayStep> with_cues(const std::vector<session::SessionExercise>& exercises,
                                const std::vector<session::Step>& steps) {
  std::vector<PlayStep> out;
  out.reserve(steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const session::Step* previous = i > 0 ? &steps[i - 1] : nullptr;
    out.push_back({steps[i], session::entry_cue(steps[i], previous, exercises), session::reminder_cue(steps[i])});
  }
  return out;
}

std::vector<PlayStep> session_steps(const std::vector<session::SessionExercise>& exercises) {
  return with_cues(exercises, session::build_steps(exercises));
}

}  // namespace kc::usecases
