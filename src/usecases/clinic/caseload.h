// A clinician's caseload and notifications, and the red-flag notification triage leads to.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/clinic/records.h"
#include "core/common/result.h"
#include "core/triage/triage.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

// The caller's caseload (clinicians; audited as read_caseload), by username.
// Errors: errc::kForbidden, errc::kFailed.
Result<std::vector<kc::clinic::CaseloadEntry>> caseload(Clinic& clinic, const Caller& caller);

// The caller's notifications, newest first (only unread ones when unread_only).
// Errors: errc::kForbidden (not a clinician), errc::kFailed.
Result<std::vector<kc::clinic::Notification>> notifications(Clinic& clinic, const Caller& caller, bool unread_only);

// Marks one of the caller's notifications read. Errors: errc::kForbidden, errc::kNotFound (not
// theirs), errc::kFailed.
Status mark_notification_read(Clinic& clinic, const Caller& caller, std::int64_t notification);

// After triage ran for `patient` (at intake, `where` = "intake", or at a check-in, "check-in"):
// when its level sends them to a clinician (see_clinician, urgent, emergency), a "red_flag"
// notification to every clinician with them on their caseload, saying the level and reasons.
// Returns how many were notified (0 for go and caution). errc::kFailed when the store fails.
Result<int> notify_red_flag(Clinic& clinic, store::PersonId patient, const TriageResult& triage,
                            std::string_view where);

}  // namespace kc::usecases::clinic
