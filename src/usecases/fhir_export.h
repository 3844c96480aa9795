// FHIR R4 export: a person's records as one Bundle (docs/fhir.md): Patient, the intake answers
// (QuestionnaireResponse), the triage (Observation), Condition, CarePlan with an
// ActivityDefinition per exercise, each session (Procedure) with what was done of each
// exercise (Observation), every pain rating and chair stand (Observation), and every PSFS, global
// rating of change and check-in (QuestionnaireResponse).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/store/store.h"
#include "core/tracking/judge.h"
#include "core/triage/clearance.h"
#include "core/triage/triage.h"
#include "usecases/fhir_ids.h"

namespace kc::usecases {

enum class BundleType { kCollection, kTransaction };

// Everything exported about one person: their latest answers and plan, and the records kept
// under them (tracking::History: sessions, exercise logs, measurements, dose changes, check-ins).
struct PersonRecords {
  store::Person person;
  store::AnswersRecord answers;
  tracking::History history;                            // history.plan: the person's latest plan
  std::optional<Clearance> clearance{};                 // the clearance that plan was built under, if any
  std::vector<store::ProgramChange> program_changes{};  // a clinician's changes to the program, oldest first
};

// The content the bundle names things by: exercise names and the triage rules that fired.
struct FhirContent {
  const Catalog& catalog;
  const RuleSet& rules;
};

// The bundle of `records` (pure, deterministic): ids are derived from the records alone, so the
// same records give the same bundle in any installation, apart from `timestamp` (= now). A
// transaction bundle has a POST request per entry, for a FHIR server to load.
fhir::Json fhir_bundle(const PersonRecords& records, const FhirContent& content, TimePoint now, BundleType type);

// Loads the records of the person named `person` (a stopped program too). Errors:
// errc::kNotFound (no such person, field "person"), errc::kNoProgram (nothing set up yet),
// errc::kFailed (the store failed or the stored answers cannot be read).
Result<PersonRecords> person_records(store::Store& store, const std::string& person);

// person_records, then fhir_bundle at clock.now().
Result<fhir::Json> export_fhir(store::Store& store, const Clock& clock, const FhirContent& content,
                               const std::string& person, BundleType type);

}  // namespace kc::usecases
