// usecases/: the application layer. One function per thing the product does (set up a person,
// today, the session's steps, log a session, check in, record a measure, progress, the handout
// model, the calendar). Each takes the Store, the Clock and the Content and returns Result with
// a coded error (core/common/result.h: errc). Adapters (cli/, http/) only parse and render.
//
// This file: finding a person's program and loading what is stored about it, the first step of
// most use cases.
#pragma once

#include <optional>
#include <string>

#include "core/catalog/catalog.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/plan/profile.h"
#include "core/store/store.h"
#include "core/tracking/judge.h"

namespace kc::usecases {

// A person and their latest plan, with a clinician's changes applied (core/plan/changes.h).
struct PersonProgram {
  store::Person person;
  store::PlanRecord plan;                     // apply_changes of the stored plan
  std::vector<store::ProgramChange> changes;  // every program change of the person, in order
};

// The person named `name` with their latest plan, a clinician's changes applied. Errors: errc::kNotFound (no such
// person, field "person"), errc::kNoProgram (no plan yet), errc::kStopped (the plan was stopped; its message gives the
// reason; only when !allow_stopped), errc::kFailed (the store failed).
Result<PersonProgram> find_program(store::Store& store, const std::string& name, bool allow_stopped);

// Everything stored about `plan` (as find_program gives it) and its person: sessions, exercise
// logs, measurements, dose changes (with a clinician's dose settings among them), check-ins and
// a clinician's limits. errc::kFailed when the store fails.
Result<tracking::History> load_history(store::Store& store, const store::PlanRecord& plan);

// find_program, then load_history of its plan: the first step of the use cases that write.
struct LoadedProgram {
  store::Person person;
  store::PlanRecord plan;
  tracking::History history;
};
Result<LoadedProgram> load_program(store::Store& store, const std::string& name, bool allow_stopped);

// The stored dose changes of `program`'s person with a clinician's dose settings among them
// (core/plan/changes.h: clinician_doses): what the doses in force are made from.
std::vector<store::DoseChange> doses_in_force(const PersonProgram& program, std::vector<store::DoseChange> stored);

// The latest stored answers of `person`, parsed; nullopt when there are none. errc::kFailed
// when the store fails or the stored answers cannot be read.
Result<std::optional<Answers>> stored_answers(store::Store& store, store::PersonId person);

// What the planner knows of the person behind `plan` (their stored answers read under the
// plan's triage level), or nullopt when no answers are stored. Errors: stored_answers'.
// The clearance `plan` was built under (core/triage/clearance.h), or nullopt. kFailed when the store
// fails or the stored clearance cannot be read.
Result<std::optional<Clearance>> clearance_for(store::Store& store, const store::PlanRecord& plan);

Result<std::optional<Profile>> profile_for(store::Store& store, const store::PlanRecord& plan);

// What the person can do (the planner's feasibility rules for their stored answers and the
// plan's triage level), for choosing variants. Without answers every exercise counts as possible.
Result<tracking::CanDo> can_do_for(store::Store& store, const store::PlanRecord& plan);

}  // namespace kc::usecases
