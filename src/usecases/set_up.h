// Setting up a person: intake answers -> triage -> plan -> stored, all in one transaction.
// A referral and a shortfall (too little time, days or equipment) are outcomes with their
// data, not errors: nothing is stored for them.
//
//   const TriageResult triage = evaluate(answers, rules);          // core/triage/triage.h
//   auto set = usecases::set_up_person(store, clock, catalog, {answers, triage, start, weeks, "me", false});
//   switch (set->status) { case SetupStatus::kCreated: ...; case kReferral: ...; case kTooLittle: ... }
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/plan/plan.h"
#include "core/store/store.h"
#include "core/triage/clearance.h"
#include "core/triage/triage.h"

namespace kc::usecases {

enum class SetupStatus {
  kCreated,   // a program may start: the plan (and, by set_up_person, what was stored)
  kReferral,  // the person must see a clinician first: no plan, nothing stored
  kTooLittle  // the answers leave too little for a balanced program: what is missing
};

// A program for the answers, or why there is none.
struct ProgramOutcome {
  SetupStatus status = SetupStatus::kReferral;
  TriageResult triage;
  std::optional<Plan> plan;             // kCreated; points into the catalog passed in
  std::vector<Missing> missing;         // kTooLittle
  std::vector<Equipment> enough_alone;  // kTooLittle: single items that alone would give a plan
};

// What to set up.
struct SetupRequest {
  Answers answers;
  TriageResult triage;  // evaluate(answers, rules), done by the caller before loading the catalog
  CivilDate start;      // the first day of week 1
  int weeks = kDefaultWeeks;
  std::string person;                    // the person's name (the CLI's "me", or a new API id)
  bool new_person = false;               // the name must not be taken yet (else the person may exist already)
  std::optional<Clearance> clearance{};  // stored with the plan (usecases/clearance.h sets it)
};

struct SetupOutcome {
  ProgramOutcome program;
  std::optional<store::Person> person;           // kCreated: who it was stored for
  std::optional<store::PlanRecord> plan_record;  // kCreated: the plan as stored
  bool replaced = false;                         // kCreated: the person had a program, which this one replaces
};

// The triage messages a caution-level plan shows with its program (none for go).
std::vector<std::string> plan_cautions(const TriageResult& triage);

// The plan the answers give, after their triage, nothing stored: kReferral when the triage
// allows no program (the catalog is not read), kTooLittle with what is missing, or kCreated.
// errc::kInvalid (field "weeks") when weeks is outside 1..kMaxWeeks.
// With a clearance, the plan keeps its limits and shows its words (core/plan/plan.h).
Result<ProgramOutcome> plan_program(const Answers& answers, const TriageResult& triage, const Catalog& catalog,
                                    CivilDate start, int weeks, const std::optional<Clearance>& clearance = {});

// Stores `program` (from plan_program for request's answers) as set_up_person does; for a
// referral or a shortfall, stores nothing and hands it back. Same errors as set_up_person.
Result<SetupOutcome> store_program(store::Store& store, const Clock& clock, const SetupRequest& request,
                                   ProgramOutcome program);

// plan_program, then, for kCreated, the answers and the plan stored for request.person in one
// transaction at clock.now() (the person created with them when new). Errors: errc::kInvalid
// (weeks), errc::kConflict (field "person": new_person and the name is taken), errc::kFailed
// (the store failed; nothing is stored).
Result<SetupOutcome> set_up_person(store::Store& store, const Clock& clock, const Catalog& catalog,
                                   const SetupRequest& request);

}  // namespace kc::usecases
