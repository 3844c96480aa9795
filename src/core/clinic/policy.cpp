#include "core/clinic/policy.h"

#include <utility>

#include "core/common/name_table.h"

namespace kc::clinic {
namespace {

constexpr NameTable<Action, 13> kActions{{
    {Action::kReadRecord, "read_record"},
    {Action::kWriteRecord, "write_record"},
    {Action::kExportRecord, "export_record"},
    {Action::kDeleteRecord, "delete_record"},
    {Action::kReadAccessLog, "read_access_log"},
    {Action::kReviewRecord, "review_record"},
    {Action::kReadCaseload, "read_caseload"},
    {Action::kInvitePatient, "invite_patient"},
    {Action::kManageAccounts, "manage_accounts"},
    {Action::kReadAudit, "read_audit"},
    {Action::kPurgeAudit, "purge_audit"},
    {Action::kChangeProgram, "change_program"},
    {Action::kLiveCamera, "live_camera"},
}};

Decision allow(std::string reason) { return {true, std::move(reason)}; }
Decision refuse(std::string reason) { return {false, std::move(reason)}; }

Decision decide_patient(Action action, Relation relation) {
  if (relation != Relation::kSelf) return refuse("a patient sees only their own records");
  if (action == Action::kChangeProgram) return refuse("only a clinician changes a program");
  if (action == Action::kReviewRecord) return refuse("flags and clinical notes are the clinician's");
  if (needs_patient(action)) return allow("the patient's own records");
  return refuse("not a patient's action");
}

Decision decide_clinician(Action action, Relation relation) {
  switch (action) {
    case Action::kReadRecord:
    case Action::kWriteRecord:
    case Action::kExportRecord:
    case Action::kChangeProgram:
    case Action::kReviewRecord:
      if (relation == Relation::kOnCaseload) return allow("the patient is on the clinician's caseload");
      return refuse("a clinician sees only the patients on their caseload");
    case Action::kReadCaseload:
    case Action::kInvitePatient:
      return allow("a clinician's own caseload");
    default:
      return refuse("not a clinician's action");
  }
}

Decision decide_admin(Action action) {
  switch (action) {
    case Action::kManageAccounts:
    case Action::kReadAudit:
    case Action::kPurgeAudit:
      return allow("an admin's action");
    case Action::kDeleteRecord:
      return allow("an admin carries out a deletion without reading the record");
    default:
      return refuse("an admin reads no clinical data");
  }
}

}  // namespace

std::string_view action_name(Action action) { return name_of(kActions, action); }
std::optional<Action> action_from_name(std::string_view name) { return value_of(kActions, name); }

bool needs_patient(Action action) {
  switch (action) {
    case Action::kReadRecord:
    case Action::kWriteRecord:
    case Action::kExportRecord:
    case Action::kDeleteRecord:
    case Action::kReadAccessLog:
    case Action::kChangeProgram:
    case Action::kReviewRecord:
    case Action::kLiveCamera:
      return true;
    default:
      return false;
  }
}

Decision decide(const Actor& actor, Action action, Relation relation) {
  if (actor.account <= 0 && !(actor.account == kHostOperator && actor.role == Role::kAdmin)) {
    return refuse("nobody is signed in");
  }
  if (needs_patient(action) == (relation == Relation::kNone)) {
    return refuse(needs_patient(action) ? "the action needs a patient" : "the action takes no patient");
  }
  switch (actor.role) {
    case Role::kPatient:
      return decide_patient(action, relation);
    case Role::kClinician:
      return decide_clinician(action, relation);
    case Role::kAdmin:
      return decide_admin(action);
  }
  return refuse("unknown role");
}

}  // namespace kc::clinic
