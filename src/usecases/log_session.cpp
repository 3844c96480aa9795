#include "usecases/log_session.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/tracking/today.h"
#include "usecases/program.h"
#include "usecases/when.h"

namespace kc::usecases {

store::ExerciseOutcome stored_outcome(session::Outcome outcome) {
  switch (outcome) {
    case session::Outcome::kDone:
      return store::ExerciseOutcome::kDone;
    case session::Outcome::kPartly:
      return store::ExerciseOutcome::kPartly;
    case session::Outcome::kSkipped:
      break;
  }
  return store::ExerciseOutcome::kSkipped;
}

store::ExerciseOutcome judge_logged(const LoggedExercise& done, const Dose& planned) {
  session::Tally t;
  t.planned = planned;
  t.sets_done = done.sets;
  t.reps_done = done.reps;
  t.holds_done = done.holds;
  // For a hold dose, time spent on it means a hold was started: partly done, as in the player.
  if (session::is_hold_dose(planned)) t.held = session::Millis{static_cast<long long>(done.seconds) * 1000};
  return stored_outcome(session::judge(t));
}
namespace {

Status check_pain(std::optional<int> pain, const std::string& field) {
  if (!pain || (*pain >= 0 && *pain <= 10)) return Ok{};
  return make_error(errc::kOutOfRange, field,
                    fmt::format("{}: {} is out of range; expected a whole number from 0 to 10", field, *pain));
}

Status check_exercises(const std::vector<LoggedExercise>& list, const tracking::SessionToDo& to_do) {
  if (list.empty()) {
    return make_error(errc::kMissing, "exercises", "exercises: empty; expected what was done of each exercise");
  }
  std::set<int> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& e = list[i];
    const std::string path = fmt::format("exercises[{}]", i);
    if (e.position < 0 || e.position >= static_cast<int>(to_do.items.size())) {
      return make_error(errc::kOutOfRange, path + ".position",
                        fmt::format("{}.position: {} is out of range; session {} has {} exercises (0 to {})", path,
                                    e.position, to_do.session, to_do.items.size(), to_do.items.size() - 1));
    }
    if (!seen.insert(e.position).second) {
      return make_error(errc::kInvalid, path + ".position",
                        fmt::format("{}.position: {} is listed more than once", path, e.position));
    }
    if (e.sets < 0 || e.reps < 0 || e.holds < 0 || e.seconds < 0) {
      return make_error(errc::kOutOfRange, path, fmt::format("{}: a count is negative; expected 0 or more", path));
    }
    if (auto s = check_pain(e.pain, path + ".pain"); !s) return s;
  }
  return Ok{};
}

bool any_done(const std::vector<store::ExerciseLog>& logs, store::Id session) {
  return std::any_of(logs.begin(), logs.end(), [&](const store::ExerciseLog& l) {
    return l.session == session && l.outcome != store::ExerciseOutcome::kSkipped;
  });
}

bool is_repeat(const tracking::History& h, const store::SessionLog& s) {
  return std::any_of(h.sessions.begin(), h.sessions.end(), [&](const store::SessionLog& o) {
    return o.id != s.id && o.plan == s.plan && o.date == s.date && o.status != store::SessionStatus::kInProgress;
  });
}

// Writes each logged exercise of the session again with what was said of it (a log of the same
// session and position replaces the earlier one).
Status keep_feedback(store::Store& store, store::PersonId person, const FinishSessionRequest& request) {
  if (request.feedback.empty()) return Ok{};
  auto stored = store.exercise_logs(person);
  if (!stored) return stored.error();
  std::vector<store::ExerciseLog> logs = std::move(stored).value();
  for (std::size_t i = 0; i < request.feedback.size(); ++i) {
    const auto& said = request.feedback[i];
    auto log = std::find_if(logs.begin(), logs.end(), [&](const store::ExerciseLog& l) {
      return l.session == request.session && l.position == said.position;
    });
    if (log == logs.end()) {
      const std::string field = fmt::format("feedback[{}].position", i);
      return make_error(errc::kNotFound, field,
                        fmt::format("{}: no exercise was logged at position {} of this session", field, said.position));
    }
    log->feedback = said.feedback;
    if (auto kept = store.log_exercise(*log); !kept) return kept.error();
  }
  return Ok{};
}

}  // namespace

Result<SessionOutcome> log_session(store::Store& store, const Clock& clock, const Content& content,
                                   const LogSessionRequest& request) {
  if (request.status == store::SessionStatus::kInProgress) {
    return make_error(errc::kInvalid, "status", "status: expected finished or quit");
  }
  if (auto s = check_pain(request.pain_during, "pain_during"); !s) return s.error();
  auto found = find_program(store, request.person, false);
  if (!found) return found.error();
  const auto& [person, plan, program_changes] = *found;
  const When when = when_of(clock, request.date);
  auto history = load_history(store, plan);
  if (!history) return history.error();

  std::string which = request.session;
  if (which.empty()) {
    const auto t = tracking::today(plan, history->changes, history->sessions, when.date);
    if (!t.scheduled) {
      return make_error(errc::kInvalid, "session",
                        fmt::format("no session is planned on {}; say which was done", to_iso(when.date)));
    }
    which = t.scheduled->session;
  }
  const auto to_do = tracking::session_to_do(plan, which, history->changes);
  if (!to_do) {
    return make_error(errc::kInvalid, "session", fmt::format("the program has no session \"{}\"", which.substr(0, 20)));
  }
  if (auto s = check_exercises(request.exercises, *to_do); !s) return s.error();

  SessionOutcome out;
  store::SessionLog& log = out.saved;
  log.person = person.id;
  log.plan = plan.id;
  log.date = when.date;
  log.session = which;
  log.started_at = when.at;
  log.ended_at = when.at;
  log.status = request.status;
  log.pain_during = request.pain_during;
  std::vector<store::ExerciseLog> logs;
  for (const auto& e : request.exercises) {
    const auto& item = to_do->items[static_cast<std::size_t>(e.position)];
    store::ExerciseLog x;
    x.person = person.id;
    x.position = e.position;
    x.exercise_id = item.current.exercise_id;
    x.outcome = e.outcome ? *e.outcome : judge_logged(e, item.current.dose);
    x.planned = item.current.dose;
    x.sets_done = e.sets;
    x.reps_done = e.reps;
    x.holds_done = e.holds;
    x.seconds = e.seconds;
    x.pain = e.pain;
    x.finished_at = when.at;
    x.camera_json = e.camera;
    x.feedback = e.feedback;
    logs.push_back(x);
  }

  // Judge the session as it will be stored, then store it and the changes in one transaction.
  store::Id draft = 1;
  for (const auto& past : history->sessions) draft = std::max(draft, past.id + 1);
  tracking::History judged = *history;
  log.id = draft;
  judged.sessions.push_back(log);
  for (auto x : logs) {
    x.session = draft;
    judged.logs.push_back(x);
  }
  if (request.pain_during) {
    store::Measurement m;
    m.person = person.id;
    m.measure = store::kPainDuring;
    m.taken_at = when.at;
    m.date = when.date;
    m.value = *request.pain_during;
    m.session = draft;
    judged.measurements.push_back(m);
  }
  out.repeat = is_repeat(judged, log);
  log.id = 0;
  auto can_do = can_do_for(store, plan);
  if (!can_do) return can_do.error();
  out.judgements = tracking::judge_after_session(judged, draft, content.catalog, *can_do, when.date);
  out.changes = tracking::to_changes(out.judgements, plan, when.at, when.date);
  auto saved = store.save_session(log, logs, out.changes);
  if (!saved) return saved.error();
  log = *saved;
  return out;
}

Result<SessionOutcome> finish_session(store::Store& store, const Clock& clock, const Content& content,
                                      const FinishSessionRequest& request) {
  if (request.status == store::SessionStatus::kInProgress) {
    return make_error(errc::kInvalid, "status", "status: expected finished or quit");
  }
  if (auto s = check_pain(request.pain_during, "pain_during"); !s) return s.error();
  auto found = find_program(store, request.person, false);
  if (!found) return found.error();
  const auto& plan = found->plan;
  if (auto said = keep_feedback(store, found->person.id, request); !said) return said.error();
  if (auto ended = store.end_session(request.session, request.status, clock.now(), request.pain_during); !ended) {
    return ended.error();
  }
  auto history = load_history(store, plan);
  if (!history) return history.error();
  SessionOutcome out;
  for (const auto& s : history->sessions) {
    if (s.id == request.session) out.saved = s;
  }
  if (out.saved.id == 0) {
    return make_error(errc::kNotFound, "session", fmt::format("no session {} of this program", request.session));
  }
  out.repeat = is_repeat(*history, out.saved);
  if (!any_done(history->logs, request.session)) return out;
  auto can_do = can_do_for(store, plan);
  if (!can_do) return can_do.error();
  out.judgements = tracking::judge_after_session(*history, request.session, content.catalog, *can_do, clock.today());
  out.changes = tracking::to_changes(out.judgements, plan, clock.now(), clock.today());
  if (out.changes.empty()) return out;
  auto saved = store.add_dose_changes(out.changes);
  if (!saved) return saved.error();
  out.changes = std::move(saved).value();
  return out;
}

}  // namespace kc::usecases
