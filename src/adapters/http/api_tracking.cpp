// Logging what was done: a whole session (with the after-session progression rules), the
// next-morning check-in (dose review, or a stop on a warning sign) and measures.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "adapters/cli/intake_io.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/http/api_routes.h"
#include "adapters/http/body_check.h"
#include "adapters/http/tracking_json.h"
#include "core/intake/questionnaire.h"
#include "core/tracking/camera_log.h"
#include "core/tracking/check_in_signs.h"
#include "core/tracking/judge.h"
#include "core/tracking/review.h"
#include "core/tracking/today.h"

namespace kc::http {
namespace {

store::ExerciseOutcome outcome_of(const std::string& s) {
  if (s == "done") return store::ExerciseOutcome::kDone;
  if (s == "partly") return store::ExerciseOutcome::kPartly;
  return store::ExerciseOutcome::kSkipped;
}

struct LoggedExercise {
  int position = 0;
  store::ExerciseOutcome outcome = store::ExerciseOutcome::kDone;
  int sets = 0, reps = 0, holds = 0, seconds = 0;
  std::optional<int> pain;
  std::string camera;  // the normalised camera log text, or ""
};

// The form-fault ids the camera may flag: every cue's `fault`, sorted, without repeats.
std::vector<std::string> known_faults(const ApiState& s) {
  std::vector<std::string> ids;
  for (const auto& cue : s.pictures.cues) ids.push_back(cue.fault);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Records a problem from tracking::camera_log_from_json: its message starts with the field and
// ": ", and its words give the code.
void camera_problem(BodyCheck& check, const std::string& message) {
  const auto colon = message.find(": ");
  const std::string field = message.substr(0, colon);
  const std::string rest = colon == std::string::npos ? "" : message.substr(colon + 2);
  std::string code = "invalid";
  if (rest.rfind("is ", 0) == 0) {
    code = "wrong_type";
  } else if (rest.rfind("unknown field", 0) == 0) {
    code = "unknown_field";
  } else if (rest.rfind("missing;", 0) == 0) {
    code = "missing_field";
  } else if (rest.rfind('"', 0) != 0 && rest.find("out of range") != std::string::npos) {
    code = "out_of_range";
  }
  check.fail(code, field, message);
}

// Reads body.exercises, each checked; positions unique; camera logs against `faults`.
std::vector<LoggedExercise> read_exercises(BodyCheck& check, const Json& doc, const std::vector<std::string>& faults) {
  std::vector<LoggedExercise> out;
  if (!doc.contains("exercises")) {
    check.fail("missing_field", "exercises", "exercises: missing; expected a list of what was done of each exercise");
    return out;
  }
  const Json& list = doc.at("exercises");
  if (!list.is_array() || list.empty() || list.size() > 50) {
    check.fail(list.is_array() ? "out_of_range" : "wrong_type", "exercises",
               fmt::format("exercises: is {}; expected a list of 1 to 50 objects", json_type_name(list)));
    return out;
  }
  std::set<int> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("exercises[{}]", i);
    const Json& item = list[i];
    if (!check.object(item, path, {"position", "status", "sets", "reps", "holds", "seconds", "pain", "camera"}))
      continue;
    LoggedExercise e;
    const auto position = check.integer(item, path, "position", 0, 49, true);
    const auto status = check.one_of(item, path, "status", {"done", "partly", "skipped"}, true);
    e.sets = check.integer(item, path, "sets", 0, 20, false).value_or(0);
    e.reps = check.integer(item, path, "reps", 0, 1000, false).value_or(0);
    e.holds = check.integer(item, path, "holds", 0, 1000, false).value_or(0);
    e.seconds = check.integer(item, path, "seconds", 0, 36000, false).value_or(0);
    e.pain = check.integer(item, path, "pain", 0, 10, false);
    if (item.contains("camera") && !item.at("camera").is_null()) {
      auto camera = tracking::camera_log_from_json(item.at("camera"), path + ".camera", &faults);
      if (camera) {
        e.camera = tracking::camera_text(*camera);
      } else {
        camera_problem(check, camera.error().message);
      }
    }
    if (!position || !status) continue;
    if (!seen.insert(*position).second) {
      check.fail("invalid", path + ".position",
                 fmt::format("{}.position: {} is listed more than once", path, *position));
      continue;
    }
    e.position = *position;
    e.outcome = outcome_of(*status);
    out.push_back(e);
  }
  return out;
}

}  // namespace

Response post_session(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"date", "session", "status", "pain_during", "exercises"})) {
    return check.error();
  }
  const Json& doc = check.doc();
  const auto date = check.date(doc, "", "date");
  const auto session_id = check.one_of(doc, "", "session", {"A", "B"}, false);
  const auto status = check.one_of(doc, "", "status", {"finished", "quit"}, true);
  const auto pain_during = check.integer(doc, "", "pain_during", 0, 10, false);
  const auto exercises = read_exercises(check, doc, known_faults(s));
  if (!check.ok()) return check.error();

  auto loaded = load_person(s, id, false);
  if (auto* e = std::get_if<Response>(&loaded)) return *e;
  const auto& [person, plan] = std::get<PersonPlan>(loaded);
  const Moment when = moment_at(s, date);
  auto history = usecases::load_history(*s.store, plan);
  if (!history) return internal_error(history.error().message);

  std::string which = session_id.value_or("");
  if (which.empty()) {
    const auto t = tracking::today(plan, history->changes, history->sessions, when.date);
    if (!t.scheduled) {
      return error_response(
          400, "invalid", fmt::format("no session is planned on {}; say which was done", to_iso(when.date)), "session");
    }
    which = t.scheduled->session;
  }
  const auto to_do = tracking::session_to_do(plan, which, history->changes);
  if (!to_do) return error_response(400, "invalid", fmt::format("the program has no session \"{}\"", which), "session");
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    if (exercises[i].position >= static_cast<int>(to_do->items.size())) {
      return error_response(
          400, "out_of_range",
          fmt::format("exercises[{}].position: {} is out of range; session {} has {} exercises (0 to {})", i,
                      exercises[i].position, which, to_do->items.size(), to_do->items.size() - 1),
          fmt::format("exercises[{}].position", i));
    }
  }

  store::SessionLog log;
  log.person = person.id;
  log.plan = plan.id;
  log.date = when.date;
  log.session = which;
  log.started_at = when.at;
  log.ended_at = when.at;
  log.status = *status == "finished" ? store::SessionStatus::kFinished : store::SessionStatus::kQuit;
  log.pain_during = pain_during;
  std::vector<store::ExerciseLog> logs;
  for (const auto& e : exercises) {
    const auto& item = to_do->items[static_cast<std::size_t>(e.position)];
    store::ExerciseLog x;
    x.person = person.id;
    x.position = e.position;
    x.exercise_id = item.current.exercise_id;
    x.outcome = e.outcome;
    x.planned = item.current.dose;
    x.sets_done = e.sets;
    x.reps_done = e.reps;
    x.holds_done = e.holds;
    x.seconds = e.seconds;
    x.pain = e.pain;
    x.finished_at = when.at;
    x.camera_json = e.camera;
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
  if (pain_during) {
    store::Measurement m;
    m.person = person.id;
    m.measure = store::kPainDuring;
    m.taken_at = when.at;
    m.date = when.date;
    m.value = *pain_during;
    m.session = draft;
    judged.measurements.push_back(m);
  }
  log.id = 0;
  auto can_do = usecases::can_do_for(*s.store, plan);
  if (!can_do) return internal_error(can_do.error().message);
  const auto judgements = tracking::judge_after_session(judged, draft, s.catalog, *can_do, when.date);
  const auto changes = tracking::to_changes(judgements, plan, when.at, when.date);
  auto saved = s.store->save_session(log, logs, changes);
  if (!saved) return internal_error(saved.error().message);

  Json j;
  j["session_id"] = saved->id;
  j["date"] = to_iso(when.date);
  j["session"] = which;
  j["status"] = *status;
  j["dose_changes"] = changes_json(changes, s.catalog);
  return json_response(201, j.dump());
}

Response post_check_in(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"date", "next_morning_pain", "red_flags"})) return check.error();
  const Json& doc = check.doc();
  const auto date = check.date(doc, "", "date");
  const auto pain = check.integer(doc, "", "next_morning_pain", 0, 10, true);
  std::vector<std::string> flags;
  if (doc.contains("red_flags")) {
    const Json& list = doc.at("red_flags");
    if (!list.is_array()) {
      check.fail("wrong_type", "red_flags",
                 fmt::format("red_flags: is {}; expected a list of warning signs", json_type_name(list)));
    } else {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string field = fmt::format("red_flags[{}]", i);
        const Json& f = list[i];
        if (!f.is_string() || !tracking::is_check_in_sign(f.get<std::string>())) {
          check.fail("invalid", field,
                     fmt::format("{}: {} is not a warning sign; expected one of {}", field, f.dump(),
                                 fmt::format("{}", fmt::join(tracking::check_in_signs(), ", "))));
        } else if (std::find(flags.begin(), flags.end(), f.get<std::string>()) != flags.end()) {
          check.fail("invalid", field, fmt::format("{}: {} is listed more than once", field, f.dump()));
        } else {
          flags.push_back(f.get<std::string>());
        }
      }
    }
  }
  if (!check.ok()) return check.error();

  auto loaded = load_person(s, id, false);
  if (auto* e = std::get_if<Response>(&loaded)) return *e;
  const auto& [person, plan] = std::get<PersonPlan>(loaded);
  const Moment when = moment_at(s, date);

  store::CheckIn check_in;
  check_in.person = person.id;
  check_in.at = when.at;
  check_in.date = when.date;
  check_in.next_morning_pain = *pain;
  check_in.red_flags = flags;
  check_in.triage_level = plan.level;
  Json referral = nullptr;
  Json cautions = Json::array();
  std::vector<store::DoseChange> changes;
  std::string stop_reason;
  if (!flags.empty()) {
    auto answers = usecases::stored_answers(*s.store, person.id);
    if (!answers) return internal_error(answers.error().message);
    Answers now = answers->value_or(Answers{});
    for (const auto& f : flags) {
      const Question* q = find_question(f);
      if (q == nullptr) continue;
      if (auto yes = validate_answer(*q, "yes")) apply_answer(now, *q, *yes);
    }
    const TriageResult triage = evaluate(now, s.rules);
    check_in.triage_level = std::string(to_string(triage.level));
    if (!may_start_program(triage.level)) {
      check_in.stopped_program = true;
      stop_reason = triage.reasons.empty() ? triage.advice : triage.reasons.front().message;
      referral = triage_to_json(triage);
    } else {
      for (const auto& reason : triage.reasons) cautions.push_back(reason.message);
    }
  }
  auto history = usecases::load_history(*s.store, plan);
  if (!history) return internal_error(history.error().message);
  if (!check_in.stopped_program) {
    auto can_do = usecases::can_do_for(*s.store, plan);
    if (!can_do) return internal_error(can_do.error().message);
    const auto judgements = tracking::judge_at_check_in(*history, *pain, s.catalog, *can_do, when.date, when.at);
    changes = tracking::to_changes(judgements, plan, when.at, when.date);
  }
  auto saved = s.store->save_check_in(check_in, changes, stop_reason);
  if (!saved) return internal_error(saved.error().message);
  auto after = usecases::load_history(*s.store, plan);
  if (!after) return internal_error(after.error().message);

  Json j;
  j["check_in_id"] = saved->id;
  j["date"] = to_iso(when.date);
  j["next_morning_pain"] = *pain;
  j["triage_level"] = check_in.triage_level;
  j["stopped"] = check_in.stopped_program;
  j["referral"] = referral;
  j["cautions"] = cautions;
  j["dose_changes"] = changes_json(changes, s.catalog);
  j["review"] = review_json(tracking::pain_review(*after, when.date));
  return json_response(201, j.dump());
}

Response post_measure(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"measure", "date", "value", "items", "note"}))
    return check.error();
  const Json& doc = check.doc();
  const auto measure =
      check.one_of(doc, "", "measure", {"pain-now", "pain-worst-24h", "chair-stand", "grc", "psfs"}, true);
  const auto date = check.date(doc, "", "date");
  const auto note = check.text(doc, "", "note", 1000, false);
  if (!check.ok()) return check.error();
  store::Measurement m;
  if (*measure == "psfs") {
    if (doc.contains("value")) check.fail("invalid", "value", "value: not given for psfs; it is the mean of the items");
    const Json empty = Json::array();
    const Json& items = doc.contains("items") ? doc.at("items") : empty;
    if (!items.is_array() || items.empty() || items.size() > 3) {
      check.fail(doc.contains("items") ? "out_of_range" : "missing_field", "items",
                 "items: expected a list of 1 to 3 activities, each {\"label\", \"value\" 0-10}");
    } else {
      double sum = 0;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = fmt::format("items[{}]", i);
        if (!check.object(items[i], path, {"label", "value"})) continue;
        const auto label = check.text(items[i], path, "label", 200, true);
        const auto value = check.integer(items[i], path, "value", 0, 10, true);
        if (label && value) {
          m.items.push_back({*label, static_cast<double>(*value)});
          sum += *value;
        }
      }
      if (!m.items.empty()) m.value = sum / static_cast<double>(m.items.size());
    }
  } else {
    if (doc.contains("items"))
      check.fail("invalid", "items", fmt::format("items: only psfs has items, not {}", *measure));
    int min = 0;
    int max = 10;
    if (*measure == "chair-stand") max = 80;
    if (*measure == "grc") min = -7, max = 7;
    if (const auto value = check.integer(doc, "", "value", min, max, true)) m.value = *value;
  }
  if (!check.ok()) return check.error();

  auto loaded = load_person(s, id, false);
  if (auto* e = std::get_if<Response>(&loaded)) return *e;
  const Moment when = moment_at(s, date);
  m.person = std::get<PersonPlan>(loaded).person.id;
  m.measure = *measure;
  m.taken_at = when.at;
  m.date = when.date;
  m.note = note.value_or("");
  auto saved = s.store->add_measurement(m);
  if (!saved) return internal_error(saved.error().message);
  return json_response(201, measurement_json(*saved).dump());
}

}  // namespace kc::http
