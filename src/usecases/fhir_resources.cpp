#include "usecases/fhir_resources.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/catalog/describe.h"
#include "core/common/text.h"
#include "core/plan/civil_date.h"
#include "core/store/codec.h"
#include "core/tracking/check_in_signs.h"
#include "core/tracking/feedback.h"
#include "core/tracking/today.h"
#include "core/triage/level.h"
#include "usecases/fhir_codes.h"

namespace kc::usecases::fhir {
namespace {

Json subject(const Frame& f) { return reference(f.patient); }

std::string canonical(const char* questionnaire) {
  return fmt::format("{}{}|{}", kQuestionnaires, questionnaire, kQuestionnaireVersion);
}

std::string exercise_name(const Frame& f, const std::string& id) {
  const Exercise* e = f.catalog.find(id);
  return e != nullptr ? e->name : id;
}

Json exercise_concept(const Frame& f, const std::string& id) {
  Json c = coded(kExerciseCodes, id, exercise_name(f, id));
  c["coding"][0]["display"] = exercise_name(f, id);
  return c;
}

Json category(const char* code) { return Json::array({coded(kObservationCategory, code, "")}); }

Json component_int(const char* code, int value) {
  return Json{{"code", coded(kCodes, code, "")}, {"valueInteger", value}};
}

Json component_string(const char* code, const std::string& value) {
  return Json{{"code", coded(kCodes, code, "")}, {"valueString", value}};
}

Json pain_code(const std::string& measure, const std::string& text) {
  Json c;
  c["coding"] = Json::array({Json{{"system", kLoinc},
                                  {"code", kLoincPainSeverity},
                                  {"display", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}},
                             Json{{"system", kMeasureCodes}, {"code", measure}}});
  c["text"] = text;
  return c;
}

std::string measure_text(const std::string& measure) {
  static const std::map<std::string, std::string> kTexts{
      {store::kPainNow, "Pain now (0-10)"},
      {store::kPainWorst24h, "Worst pain in the last 24 hours (0-10)"},
      {store::kPainNextMorning, "Pain the morning after a session (0-10)"},
      {store::kPainDuring, "Pain during the session (0-10)"},
      {store::kChairStand, "30-second chair stand (stands)"},
      {store::kPsfs, "Patient-Specific Functional Scale"},
      {store::kGrc, "Global rating of change"}};
  const auto it = kTexts.find(measure);
  return it == kTexts.end() ? measure : it->second;
}

Json answer_of(const Json& value) {
  if (value.is_boolean()) return Json{{"valueBoolean", value.get<bool>()}};
  if (value.is_number_integer()) return Json{{"valueInteger", value.get<long long>()}};
  if (value.is_number()) return Json{{"valueDecimal", value.get<double>()}};
  return Json{{"valueCoding", Json{{"system", kIntakeValues}, {"code", value.get<std::string>()}}}};
}

Json item(const std::string& link_id, Json answers) {
  return Json{{"linkId", link_id}, {"answer", std::move(answers)}};
}

Json response(const Frame& f, const char* questionnaire, TimePoint authored) {
  Json r;
  r["resourceType"] = "QuestionnaireResponse";
  r["questionnaire"] = canonical(questionnaire);
  r["status"] = "completed";
  r["subject"] = subject(f);
  r["authored"] = instant_text(authored);
  return r;
}

std::string knee_text(const Answers& a) {
  static const std::map<KneeSide, std::string> kSides{
      {KneeSide::kLeft, "left knee"}, {KneeSide::kRight, "right knee"}, {KneeSide::kBoth, "both knees"}};
  static const std::map<PainLocation, std::string> kPlaces{
      {PainLocation::kFront, "front (around or behind the kneecap)"},
      {PainLocation::kInner, "inner side"},
      {PainLocation::kOuter, "outer side"},
      {PainLocation::kBack, "back"},
      {PainLocation::kWhole, "whole knee"}};
  std::vector<std::string> places;
  for (const auto l : a.location) places.push_back(kPlaces.at(l));
  const std::string& side = kSides.at(a.knee);
  return places.empty() ? side : fmt::format("{}: {}", side, fmt::join(places, ", "));
}

// The weekdays on which the plan schedules a session holding `exercise_id`.
Json days_of(const store::PlanRecord& plan, const std::string& exercise_id) {
  static const std::array<const char*, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::set<std::string> sessions;
  for (const auto& s : plan.sessions) {
    for (const auto& e : s.exercises) {
      if (e.exercise_id == exercise_id) sessions.insert(s.id);
    }
  }
  std::set<int> days;
  for (const auto& d : plan.calendar) {
    if (sessions.count(d.session) != 0) days.insert(weekday_index(weekday_of(d.date)));
  }
  Json out = Json::array();
  for (const int d : days) out.push_back(kDays[static_cast<std::size_t>(d)]);
  return out;
}

Json activity(const Frame& f, const store::PlanRecord& plan, const store::PlanExercise& e,
              const tracking::CurrentDose& now) {
  Json detail;
  detail["extension"] = Json::array({Json{{"url", kDoseExtension}, {"valueString", store::dose_to_text(now.dose)}}});
  detail["instantiatesCanonical"] = Json::array({kActivityDefinitions + now.exercise_id});
  detail["code"] = exercise_concept(f, now.exercise_id);
  if (!e.reason.empty()) detail["reasonCode"] = Json::array({Json{{"text", e.reason}}});
  detail["status"] = plan.stopped_at ? "stopped" : "in-progress";
  const Json days = days_of(plan, e.exercise_id);
  if (!days.empty()) detail["scheduledTiming"] = Json{{"repeat", Json{{"dayOfWeek", days}}}};
  const Exercise* x = f.catalog.find(now.exercise_id);
  detail["description"] = x != nullptr ? describe_dose(now.dose, x->phase_words) : describe_dose(now.dose);
  Json a;
  if (now.changed_on) {
    a["progress"] = Json::array({Json{{"time", to_iso(*now.changed_on)}, {"text", now.reason}}});
  }
  a["detail"] = std::move(detail);
  return a;
}

Entry activity_definition(const Frame& f, const std::string& exercise_id) {
  Json r;
  r["resourceType"] = "ActivityDefinition";
  r["url"] = kActivityDefinitions + exercise_id;
  r["identifier"] = Json::array({Json{{"system", kExerciseIds}, {"value", exercise_id}}});
  r["title"] = exercise_name(f, exercise_id);
  r["status"] = "active";
  r["code"] = exercise_concept(f, exercise_id);
  return {uuid_for(f.seed, "ActivityDefinition/" + exercise_id), std::move(r)};
}

std::string session_status(store::SessionStatus s) {
  switch (s) {
    case store::SessionStatus::kFinished:
      return "completed";
    case store::SessionStatus::kQuit:
      return "stopped";
    case store::SessionStatus::kInProgress:
      break;
  }
  return "in-progress";
}

Entry exercise_log(const Frame& f, const store::ExerciseLog& log, const std::string& session_url,
                   const std::string& key) {
  Json r;
  r["resourceType"] = "Observation";
  r["status"] = "final";
  r["code"] = coded(kCodes, kExerciseLogCode, "Exercise done in a guided session");
  r["subject"] = subject(f);
  r["partOf"] = Json::array({reference(session_url)});
  r["effectiveDateTime"] = instant_text(log.finished_at);
  r["valueCodeableConcept"] = exercise_concept(f, log.exercise_id);
  Json c = Json::array({component_int(kPosition, log.position),
                        component_string(kOutcome, std::string(store::to_string(log.outcome))),
                        component_int(kSetsDone, log.sets_done), component_int(kRepsDone, log.reps_done),
                        component_int(kHoldsDone, log.holds_done)});
  c.push_back(Json{{"code", coded(kCodes, kSecondsSpent, "")},
                   {"valueQuantity", Json{{"value", log.seconds}, {"unit", "s"}, {"system", kUcum}, {"code", "s"}}}});
  c.push_back(component_string(kPlannedDose, store::dose_to_text(log.planned)));
  if (log.pain)
    c.push_back(
        Json{{"code", pain_code(store::kPainDuring, "Pain during this exercise")}, {"valueInteger", *log.pain}});
  if (log.feedback != store::ExerciseFeedback::kNone) {
    c.push_back(component_string(kFeedback, std::string(store::to_string(log.feedback))));
    r["note"] = Json::array({Json{{"text", fmt::format("The person said \"{}\" of it after the session.",
                                                       tracking::feedback_words(log.feedback))}}});
  }
  r["component"] = std::move(c);
  return {uuid_for(f.seed, key + "/" + std::to_string(log.position)), std::move(r)};
}

}  // namespace

std::string session_key(const store::SessionLog& s) { return "Procedure/" + instant_text(s.started_at); }
std::string care_plan_key() { return "CarePlan"; }

Entry patient(const Frame& f, const store::Person& person) {
  Json r;
  r["resourceType"] = "Patient";
  r["identifier"] = Json::array({Json{{"system", kPersonIds}, {"value", person.name}}});
  return {f.patient, std::move(r)};
}

Entry age(const Frame& f, const Answers& answers, TimePoint recorded_at) {
  Json r;
  r["resourceType"] = "Observation";
  r["status"] = "final";
  r["category"] = category("survey");
  Json code = coded(kLoinc, kLoincAge, "Age (as told at intake)");
  code["coding"][0]["display"] = "Age";
  r["code"] = std::move(code);
  r["subject"] = subject(f);
  r["effectiveDateTime"] = instant_text(recorded_at);
  r["valueQuantity"] = Json{{"value", answers.age}, {"unit", "years"}, {"system", kUcum}, {"code", "a"}};
  return {uuid_for(f.seed, "Observation/age"), std::move(r)};
}

Entry condition(const Frame& f, const Answers& answers, TimePoint recorded_at) {
  Json r;
  r["resourceType"] = "Condition";
  r["clinicalStatus"] = coded(kConditionClinical, "active", "");
  Json code = coded(kSnomed, kSnomedKneePain, "Knee pain");
  code["coding"][0]["display"] = "Knee pain";
  r["code"] = std::move(code);
  r["bodySite"] = Json::array({Json{{"text", knee_text(answers)}}});
  r["subject"] = subject(f);
  if (answers.duration_weeks) {
    r["onsetString"] = fmt::format("{} weeks before it was recorded{}", *answers.duration_weeks,
                                   answers.onset == Onset::kInjury ? ", after an injury" : "");
  }
  r["recordedDate"] = instant_text(recorded_at);
  return {uuid_for(f.seed, "Condition"), std::move(r)};
}

Entry intake_response(const Frame& f, const store::AnswersRecord& answers) {
  Json r = response(f, kIntakeQuestionnaire, answers.recorded_at);
  Json items = Json::array();
  const Json stored = Json::parse(answers.json);
  for (const auto& [field, value] : stored.items()) {
    if (field == "version") continue;
    if (!value.is_array()) {
      items.push_back(item(field, Json::array({answer_of(value)})));
      continue;
    }
    if (value.empty()) continue;  // "none"
    Json list = Json::array();
    for (const auto& v : value) list.push_back(answer_of(v));
    items.push_back(item(field, std::move(list)));
  }
  r["item"] = std::move(items);
  return {uuid_for(f.seed, "QuestionnaireResponse/intake"), std::move(r)};
}

Entry triage(const Frame& f, const std::string& key, const TriageResult& result, TimePoint at,
             const std::string& basis) {
  Json r;
  r["resourceType"] = "Observation";
  r["status"] = "final";
  r["category"] = category("survey");
  r["code"] = coded(kCodes, kTriageCode, "Red-flag screening");
  r["subject"] = subject(f);
  r["effectiveDateTime"] = instant_text(at);
  const std::string level(to_string(result.level));
  r["valueCodeableConcept"] = coded(kTriageLevels, level, level);
  r["note"] = Json::array({Json{{"text", result.advice}}});
  r["derivedFrom"] = Json::array({reference(basis)});
  if (!result.reasons.empty()) {
    Json rules = Json::array();
    for (const auto& reason : result.reasons) {
      rules.push_back(Json{{"code", coded(kTriageRules, reason.rule, reason.rule)}, {"valueString", reason.message}});
    }
    r["component"] = std::move(rules);
  }
  return {uuid_for(f.seed, key), std::move(r)};
}

Entry check_in_response(const Frame& f, const store::CheckIn& check_in) {
  Json r = response(f, kCheckInQuestionnaire, check_in.at);
  r["extension"] = Json::array({local_date(check_in.date)});
  Json items =
      Json::array({item("next_morning_pain", Json::array({Json{{"valueInteger", check_in.next_morning_pain}}}))});
  for (const auto& sign : tracking::check_in_signs()) {
    const bool yes = std::find(check_in.red_flags.begin(), check_in.red_flags.end(), sign) != check_in.red_flags.end();
    items.push_back(item(sign, Json::array({Json{{"valueBoolean", yes}}})));
  }
  r["item"] = std::move(items);
  return {uuid_for(f.seed, "QuestionnaireResponse/check-in/" + instant_text(check_in.at)), std::move(r)};
}

std::vector<Entry> care_plan(const Frame& f, const store::PlanRecord& plan,
                             const std::vector<store::DoseChange>& changes) {
  const auto doses = tracking::current_doses(plan, changes);
  Json r;
  r["resourceType"] = "CarePlan";
  r["status"] = plan.stopped_at ? "revoked" : "active";
  r["intent"] = "plan";
  r["title"] = "kneecoach home exercise program";
  r["subject"] = subject(f);
  const CivilDate end = plan.start + date::days{plan.weeks * 7 - 1};
  r["period"] = Json{{"start", to_iso(plan.start)}, {"end", to_iso(end)}};
  r["created"] = instant_text(plan.created_at);
  std::vector<Entry> out;
  std::set<std::string> seen;
  std::set<std::string> defined;
  Json activities = Json::array();
  for (const auto& s : plan.sessions) {
    for (const auto& e : s.exercises) {
      if (!seen.insert(e.exercise_id).second) continue;
      const auto now = doses.find(e.exercise_id);
      const tracking::CurrentDose current =
          now != doses.end() ? now->second : tracking::CurrentDose{e.exercise_id, e.exercise_id, e.dose, "", {}};
      activities.push_back(activity(f, plan, e, current));
      if (defined.insert(current.exercise_id).second) out.push_back(activity_definition(f, current.exercise_id));
    }
  }
  r["activity"] = std::move(activities);
  if (plan.stopped_at)
    r["note"] = Json::array({Json{{"time", instant_text(*plan.stopped_at)}, {"text", plan.stop_reason}}});
  out.insert(out.begin(), Entry{uuid_for(f.seed, care_plan_key()), std::move(r)});
  return out;
}

Entry clearance(const Frame& f, const Clearance& c, const std::string& care_plan) {
  Json r;
  r["resourceType"] = "ClinicalImpression";
  r["status"] = "completed";
  r["code"] = coded(kCodes, kClearanceCode, "Seen and cleared for home exercise");
  r["subject"] = subject(f);
  r["effectiveDateTime"] = to_iso(c.on);
  r["date"] = to_iso(c.on);
  r["description"] = fmt::format("Seen and cleared by {} ({}) on {}.", c.clinician, c.role, to_iso(c.on));
  r["summary"] = join(describe_clearance(c), " ");
  Json findings = Json::array();
  for (const auto& flag : c.flags) findings.push_back(Json{{"itemCodeableConcept", coded(kTriageRules, flag, flag)}});
  if (!findings.empty()) r["finding"] = std::move(findings);
  r["supportingInfo"] = Json::array({reference(care_plan)});
  Json notes = Json::array();
  notes.push_back(Json{{"authorString", fmt::format("{} ({})", c.clinician, c.role)},
                       {"text", "Limits: " + clearance_to_json(c).at("limits").dump()}});
  if (!c.limits.note.empty())
    notes.push_back(Json{{"authorString", fmt::format("{} ({})", c.clinician, c.role)}, {"text", c.limits.note}});
  r["note"] = std::move(notes);
  return {uuid_for(f.seed, "ClinicalImpression/clearance/" + to_iso(c.on)), std::move(r)};
}

Json program_change_notes(const Frame& f, const std::vector<store::ProgramChange>& changes) {
  Json notes = Json::array();
  for (const auto& c : changes) {
    std::string what(store::to_string(c.kind));
    if (!c.exercise.empty()) what += " " + exercise_name(f, c.exercise);
    if (!c.replacement.empty()) what += " for " + exercise_name(f, c.replacement);
    if (c.dose) what += " (" + store::dose_to_text(*c.dose) + ")";
    if (!c.text.empty()) what += ": \"" + c.text + "\"";
    std::string text = fmt::format("Clinician's change, {} from {}: {}.", what, describe_date(c.date),
                                   c.reason.empty() ? "no reason given" : c.reason);
    if (!c.overridden_rule.empty())
      text += fmt::format(" It overrode the rule {} because: {}.", c.overridden_rule, c.override_reason);
    notes.push_back(Json{{"authorString", c.by}, {"time", instant_text(c.at)}, {"text", text}});
  }
  return notes;
}

std::vector<Entry> session(const Frame& f, const store::SessionLog& s, const std::vector<store::ExerciseLog>& logs,
                           const std::string& care_plan) {
  const std::string key = session_key(s);
  const std::string url = uuid_for(f.seed, key);
  Json r;
  r["resourceType"] = "Procedure";
  r["extension"] = Json::array({local_date(s.date)});
  r["basedOn"] = Json::array({reference(care_plan)});
  r["status"] = session_status(s.status);
  r["category"] = coded(kCodes, "session-" + s.session, "Session " + s.session);
  r["code"] = coded(kCodes, kSessionCode, "Guided home exercise session");
  r["subject"] = subject(f);
  Json period{{"start", instant_text(s.started_at)}};
  if (s.ended_at) period["end"] = instant_text(*s.ended_at);
  r["performedPeriod"] = std::move(period);
  std::vector<Entry> out{{url, std::move(r)}};
  for (const auto& log : logs) {
    if (log.session == s.id) out.push_back(exercise_log(f, log, url, "Observation/" + key));
  }
  return out;
}

Entry measurement(const Frame& f, const store::Measurement& m, const std::string& session, const std::string& key) {
  if (m.measure == store::kPsfs || m.measure == store::kGrc) {
    const bool psfs = m.measure == store::kPsfs;
    Json r = response(f, psfs ? kPsfsQuestionnaire : kGrcQuestionnaire, m.taken_at);
    r["extension"] = Json::array({local_date(m.date)});
    Json items = Json::array();
    if (psfs) {
      for (const auto& i : m.items) {
        items.push_back(
            Json{{"linkId", "activity"},
                 {"item", Json::array({item("activity.name", Json::array({Json{{"valueString", i.label}}})),
                                       item("activity.score", Json::array({Json{{"valueDecimal", i.value}}}))})}});
      }
    } else {
      items.push_back(item("rating", Json::array({Json{{"valueInteger", static_cast<int>(m.value)}}})));
    }
    if (!m.note.empty()) items.push_back(item("note", Json::array({Json{{"valueString", m.note}}})));
    r["item"] = std::move(items);
    return {uuid_for(f.seed, key), std::move(r)};
  }
  Json r;
  r["resourceType"] = "Observation";
  r["extension"] = Json::array({local_date(m.date)});
  if (!session.empty()) r["partOf"] = Json::array({reference(session)});
  r["status"] = "final";
  const bool chair = m.measure == store::kChairStand;
  r["category"] = category(chair ? "exam" : "survey");
  r["code"] =
      chair ? coded(kMeasureCodes, m.measure, measure_text(m.measure)) : pain_code(m.measure, measure_text(m.measure));
  r["subject"] = subject(f);
  r["effectiveDateTime"] = instant_text(m.taken_at);
  r["valueInteger"] = static_cast<int>(m.value);
  if (!m.note.empty()) r["note"] = Json::array({Json{{"text", m.note}}});
  return {uuid_for(f.seed, key), std::move(r)};
}

}  // namespace kc::usecases::fhir
