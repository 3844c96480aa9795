// The resources of the FHIR export, one builder each (used by fhir_export.cpp only).
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/intake/answers.h"
#include "core/store/records.h"
#include "core/triage/clearance.h"
#include "core/triage/triage.h"
#include "usecases/fhir_ids.h"

namespace kc::usecases::fhir {

// What every builder needs: where ids come from and whom the resources are about.
struct Frame {
  std::string seed;     // the bundle's id seed (the instant the intake answers were recorded)
  std::string patient;  // the Patient's fullUrl
  const Catalog& catalog;
};

// A bundle entry: its fullUrl and resource.
struct Entry {
  std::string full_url;
  Json resource;
};

Entry patient(const Frame& f, const store::Person& person);
Entry age(const Frame& f, const Answers& answers, TimePoint recorded_at);
Entry condition(const Frame& f, const Answers& answers, TimePoint recorded_at);
Entry intake_response(const Frame& f, const store::AnswersRecord& answers);
// The triage (an Observation) at intake (`basis`: the intake response) or at a check-in.
Entry triage(const Frame& f, const std::string& key, const TriageResult& result, TimePoint at,
             const std::string& basis);
Entry check_in_response(const Frame& f, const store::CheckIn& check_in);
// The CarePlan (with `changes` applied: the doses in force) and an ActivityDefinition per exercise.
std::vector<Entry> care_plan(const Frame& f, const store::PlanRecord& plan,
                             const std::vector<store::DoseChange>& changes);
// The clearance the plan was built under ("I have been seen and cleared"): a ClinicalImpression
// dated the day the clinician cleared the person, naming them, the warning signs cleared and the
// limits (describe_clearance's words); `care_plan` is the plan it shaped.
Entry clearance(const Frame& f, const Clearance& clearance, const std::string& care_plan);
// A clinician's changes to the program in the person's store, as notes for the CarePlan (one per
// change: what, by whom, when, why), oldest first.
Json program_change_notes(const Frame& f, const std::vector<store::ProgramChange>& changes);
// A session and an Observation per exercise logged in it (with what the person said of it).
std::vector<Entry> session(const Frame& f, const store::SessionLog& s, const std::vector<store::ExerciseLog>& logs,
                           const std::string& care_plan);
// A measurement: an Observation (pain, chair stand) or a QuestionnaireResponse (PSFS, GRC).
// `session`: the fullUrl of its session, or "".
Entry measurement(const Frame& f, const store::Measurement& m, const std::string& session, const std::string& key);

// The keys the ids derive from, shared with the import's checks.
std::string session_key(const store::SessionLog& s);
std::string care_plan_key();

}  // namespace kc::usecases::fhir
