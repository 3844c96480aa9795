// Who may do what: the access policy of the clinic server, in one place. Pure: the caller says
// how the actor relates to the patient (usecases::clinic::authorize looks that up in the
// ClinicStore, calls decide and writes the audit row in the same call).
//
//   patient    own records only: read, write, export, delete, who looked at them, and the
//              camera coach's live analysis
//   clinician  the patients on their caseload: read, write, export, change the program, review
//              (flags seen, notes); their caseload; invites
//   admin      accounts, the audit log and its retention purge, and carrying out a deletion;
//              never reads or writes clinical data (an admin who treats patients has a
//              second, clinician account: one role per account, records.h)
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clinic/records.h"

namespace kc::clinic {

// Who is asking: a signed-in account (usecases::clinic::authenticate makes it).
struct Actor {
  AccountId account = 0;
  Role role = Role::kPatient;
  std::optional<store::PersonId> person;  // patients: their own records
  std::string username;
};

enum class Action {
  // On one patient's records (need a patient):
  kReadRecord,     // any read of clinical data (plan, today, progress, handout, calendar...)
  kWriteRecord,    // any write (intake set-up, sessions, check-ins, measures)
  kExportRecord,   // the whole record as JSON
  kDeleteRecord,   // delete the whole record and the patient account
  kReadAccessLog,  // who looked at this record
  kChangeProgram,  // a clinician's change to the program (add, remove, swap, dose, limit, pause, message)
  kReviewRecord,   // a clinician's own work on it: flags marked seen, clinical notes (clinicians only)
  kLiveCamera,     // the camera coach's live analysis (WebSocket) in one's own session (patients only)
  // Not about one patient:
  kReadCaseload,    // a clinician's own caseload and notifications
  kInvitePatient,   // a clinician adds a patient
  kManageAccounts,  // create, list, disable clinicians; password resets
  kReadAudit,       // query and export the audit log
  kPurgeAudit,      // the retention purge
};
// The stable word of an action, as stored in AuditEntry::action ("read_record", ...).
std::string_view action_name(Action action);
std::optional<Action> action_from_name(std::string_view name);
// Whether the action is on one patient's records (then a patient must be named).
bool needs_patient(Action action);

// How the actor relates to the patient whose records the action is on.
enum class Relation {
  kNone,        // no patient (actions that need none)
  kSelf,        // the actor is that patient
  kOnCaseload,  // the patient is on the actor's caseload
  kOther,       // anyone else's records (or an unknown patient)
};

struct Decision {
  bool allowed = false;
  std::string reason;  // why, in words (kept out of replies to the client; for logs and tests)
};

// The policy: whether `actor` may do `action` given `relation`. A patient action with kNone, or
// a non-patient action with a patient, is refused.
Decision decide(const Actor& actor, Action action, Relation relation);

// Account events the audit trail also records (not policy decisions): sign-ins and the like.
namespace event {
inline constexpr std::string_view kSignIn = "sign_in";
inline constexpr std::string_view kSignInFailed = "sign_in_failed";
inline constexpr std::string_view kSignOut = "sign_out";
inline constexpr std::string_view kAcceptInvite = "accept_invite";
inline constexpr std::string_view kTotpStarted = "totp_started";
inline constexpr std::string_view kTotpEnabled = "totp_enabled";
inline constexpr std::string_view kTotpDisabled = "totp_disabled";
inline constexpr std::string_view kTotpSealed = "totp_sealed";
inline constexpr std::string_view kPasswordReset = "password_reset";
inline constexpr std::string_view kAccountCreated = "account_created";
inline constexpr std::string_view kAccountDisabled = "account_disabled";
inline constexpr std::string_view kAuditPurged = "audit_purged";
inline constexpr std::string_view kPatientDeleted = "patient_deleted";
}  // namespace event

}  // namespace kc::clinic
