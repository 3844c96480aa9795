// A clinician edits a patient's program (issue 17): the program as the clinician sees it, with
// the catalog and the planner's reason to include or exclude each exercise for this person,
// and one change at a time (add, remove, swap, dose, limit, pause, resume, message). Clinicians
// only, on their caseload (the policy's change_program action), every call audited. The
// planner's safety rules still apply (core/plan/changes.h: rule_against): a change they refuse
// is stored only with an override reason, and the rule it set aside is recorded with it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/result.h"
#include "core/store/records.h"
#include "usecases/clinic/clinic.h"
#include "usecases/program_view.h"

namespace kc::usecases {

inline constexpr std::size_t kMaxChangeText = 1000;  // characters of a message, a reason, an override reason

// The sets, reps and hold seconds a clinician sets (a dose, or a limit).
struct DoseSetting {
  int sets = 1;
  int reps = 1;
  std::optional<int> hold_seconds;
};

// One change as the clinician asks for it (POST /api/v1/clinic/people/{id}/program/changes).
struct ChangeRequest {
  std::string kind;  // "add", "remove", "swap", "dose", "limit", "pause", "resume", "message"
  std::string exercise;
  std::string replacement;           // swap
  std::optional<DoseSetting> dose;   // add, swap (else the planner's starting dose), dose (required)
  std::optional<DoseSetting> limit;  // limit (absent: lift the limit)
  std::string text;                  // message (required)
  std::string reason;                // why, in the clinician's words
  std::string override_reason;       // why to go ahead when a safety rule refuses the change
};

// A catalog exercise and what the planner makes of it for this person.
struct Candidate {
  const Exercise* exercise = nullptr;
  bool allowed = false;     // the planner's rules allow it for this person
  bool in_program = false;  // it is in the program now
  std::string why;          // the reason to include it (its benefit) or the rule that excludes it
};

struct ClinicianProgram {
  ProgramInForce program;              // the sessions at the doses in force, and every change
  std::map<std::string, Dose> limits;  // by plan exercise id
  std::optional<store::ProgramChange> paused;
  std::vector<Candidate> candidates;  // the whole catalog, in id order
};

// The program of the person with API id `person` for their clinician. Errors: errc::kForbidden
// (not a clinician of theirs; audited), errc::kNoProgram, errc::kFailed.
Result<ClinicianProgram> program_for_clinician(clinic::Clinic& clinic, const clinic::Caller& caller,
                                               const Catalog& catalog, const std::string& person);

// Proof that a caller may change one person's program: only may_change_program makes one.
class ProgramEditor {
 public:
  const store::Person& person() const { return person_; }
  const clinic::Caller& caller() const { return caller_; }

 private:
  friend Result<ProgramEditor> may_change_program(clinic::Clinic& clinic, const clinic::Caller& caller,
                                                  const std::string& person);
  ProgramEditor(store::Person person, clinic::Caller caller) : person_(std::move(person)), caller_(std::move(caller)) {}
  store::Person person_;
  clinic::Caller caller_;
};

// Whether `caller` may change the program of the person with API id `person` (the policy's
// change_program: their clinician), audited either way. Kept apart from change_program so the
// audit row of a refusal is written even when the change runs in a transaction that is rolled
// back (an idempotent retry's). Errors: errc::kForbidden, errc::kFailed.
Result<ProgramEditor> may_change_program(clinic::Clinic& clinic, const clinic::Caller& caller,
                                         const std::string& person);

// Checks and stores one change by `editor`'s clinician; returns it as stored. Errors:
// errc::kInvalid, kMissing or kOutOfRange (the request: field and how to fix it),
// errc::kNoProgram (anything but a message needs a program), errc::kStopped (the program was
// stopped: only a message), errc::kConflict (pause when paused, resume when not, add what is in
// the program), errc::kUnsafe (field "override_reason": the planner's rule, in words, and how to
// override it), errc::kFailed.
Result<store::ProgramChange> change_program(clinic::Clinic& clinic, const ProgramEditor& editor, const Catalog& catalog,
                                            const ChangeRequest& request);

}  // namespace kc::usecases
