// Logging what was done: a whole session (with the after-session progression rules), the
// next-morning check-in (dose review, or a stop on a warning sign) and measures.
#include <fmt/format.h>

#include <algorithm>

#include "adapters/http/api_routes.h"
#include "adapters/http/body_check.h"
#include "adapters/http/tracking_json.h"
#include "core/store/codec.h"
#include "core/tracking/camera_log.h"
#include "core/tracking/feedback.h"
#include "core/tracking/measure_check.h"
#include "usecases/check_in.h"
#include "usecases/check_in_json.h"
#include "usecases/log_session.h"
#include "usecases/measure.h"

namespace kc::http {
namespace {

store::ExerciseOutcome outcome_of(const std::string& s) {
  if (s == "done") return store::ExerciseOutcome::kDone;
  if (s == "partly") return store::ExerciseOutcome::kPartly;
  return store::ExerciseOutcome::kSkipped;
}

// The form-fault ids the camera may flag: every cue's `fault`, sorted, without repeats.
std::vector<std::string> known_faults(const ApiState& s) {
  std::vector<std::string> ids;
  for (const auto& cue : s.pictures.cues) ids.push_back(cue.fault);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Reads body.exercises, each checked; positions unique; camera logs against `faults`.
std::vector<usecases::LoggedExercise> read_exercises(BodyCheck& check, const Json& doc,
                                                     const std::vector<std::string>& faults) {
  std::vector<usecases::LoggedExercise> out;
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
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = fmt::format("exercises[{}]", i);
    const Json& item = list[i];
    if (!check.object(item, path,
                      {"position", "status", "sets", "reps", "holds", "seconds", "pain", "camera", "feedback"}))
      continue;
    usecases::LoggedExercise e;
    const auto position = check.integer(item, path, "position", 0, 49, true);
    const auto status = check.one_of(item, path, "status", {"done", "partly", "skipped"}, false);
    e.sets = check.integer(item, path, "sets", 0, 20, false).value_or(0);
    e.reps = check.integer(item, path, "reps", 0, 1000, false).value_or(0);
    e.holds = check.integer(item, path, "holds", 0, 1000, false).value_or(0);
    e.seconds = check.integer(item, path, "seconds", 0, 36000, false).value_or(0);
    e.pain = check.integer(item, path, "pain", 0, 10, false);
    const auto said = check.one_of(item, path, "feedback", {"too-easy", "too-hard", "hurt"}, false);
    if (said) e.feedback = *tracking::feedback_from_word(*said);
    if (item.contains("camera") && !item.at("camera").is_null()) {
      auto camera = tracking::camera_log_from_json(item.at("camera"), path + ".camera", &faults);
      if (camera) {
        e.camera = tracking::camera_text(*camera);
      } else {
        check.fail(camera.error().code, camera.error().field, camera.error().message);
      }
    }
    if (!position) continue;
    e.position = *position;
    if (status) e.outcome = outcome_of(*status);
    out.push_back(e);
  }
  return out;
}

}  // namespace

// Parses the JSON shape of a body; the rules of the values are the use case's.
Response post_session(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"date", "session", "status", "pain_during", "exercises"})) {
    return check.error();
  }
  const Json& doc = check.doc();
  usecases::LogSessionRequest request;
  request.person = id;
  request.date = check.date(doc, "", "date");
  request.session = check.one_of(doc, "", "session", {"A", "B"}, false).value_or("");
  const auto status = check.one_of(doc, "", "status", {"finished", "quit"}, true);
  request.pain_during = check.integer(doc, "", "pain_during", 0, 10, false);
  request.exercises = read_exercises(check, doc, known_faults(s));
  if (!check.ok()) return check.error();
  request.status = *status == "finished" ? store::SessionStatus::kFinished : store::SessionStatus::kQuit;

  auto done = usecases::log_session(*s.store, *s.clock, usecases::Content{s.catalog, &s.rules}, request);
  if (!done) return error_reply(done.error());
  Json j;
  j["session_id"] = done->saved.id;
  j["date"] = to_iso(done->saved.date);
  j["session"] = done->saved.session;
  j["status"] = *status;
  j["repeat"] = done->repeat;
  j["dose_changes"] = changes_json(done->changes, s.catalog);
  j["decisions"] = judgements_json(done->judgements);
  Json said = Json::array();
  for (const auto& e : request.exercises) {
    if (e.feedback == store::ExerciseFeedback::kNone) continue;
    said.push_back({{"position", e.position},
                    {"feedback", std::string(store::to_string(e.feedback))},
                    {"words", tracking::feedback_words(e.feedback)}});
  }
  j["said"] = said;
  return json_response(201, j.dump());
}

Response post_check_in(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"date", "next_morning_pain", "red_flags", "replace"})) {
    return check.error();
  }
  const Json& doc = check.doc();
  usecases::CheckInRequest request;
  request.person = id;
  request.date = check.date(doc, "", "date");
  const auto pain = check.integer(doc, "", "next_morning_pain", 0, 10, true);
  if (doc.contains("replace") && !doc.at("replace").is_boolean()) {
    check.fail("wrong_type", "replace",
               fmt::format("replace: is {}; expected true or false", json_type_name(doc.at("replace"))));
  } else if (doc.contains("replace")) {
    request.replace = doc.at("replace").get<bool>();
  }
  if (doc.contains("red_flags")) {
    const Json& list = doc.at("red_flags");
    if (!list.is_array() || list.size() > 50) {
      check.fail(list.is_array() ? "out_of_range" : "wrong_type", "red_flags",
                 fmt::format("red_flags: is {}; expected a list of warning signs", json_type_name(list)));
    } else {
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].is_string()) {
          request.red_flags.push_back(list[i].get<std::string>());
        } else {
          const std::string field = fmt::format("red_flags[{}]", i);
          check.fail("wrong_type", field,
                     fmt::format("{}: is {}; expected a warning sign's id (GET /api/v1/check-in-signs)", field,
                                 json_type_name(list[i])));
        }
      }
    }
  }
  if (!check.ok()) return check.error();
  request.next_morning_pain = *pain;

  auto done = usecases::check_in(*s.store, *s.clock, usecases::Content{s.catalog, &s.rules}, request);
  if (done && done->triage && s.triaged) s.triaged(id, *done->triage, "check-in");
  if (!done) {
    Error e = done.error();
    if (e.code != errc::kConflict || e.field != "replace") return error_reply(e);
    // The day's check-in, for the page's "Replace it?" prompt.
    e.message += "; send \"replace\": true to replace it";
    Response reply = error_reply(e);
    auto earlier = usecases::check_in_of_day(*s.store, *s.clock, id, request.date);
    if (earlier && *earlier) {
      Json j = Json::parse(reply.body);
      j["existing"] = {{"check_in_id", (*earlier)->id},
                       {"date", to_iso((*earlier)->date)},
                       {"next_morning_pain", (*earlier)->next_morning_pain}};
      reply.body = j.dump();
    }
    return reply;
  }
  const auto& c = done->saved;
  Json j;
  j["check_in_id"] = c.id;
  j["date"] = to_iso(c.date);
  j["next_morning_pain"] = c.next_morning_pain;
  j["triage_level"] = c.triage_level;
  j["stopped"] = c.stopped_program;
  j["replaced"] = done->replaced ? Json{{"check_in_id", done->replaced->id},
                                        {"next_morning_pain", done->replaced->next_morning_pain}}
                                 : Json(nullptr);
  j["referral"] = c.stopped_program && done->triage ? triage_to_json(*done->triage) : Json(nullptr);
  j["cautions"] = done->cautions;
  j["dose_changes"] = changes_json(done->changes, s.catalog);
  j["review"] = review_json(done->review);
  return json_response(201, j.dump());
}

Response get_check_in_signs(ApiState& /*s*/, const Request& /*r*/, const std::string& /*id*/) {
  return json_response(200, usecases::check_in_signs_json().dump());
}

Response post_measure(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"measure", "date", "value", "items", "note"}))
    return check.error();
  const Json& doc = check.doc();
  store::Measurement m;
  const auto measure = check.text(doc, "", "measure", 40, true);
  const auto date = check.date(doc, "", "date");
  m.note = check.text(doc, "", "note", 1000, false).value_or("");
  const bool psfs = measure.value_or("") == store::kPsfs;
  if (doc.contains("value")) {
    if (psfs) {
      check.fail("invalid", "value", "value: not given for psfs; it is the mean of the items");
    } else if (const auto v = check.integer(doc, "", "value", -1000, 1000, true)) {
      m.value = *v;
    }
  } else if (measure && !psfs) {
    check.fail("missing_field", "value", "value: missing; expected a whole number");
  }
  if (doc.contains("items")) {
    const Json& items = doc.at("items");
    if (!items.is_array()) {
      check.fail("wrong_type", "items", "items: expected a list of activities, each {\"label\", \"value\" 0-10}");
    } else {
      for (std::size_t i = 0; i < items.size() && i < 20; ++i) {
        const std::string path = fmt::format("items[{}]", i);
        if (!check.object(items[i], path, {"label", "value"})) continue;
        const auto label = check.text(items[i], path, "label", 200, true);
        const auto value = check.integer(items[i], path, "value", -1000, 1000, true);
        if (label && value) m.items.push_back({*label, static_cast<double>(*value)});
      }
      if (items.size() > 20) {
        check.fail("out_of_range", "items",
                   fmt::format("items: expected a list of 1 to {} activities", tracking::kPsfsMaxItems));
      }
    }
  }
  if (!check.ok()) return check.error();
  m.measure = *measure;
  auto done = usecases::record_measures(*s.store, *s.clock, usecases::MeasureRequest{id, date, {m}});
  if (!done) return error_reply(done.error());
  return json_response(201, measurement_json(done->saved.front()).dump());
}

}  // namespace kc::http
