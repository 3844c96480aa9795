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
#include "usecases/fhir_import_records.h"
#include "usecases/fhir_read.h"
#include "usecases/set_up.h"

namespace kc::usecases {
namespace {

using fhir_import::Context;
using fhir_import::Item;
using fhir_import::Json;
using fhir_import::Reader;
using fhir_import::Sorted;

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
  // The clearance is for the reader; a clearance is recorded where the person is seen (docs/fhir.md).
  if (*type == "ClinicalImpression") return Ok{};
  return item.at.fail(errc::kInvalid, "resourceType",
                      fmt::format("kneecoach does not import {} resources; expected Patient, Condition, CarePlan, "
                                  "ActivityDefinition, ClinicalImpression, Observation, QuestionnaireResponse or "
                                  "Procedure",
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
  if (auto st = fhir_import::read_sessions(s, c); !st) return st.error();
  if (auto st = fhir_import::read_exercise_logs(s, c); !st) return st.error();
  if (auto st = fhir_import::read_observations(s, c); !st) return st.error();
  if (auto st = fhir_import::read_responses(s, c); !st) return st.error();
  if (auto st = fhir_import::read_check_ins(s, c); !st) return st.error();
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
