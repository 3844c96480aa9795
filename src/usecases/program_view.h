// The program as it stands on a day: every exercise at the dose in force (the starting dose
// changed by every stored dose change), with when and why it last changed, and the program
// week of the day (core/plan/program_calendar.h). The handout, the calendar export, the web
// program page and `today` all show these doses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/catalog/exercise.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/plan/program_calendar.h"
#include "core/store/records.h"
#include "core/store/store.h"
#include "usecases/content.h"

namespace kc::usecases {

// Which person's program, on which day (`date`, else the clock's today).
struct ViewRequest {
  std::string person = "me";
  std::optional<CivilDate> date;
  bool allow_stopped = false;  // a stopped program may be shown (progress, export)
};

// One exercise of a session at the dose in force.
struct DoseInForce {
  std::string plan_exercise_id;         // as in the plan
  std::string exercise_id;              // done now (another id after a variant swap)
  std::string name;                     // the catalog name of exercise_id (the id when unknown)
  std::string block;                    // "strength" or "flexibility"
  Dose dose;                            // in force
  std::string dose_text;                // describe_dose(dose, the exercise's phase words)
  std::string why;                      // why it is in the plan (the planner's reason)
  std::optional<CivilDate> changed_on;  // the latest change; nullopt: still the starting dose
  std::string change_reason;            // why it changed then; empty when unchanged
};

// "Changed on Mon 10 Mar 2025: <reason>", or "" when unchanged.
std::string change_note(const DoseInForce& d);

struct SessionInForce {
  std::string id;  // "A" or "B"
  std::string kind;
  std::string title;
  int minutes = 0;  // at the doses in force: each dose's time plus moving between exercises
  std::vector<DoseInForce> exercises;
};

struct ProgramInForce {
  store::Person person;
  store::PlanRecord plan;
  CivilDate date;                                     // the day it is shown for
  ProgramCalendar calendar;                           // the program's weeks
  std::optional<int> week;                            // calendar.week_of(date)
  std::string week_text;                              // calendar.describe(date): "week 3 of 6", or outside
  std::vector<SessionInForce> sessions;               // in plan order
  std::vector<store::DoseChange> changes;             // every stored change of the person, in order
  std::vector<store::ProgramChange> program_changes;  // a clinician's changes and messages, in order
};

// The sessions of `plan` at the doses in force after `changes` (pure).
std::vector<SessionInForce> sessions_in_force(const store::PlanRecord& plan,
                                              const std::vector<store::DoseChange>& changes, const Catalog& catalog);

// The person's program on the requested day. Errors: find_program's (errc::kNotFound,
// kNoProgram, kStopped unless allow_stopped, kFailed).
Result<ProgramInForce> program_in_force(store::Store& store, const Clock& clock, const Content& content,
                                        const ViewRequest& request);

}  // namespace kc::usecases
