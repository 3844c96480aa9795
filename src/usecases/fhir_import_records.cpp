#include "usecases/fhir_import_records.h"

#include <fmt/format.h>

#include "core/store/codec.h"
#include "core/tracking/check_in_signs.h"
#include "core/tracking/feedback.h"
#include "core/triage/level.h"
#include "usecases/check_in.h"
#include "usecases/fhir_codes.h"

namespace kc::usecases::fhir_import {

Status read_sessions(const Sorted& s, Context& c) {
  for (std::size_t k = 0; k < s.sessions.size(); ++k) {
    const Item& item = s.sessions[k];
    const Json& r = *item.resource;
    store::SessionLog log;
    log.id = static_cast<store::Id>(k + 1);
    auto template_code = item.at.code_in(r, "category", fhir::kCodes);
    if (!template_code || template_code->rfind("session-", 0) != 0) {
      return item.at.fail(errc::kMissing, "category", "expected the session template, e.g. session-A");
    }
    log.session = template_code->substr(8);
    auto date = item.at.local_day(r);
    if (!date) return date.error();
    log.date = *date;
    auto started = item.at.instant(r, "performedPeriod.start");
    if (!started) return started.error();
    log.started_at = *started;
    if (r.contains("performedPeriod") && r["performedPeriod"].contains("end")) {
      auto ended = item.at.instant(r, "performedPeriod.end");
      if (!ended) return ended.error();
      log.ended_at = *ended;
    }
    auto status = item.at.text(r, "status");
    if (!status) return status.error();
    if (*status == "completed") {
      log.status = store::SessionStatus::kFinished;
    } else if (*status == "stopped") {
      log.status = store::SessionStatus::kQuit;
    } else if (*status == "in-progress") {
      log.status = store::SessionStatus::kInProgress;
    } else {
      return item.at.fail(errc::kInvalid, "status",
                          fmt::format("\"{}\"; expected completed, stopped or in-progress", status->substr(0, 40)));
    }
    c.records.sessions.push_back(log);
  }
  return Ok{};
}

namespace {

Result<std::optional<store::Id>> session_of(const Item& item, const Sorted& s, bool required) {
  const Json& r = *item.resource;
  if (!r.contains("partOf")) {
    if (required) return item.at.fail(errc::kMissing, "partOf", "missing; expected the session it belongs to");
    return std::optional<store::Id>{};
  }
  auto ref = item.at.text(r, "partOf.0.reference");
  if (!ref) return ref.error();
  const auto it = s.session_keys.find(*ref);
  if (it == s.session_keys.end()) {
    return item.at.fail(errc::kInvalid, "partOf.0.reference",
                        fmt::format("\"{}\" is no session (Procedure) of this bundle", ref->substr(0, 80)));
  }
  return std::optional<store::Id>{it->second};
}

}  // namespace

namespace {

// The components of an exercise log by code.
std::map<std::string, const Json*> components(const Json& r) {
  std::map<std::string, const Json*> out;
  if (!r.contains("component") || !r["component"].is_array()) return out;
  for (const auto& comp : r["component"]) {
    if (!comp.is_object() || !comp.contains("code")) continue;
    for (const auto& coding : comp["code"].value("coding", Json::array())) {
      if (coding.is_object() && coding.contains("code") && coding["code"].is_string()) {
        out[coding["code"].get<std::string>()] = &comp;
        break;
      }
    }
  }
  return out;
}

}  // namespace

Status read_exercise_logs(const Sorted& s, Context& c) {
  for (const Item& item : s.exercise_logs) {
    const Json& r = *item.resource;
    store::ExerciseLog log;
    auto session = session_of(item, s, true);
    if (!session) return session.error();
    log.session = **session;
    auto exercise = item.at.code_in(r, "valueCodeableConcept", fhir::kExerciseCodes);
    if (!exercise)
      return item.at.fail(errc::kMissing, "valueCodeableConcept", "expected the exercise's kneecoach code");
    log.exercise_id = *exercise;
    auto finished = item.at.instant(r, "effectiveDateTime");
    if (!finished) return finished.error();
    log.finished_at = *finished;
    const auto parts = components(r);
    auto get_int = [&](const char* code, int& into) -> Status {
      const auto it = parts.find(code);
      if (it == parts.end())
        return item.at.fail(errc::kMissing, "component", fmt::format("expected a component {}", code));
      auto v = item.at.integer(*it->second, "valueInteger");
      if (!v)
        return item.at.fail(v.error().code.c_str(), fmt::format("component ({}).valueInteger", code),
                            v.error().message.substr(v.error().message.find(": ") + 2));
      into = *v;
      return Ok{};
    };
    for (const auto& [code, into] : std::vector<std::pair<const char*, int*>>{{fhir::kPosition, &log.position},
                                                                              {fhir::kSetsDone, &log.sets_done},
                                                                              {fhir::kRepsDone, &log.reps_done},
                                                                              {fhir::kHoldsDone, &log.holds_done}}) {
      if (auto st = get_int(code, *into); !st) return st;
    }
    const auto seconds = parts.find(fhir::kSecondsSpent);
    if (seconds == parts.end()) return item.at.fail(errc::kMissing, "component", "expected a component seconds-spent");
    auto secs = item.at.integer(*seconds->second, "valueQuantity.value");
    if (!secs) return secs.error();
    log.seconds = *secs;
    const auto outcome = parts.find(fhir::kOutcome);
    auto outcome_text =
        outcome == parts.end() ? Result<std::string>(make_error("")) : item.at.text(*outcome->second, "valueString");
    const auto parsed_outcome = outcome_text ? store::parse_outcome(*outcome_text) : std::nullopt;
    if (!parsed_outcome) return item.at.fail(errc::kInvalid, "component (outcome)", "expected done, partly or skipped");
    log.outcome = *parsed_outcome;
    const auto planned = parts.find(fhir::kPlannedDose);
    auto planned_text =
        planned == parts.end() ? Result<std::string>(make_error("")) : item.at.text(*planned->second, "valueString");
    auto dose = planned_text ? store::dose_from_text(*planned_text) : Result<Dose>(make_error("missing"));
    if (!dose)
      return item.at.fail(errc::kInvalid, "component (planned-dose)",
                          "expected the planned dose: " + dose.error().message);
    log.planned = *dose;
    if (const auto said = parts.find(fhir::kFeedback); said != parts.end()) {
      auto word = item.at.text(*said->second, "valueString");
      const auto feedback = word ? tracking::feedback_from_word(*word) : std::nullopt;
      if (!feedback || *feedback == store::ExerciseFeedback::kNone)
        return item.at.fail(errc::kInvalid, "component (feedback)", "expected too-easy, too-hard or hurt");
      log.feedback = *feedback;
    }
    for (const auto& comp : r.value("component", Json::array())) {
      if (fhir::Reader("", "").code_in(comp, "code", fhir::kLoinc) == std::string(fhir::kLoincPainSeverity)) {
        auto pain = item.at.integer(comp, "valueInteger");
        if (!pain) return pain.error();
        log.pain = *pain;
      }
    }
    c.records.logs.push_back(log);
  }
  return Ok{};
}

namespace {

// A measurement's common parts: the instant, the local day, the session, the note.
Status read_taken(const Item& item, const Sorted& s, store::Measurement& m, const char* instant_field) {
  auto taken = item.at.instant(*item.resource, instant_field);
  if (!taken) return taken.error();
  m.taken_at = *taken;
  auto day = item.at.local_day(*item.resource);
  if (!day) return day.error();
  m.date = *day;
  auto session = session_of(item, s, false);
  if (!session) return session.error();
  m.session = *session;
  return Ok{};
}

}  // namespace

Status read_observations(const Sorted& s, Context& c) {
  for (const auto* list : {&s.pains, &s.chair_stands}) {
    for (const Item& item : *list) {
      const Json& r = *item.resource;
      store::Measurement m;
      m.measure = *item.at.code_in(r, "code", fhir::kMeasureCodes);
      if (auto st = read_taken(item, s, m, "effectiveDateTime"); !st) return st;
      auto value = item.at.integer(r, "valueInteger");
      if (!value) return value.error();
      const bool pain = list == &s.pains;
      if (*value < 0 || (pain && *value > 10) || *value > 200) {
        return item.at.fail(errc::kOutOfRange, "valueInteger",
                            fmt::format("{} is out of range; expected {}", *value, pain ? "0 to 10" : "0 to 200"));
      }
      m.value = *value;
      if (r.contains("note")) {
        auto note = item.at.text(r, "note.0.text");
        if (!note) return note.error();
        m.note = *note;
      }
      if (m.measure == store::kPainDuring && m.session)
        c.records.sessions[static_cast<std::size_t>(*m.session - 1)].pain_during = *value;
      c.measured.emplace_back(item.index, m);
    }
  }
  return Ok{};
}

namespace {

// The answer of item `link_id` of a response, or nullptr.
const Json* answer_of(const Json& items, const std::string& link_id) {
  for (const auto& it : items) {
    if (it.is_object() && it.value("linkId", "") == link_id && it.contains("answer") && it["answer"].is_array() &&
        !it["answer"].empty()) {
      return &it["answer"][0];
    }
  }
  return nullptr;
}

}  // namespace

Status read_responses(const Sorted& s, Context& c) {
  for (const auto* list : {&s.psfs, &s.grc}) {
    for (const Item& item : *list) {
      store::Measurement m;
      const bool psfs = list == &s.psfs;
      m.measure = psfs ? store::kPsfs : store::kGrc;
      if (auto st = read_taken(item, s, m, "authored"); !st) return st;
      auto items = item.at.array(*item.resource, "item");
      if (!items) return items.error();
      if (const Json* note = answer_of(**items, "note")) {
        auto text = item.at.text(*note, "valueString");
        if (!text) return text.error();
        m.note = *text;
      }
      if (psfs) {
        double sum = 0;
        for (std::size_t k = 0; k < (*items)->size(); ++k) {
          const Json& group = (**items)[k];
          if (group.value("linkId", "") != "activity") continue;
          const Json* name = group.contains("item") ? answer_of(group["item"], "activity.name") : nullptr;
          const Json* score = group.contains("item") ? answer_of(group["item"], "activity.score") : nullptr;
          if (name == nullptr || score == nullptr)
            return item.at.fail(errc::kMissing, fmt::format("item[{}].item", k),
                                "expected activity.name and activity.score");
          auto label = item.at.text(*name, "valueString");
          if (!label) return label.error();
          auto value = item.at.number(*score, "valueDecimal");
          if (!value) return value.error();
          if (*value < 0 || *value > 10)
            return item.at.fail(errc::kOutOfRange, fmt::format("item[{}].item", k), "a score from 0 to 10 expected");
          m.items.push_back({*label, *value});
          sum += *value;
        }
        if (m.items.empty()) return item.at.fail(errc::kMissing, "item", "expected at least one activity");
        m.value = sum / static_cast<double>(m.items.size());
      } else {
        const Json* rating = answer_of(**items, "rating");
        if (rating == nullptr) return item.at.fail(errc::kMissing, "item", "expected the item rating");
        auto value = item.at.integer(*rating, "valueInteger");
        if (!value) return value.error();
        if (*value < -7 || *value > 7) return item.at.fail(errc::kOutOfRange, "item (rating)", "expected -7 to 7");
        m.value = *value;
      }
      c.measured.emplace_back(item.index, m);
    }
  }
  return Ok{};
}

Status read_check_ins(const Sorted& s, Context& c) {
  for (std::size_t k = 0; k < s.check_ins.size(); ++k) {
    const Item& item = s.check_ins[k];
    store::CheckIn ci;
    ci.id = static_cast<store::Id>(k + 1);
    auto at = item.at.instant(*item.resource, "authored");
    if (!at) return at.error();
    ci.at = *at;
    auto day = item.at.local_day(*item.resource);
    if (!day) return day.error();
    ci.date = *day;
    auto items = item.at.array(*item.resource, "item");
    if (!items) return items.error();
    const Json* pain = answer_of(**items, "next_morning_pain");
    if (pain == nullptr) return item.at.fail(errc::kMissing, "item", "expected the item next_morning_pain");
    auto value = item.at.integer(*pain, "valueInteger");
    if (!value) return value.error();
    if (*value < 0 || *value > 10)
      return item.at.fail(errc::kOutOfRange, "item (next_morning_pain)", "expected 0 to 10");
    ci.next_morning_pain = *value;
    for (const auto& sign : tracking::check_in_signs()) {
      const Json* yes = answer_of(**items, sign);
      if (yes != nullptr && yes->value("valueBoolean", false)) ci.red_flags.push_back(sign);
    }
    ci.triage_level = c.records.plan.level;
    if (!ci.red_flags.empty()) {
      const TriageResult t = triage_with_signs(c.answers, ci.red_flags, c.content.rules);
      ci.triage_level = std::string(to_string(t.level));
      ci.stopped_program = !may_start_program(t.level);
    }
    c.records.check_ins.push_back(ci);
  }
  return Ok{};
}

}  // namespace kc::usecases::fhir_import
