// The audit trail for admins (query, CSV, retention) and for patients (who looked at my record).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clinic/records.h"
#include "core/common/result.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

// The rows matching `filter` (admins; the query itself is audited as read_audit).
// Errors: errc::kForbidden, errc::kOutOfRange (field "limit" or "offset"), errc::kFailed.
Result<std::vector<AuditEntry>> query_audit(Clinic& clinic, const Caller& caller, const kc::clinic::AuditFilter& filter);

// query_audit as CSV (core/clinic/audit_csv.h), actors named by username. Same errors.
Result<std::string> export_audit_csv(Clinic& clinic, const Caller& caller, const kc::clinic::AuditFilter& filter);

// One look at a patient's record by someone else, as the patient sees it.
struct Access {
  TimePoint at{};
  std::string who;   // username ("host" for the host operator; "" once the account is deleted)
  std::string role;  // "clinician", "admin", ...
  std::string action;
  std::string outcome;  // "allowed" or "refused"
};
// Who looked at (or tried to) `patient`'s record, other than the patient: newest first, at most
// `limit` (1..1000). Errors: errc::kForbidden (not the patient's own record; audited),
// errc::kOutOfRange (field "limit"), errc::kFailed.
Result<std::vector<Access>> who_looked(Clinic& clinic, const Caller& caller, store::PersonId patient, int limit);

// The retention purge: deletes audit rows older than config.audit_retention and records the
// purge itself (an "audit_purged" row saying how many and before when). Returns how many.
// Errors: errc::kForbidden (not an admin), errc::kFailed.
Result<std::int64_t> purge_audit(Clinic& clinic, const Caller& caller);

}  // namespace kc::usecases::clinic
