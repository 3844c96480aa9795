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
#include "core/store/store.h"
#include "core/tracking/judge.h"

namespace kc::usecases {

// A person and their latest plan.
struct PersonProgram {
  store::Person person;
  store::PlanRecord plan;
};

// The person named `name` with their latest plan. Errors: errc::kNotFound (no such person,
// field "person"), errc::kNoProgram (no plan yet), errc::kStopped (the plan was stopped; its
// message gives the reason; only when !allow_stopped), errc::kFailed (the store failed).
Result<PersonProgram> find_program(store::Store& store, const std::string& name, bool allow_stopped);

// Everything stored about `plan` and its person: sessions, exercise logs, measurements, dose
// changes and check-ins. errc::kFailed when the store fails.
Result<tracking::History> load_history(store::Store& store, const store::PlanRecord& plan);

// find_program, then load_history of its plan: the first step of the use cases that write.
struct LoadedProgram {
  store::Person person;
  store::PlanRecord plan;
  tracking::History history;
};
Result<LoadedProgram> load_program(store::Store& store, const std::string& name, bool allow_stopped);

// The latest stored answers of `person`, parsed; nullopt when there are none. errc::kFailed
// when the store fails or the stored answers cannot be read.
Result<std::optional<Answers>> stored_answers(store::Store& store, store::PersonId person);

// What the person can do (the planner's feasibility rules for their stored answers and the
// plan's triage level), for choosing variants. Without answers every exercise counts as possible.
Result<tracking::CanDo> can_do_for(store::Store& store, const store::PlanRecord& plan);

}  // namespace kc::usecases
