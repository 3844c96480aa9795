// Reading the clinic's records from PostgreSQL rows (the column lists say the order each reader
// expects) and the text forms of their instants.
#pragma once

#include <optional>
#include <string>

#include "adapters/postgres/row.h"
#include "core/clinic/records.h"
#include "core/common/result.h"

namespace kc::postgres {

inline constexpr const char* kAccountColumns =
    "id, username, role, password_hash, totp_secret, totp_enabled::int, totp_last_step, person_id, state, "
    "created_at";
Result<clinic::Account> read_account(const Row& r, int first = 0);

inline constexpr const char* kLoginSessionColumns =
    "token_hash, account_id, created_at, last_seen_at, revoked_at, address";
Result<clinic::LoginSession> read_login_session(const Row& r);

inline constexpr const char* kInviteColumns =
    "id, link_hash, code_hash, clinician_id, patient_id, created_at, expires_at, used_at";
Result<clinic::Invite> read_invite(const Row& r);

inline constexpr const char* kThrottleColumns = "key, window_start, failures, locked_until";
Result<clinic::ThrottleState> read_throttle(const Row& r);

inline constexpr const char* kNotificationColumns = "id, clinician_id, patient_person, at, kind, message, read_at";
Result<clinic::Notification> read_notification(const Row& r);

// Columns clinician_id, patient id, username, person (0: none), person's name, state, added_at,
// unread notifications.
Result<clinic::CaseloadEntry> read_caseload_entry(const Row& r);
// Columns id, clinician_id, patient_person, kind, seen_at, note.
Result<clinic::FlagReview> read_flag_review(const Row& r);
// Columns id, patient_person, author_id, the author's username, at, text.
Result<clinic::ClinicianNote> read_clinician_note(const Row& r);

inline constexpr const char* kAuditColumns = "id, at, actor, role, action, detail, patient, address, outcome";
Result<clinic::AuditEntry> read_audit(const Row& r);

// An optional instant as text, or nullopt.
std::optional<std::string> instant_text(const std::optional<TimePoint>& t);

}  // namespace kc::postgres
