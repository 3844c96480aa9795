#include "usecases/fhir_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/intake/parse.h"
#include "core/intake/questionnaire.h"
#include "core/plan/plan_json.h"
#include "core/store/codec.h"
#include "core/tracking/check_in_signs.h"
#include "core/tracking/plan_record.h"
#include "core/triage/level.h"
#include "usecases/check_in.h"
#include "usecases/fhir_codes.h"
#include "usecases/fhir_read.h"
#include "usecases/set_up.h"

namespace kc::usecases {
namespace {

using fhir::Json;
using fhir::Reader;

// One entry of the bundle: where it is, and its resource.
struct Item {
  Reader at;
  const Json* resource;
  std::size_t index = 0;  // in Bundle.entry
};

// The entries sorted by what they hold.
struct Sorted {
  std::vector<Item> patients, intake, check_ins, psfs, grc, care_plans, sessions, exercise_logs, pains, chair_stands;
  std::map<std::string, store::Id> session_keys;  // Procedure fullUrl -> SessionLog::id key
};

const std::set<std::string> kDerived{"Condition", "ActivityDefinition"};

std::string questionnaire_of(const std::string& canonical) {
  const std::string prefix = fhir::kQuestionnaires;
  if (canonical.rfind(prefix, 0) != 0) return "";
  return canonical.substr(prefix.size(), canonical.find('|') == std::string::npos
                                             ? std::string::npos
                                             : canonical.find('|') - prefix.size());
}

Status sort_response(const Item& item, Sorted& out) {
  auto q = item.at.text(*item.resource, "questionnaire");
  if (!q) return q.error();
  const std::string name = questionnaire_of(*q);
  if (name == fhir::kIntakeQuestionnaire) return out.intake.push_back(item), Ok{};
  if (name == fhir::kCheckInQuestionnaire) return out.check_ins.push_back(item), Ok{};
  if (name == fhir::kPsfsQuestionnaire) return out.psfs.push_back(item), Ok{};
  if (name == fhir::kGrcQuestionnaire) return out.grc.push_back(item), Ok{};
  return item.at.fail(errc::kInvalid, "questionnaire",
                      fmt::format("\"{}\" is not one of our questionnaires; expected {}intake, check-in, psfs or grc",
                                  q->substr(0, 80), fhir::kQuestionnaires));
}

Status sort_observation(const Item& item, Sorted& out) {
  const Json& r = *item.resource;
  if (item.at.code_in(r, "code", fhir::kCodes) == std::string(fhir::kExerciseLogCode)) {
    return out.exercise_logs.push_back(item), Ok{};
  }
  if (item.at.code_in(r, "code", fhir::kLoinc) == std::string(fhir::kLoincAge)) return Ok{};    // from the answers
  if (item.at.code_in(r, "code", fhir::kCodes) == std::string(fhir::kTriageCode)) return Ok{};  // triaged again
  const auto measure = item.at.code_in(r, "code", fhir::kMeasureCodes);
  if (measure == std::string(store::kChairStand)) return out.chair_stands.push_back(item), Ok{};
  if (measure && measure->rfind("pain-", 0) == 0) return out.pains.push_back(item), Ok{};
  return item.at.fail(errc::kInvalid, "code",
                      "not an observation kneecoach writes; expected a pain rating, a chair stand, an exercise log or "
                      "the age (docs/fhir.md)");
}

Status sort_entry(const Json& entry, std::size_t i, Sorted& out) {
  const Reader top(fmt::format("entry[{}]", i), fmt::format("entry[{}]", i));
  if (!entry.is_object()) return top.fail(errc::kWrongType, "", "expected an object");
  auto url = top.text(entry, "fullUrl");
  if (!url) return url.error();
  auto resource = top.member(entry, "resource", Json::value_t::object, "a resource object");
  if (!resource) return resource.error();
  auto type = top.text(**resource, "resourceType");
  if (!type)
    return top.fail(type.error().code.c_str(), "resource.resourceType",
                    "missing or not a string; expected a resource type");
  const Item item{Reader(fmt::format("entry[{}] ({})", i, *type), fmt::format("entry[{}].resource", i)), *resource, i};
  if (*type == "Patient") return out.patients.push_back(item), Ok{};
  if (*type == "CarePlan") return out.care_plans.push_back(item), Ok{};
  if (*type == "QuestionnaireResponse") return sort_response(item, out);
  if (*type == "Observation") return sort_observation(item, out);
  if (*type == "Procedure") {
    out.session_keys[*url] = static_cast<store::Id>(out.sessions.size() + 1);
    return out.sessions.push_back(item), Ok{};
  }
  if (kDerived.count(*type) != 0) return Ok{};  // made again from the answers and the records
  return item.at.fail(errc::kInvalid, "resourceType",
                      fmt::format("kneecoach does not import {} resources; expected Patient, Condition, CarePlan, "
                                  "ActivityDefinition, Observation, QuestionnaireResponse or Procedure",
                                  type->substr(0, 60)));
}

Result<const Item*> the_one(const std::vector<Item>& items, const char* what) {
  if (items.size() == 1) return &items.front();
  return make_error(errc::kInvalid, "entry",
                    fmt::format("entry: the bundle holds {} {}; expected exactly one", items.size(), what));
}

// The answers of an intake QuestionnaireResponse, as format-v1 JSON.
Result<Answers> answers_of(const Item& item) {
  auto items = item.at.array(*item.resource, "item");
  if (!items) return items.error();
  nlohmann::json doc{{"version", 1}};
  for (std::size_t k = 0; k < (*items)->size(); ++k) {
    const Json& it = (**items)[k];
    const std::string path = fmt::format("item[{}]", k);
    auto link = item.at.text(it, "linkId");
    if (!link) return item.at.fail(link.error().code.c_str(), path + ".linkId", "missing or not a string");
    const Question* q = find_question(*link);
    if (q == nullptr)
      return item.at.fail(errc::kInvalid, path + ".linkId",
                          fmt::format("\"{}\" is not an intake question", link->substr(0, 60)));
    auto answers = item.at.array(it, "answer");
    if (!answers || (*answers)->empty())
      return item.at.fail(errc::kMissing, path + ".answer", "expected at least one answer");
    nlohmann::json values = nlohmann::json::array();
    for (const auto& a : **answers) {
      const char* key = q->kind == AnswerKind::kYesNo         ? "valueBoolean"
                        : q->kind == AnswerKind::kWholeNumber ? "valueInteger"
                        : q->kind == AnswerKind::kNumber      ? "valueDecimal"
                                                              : "valueCoding";
      if (!a.is_object() || !a.contains(key)) {
        return item.at.fail(errc::kWrongType, path + ".answer", fmt::format("{}: expected {}", *link, key));
      }
      const Json& v = a[key];
      values.push_back(std::string(key) == "valueCoding" ? nlohmann::json(v.value("code", ""))
                                                         : nlohmann::json::parse(v.dump()));
    }
    doc[*link] = q->kind == AnswerKind::kManyOf ? values : values.front();
  }
  auto answers = parse_answers(doc.dump());
  if (!answers) return item.at.fail(errc::kInvalid, "item", "the intake answers: " + answers.error().message);
  return answers;
}

struct Context {
  const FhirContent& content;
  Answers answers;
  store::PersonRecords records;
  std::vector<std::pair<std::size_t, store::Measurement>> measured;  // by entry index: the store's order
};

// The doses in force: a change for each activity that differs from the plan's starting dose.
Status read_activities(const Item& item, Context& c) {
  auto list = item.at.array(*item.resource, "activity");
  if (!list) return list.error();
  std::vector<const store::PlanExercise*> exercises;
  std::set<std::string> seen;
  for (const auto& s : c.records.plan.sessions) {
    for (const auto& e : s.exercises) {
      if (seen.insert(e.exercise_id).second) exercises.push_back(&e);
    }
  }
  if ((*list)->size() != exercises.size()) {
    return item.at.fail(errc::kContent, "activity",
                        fmt::format("{} activities, but these intake answers give a program of {} exercises with this "
                                    "content; import it where the same exercise content is installed",
                                    (*list)->size(), exercises.size()));
  }
  for (std::size_t k = 0; k < exercises.size(); ++k) {
    const Json& a = (**list)[k];
    const std::string path = fmt::format("activity.{}", k);
    const store::PlanExercise& e = *exercises[k];
    auto exercise = item.at.code_in(item.resource->at("activity").at(k), "detail.code", fhir::kExerciseCodes);
    if (!exercise) return item.at.fail(errc::kMissing, path + ".detail.code", "expected the exercise's kneecoach code");
    auto ext = item.at.text(a, "detail.extension.0.valueString");
    if (!ext) return ext.error();
    auto dose = store::dose_from_text(*ext);
    if (!dose) return item.at.fail(errc::kInvalid, path + ".detail.extension", dose.error().message);
    const bool changed = *exercise != e.exercise_id || store::dose_to_text(*dose) != store::dose_to_text(e.dose);
    if (!changed && !a.contains("progress")) continue;
    store::DoseChange d;
    d.exercise_id = e.exercise_id;
    d.now_doing = *exercise;
    d.decision = store::DoseDecision::kProgress;
    d.from = e.dose;
    d.to = *dose;
    d.date = c.records.plan.start;
    if (a.contains("progress")) {
      auto day = item.at.day(a, "progress.0.time");
      if (!day) return day.error();
      d.date = *day;
      auto why = item.at.text(a, "progress.0.text");
      if (!why) return why.error();
      d.reason = *why;
    }
    d.at = TimePoint{date::sys_days{d.date}} + std::chrono::hours{12};
    c.records.changes.push_back(d);
  }
  return Ok{};
}

Status read_plan(const Item& item, Context& c) {
  const Json& r = *item.resource;
  auto start = item.at.day(r, "period.start");
  if (!start) return start.error();
  auto end = item.at.day(r, "period.end");
  if (!end) return end.error();
  const int days = static_cast<int>((*end - *start).count()) + 1;
  if (days < 7 || days % 7 != 0 || days > kMaxWeeks * 7) {
    return item.at.fail(errc::kInvalid, "period.end",
                        fmt::format("expected whole weeks (1 to {}) after period.start", kMaxWeeks));
  }
  auto created = item.at.instant(r, "created");
  if (!created) return created.error();
  const TriageResult triage = evaluate(c.answers, c.content.rules);
  auto program = plan_program(c.answers, triage, c.content.catalog, *start, days / 7);
  if (!program) return program.error();
  if (program->status != SetupStatus::kCreated) {
    return item.at.fail(errc::kContent, "activity",
                        "these intake answers give no program with this content; kneecoach keeps none for them");
  }
  const Plan& plan = *program->plan;
  c.records.plan = tracking::to_record(plan, 0, c.answers.pain_now, *created, plan_to_json(plan).dump());
  auto status = item.at.text(r, "status");
  if (!status) return status.error();
  if (*status == "revoked") {
    auto when = item.at.instant(r, "note.0.time");
    if (!when) return when.error();
    auto why = item.at.text(r, "note.0.text");
    if (!why) return why.error();
    c.records.plan.stopped_at = *when;
    c.records.plan.stop_reason = *why;
  }
  return read_activities(item, c);
}

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

}  // namespace

Result<ReadBundle> read_bundle(const Json& bundle, const FhirContent& content) {
  const Reader root("Bundle", "bundle");
  if (!bundle.is_object() || bundle.value("resourceType", "") != "Bundle") {
    return root.fail(errc::kInvalid, "resourceType",
                     "not a FHIR Bundle; expected a kneecoach export (kneecoach export fhir)");
  }
  auto system = root.text(bundle, "identifier.system");
  if (!system || *system != fhir::kBundleIds) {
    return root.fail(errc::kInvalid, "identifier.system",
                     fmt::format("this bundle was not written by kneecoach; expected {}", fhir::kBundleIds));
  }
  auto type = root.text(bundle, "type");
  if (!type) return type.error();
  if (*type != "collection" && *type != "transaction")
    return root.fail(errc::kInvalid, "type", "expected collection or transaction");
  auto entries = root.array(bundle, "entry");
  if (!entries) return entries.error();
  Sorted s;
  for (std::size_t i = 0; i < (*entries)->size(); ++i) {
    if (auto st = sort_entry((**entries)[i], i, s); !st) return st.error();
  }
  auto patient = the_one(s.patients, "Patient resources");
  if (!patient) return patient.error();
  auto name = (*patient)->at.text(*(*patient)->resource, "identifier.0.value");
  if (!name) return name.error();
  auto intake = the_one(s.intake, "intake answers (QuestionnaireResponse of the intake)");
  if (!intake) return intake.error();
  auto answers = answers_of(**intake);
  if (!answers) return answers.error();
  auto authored = (*intake)->at.instant(*(*intake)->resource, "authored");
  if (!authored) return authored.error();
  Context c{content, *answers, {}, {}};
  c.records.answers = {0, 0, *authored, answers_to_json(*answers).dump(),
                       std::string(to_string(evaluate(*answers, content.rules).level))};
  auto plan = the_one(s.care_plans, "CarePlan resources");
  if (!plan) return plan.error();
  if (auto st = read_plan(**plan, c); !st) return st.error();
  if (auto st = read_sessions(s, c); !st) return st.error();
  if (auto st = read_exercise_logs(s, c); !st) return st.error();
  if (auto st = read_observations(s, c); !st) return st.error();
  if (auto st = read_responses(s, c); !st) return st.error();
  if (auto st = read_check_ins(s, c); !st) return st.error();
  std::sort(c.measured.begin(), c.measured.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [index, m] : c.measured) c.records.measurements.push_back(std::move(m));
  return ReadBundle{*name, std::move(c.records), static_cast<int>((*entries)->size())};
}

Result<ImportOutcome> import_fhir(store::Store& store, const Clock& clock, const FhirContent& content,
                                  const std::string& text, const std::string& name) {
  const Json bundle = Json::parse(text, nullptr, false);
  if (bundle.is_discarded()) {
    return make_error(errc::kInvalid, "bundle",
                      "the file is not JSON; expected a FHIR Bundle written by kneecoach export fhir");
  }
  auto read = read_bundle(bundle, content);
  if (!read) return read.error();
  const std::string who = name.empty() ? read->name : name;
  auto found = store.find_person(who);
  if (!found) return found.error();
  if (*found) {
    return make_error(errc::kConflict, "name",
                      fmt::format("a person named \"{}\" exists already; choose another name with --name", who));
  }
  auto person = store.create_person_with_records(who, clock.now(), read->records);
  if (!person) return person.error();
  return ImportOutcome{*person, read->resources, static_cast<int>(read->records.sessions.size()),
                       static_cast<int>(read->records.measurements.size()),
                       static_cast<int>(read->records.check_ins.size())};
}

}  // namespace kc::usecases
