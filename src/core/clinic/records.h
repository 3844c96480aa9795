// clinic/: the clinic server's domain: accounts, roles, login sessions, invites, caseloads, the
// audit trail and their rules (expiry, throttling, who may see what), pure, with the clock passed in.
//
// The records the clinic server keeps beside the store::Store records, in the same database.
// Plain data; instants are UTC. Secrets are never kept in the clear: a login session or an
// invite is found by the hash of its token (TokenSource::hash), passwords are argon2id strings.
//
// Roles: one role per account, kept simple on purpose. A physiotherapist who also administers
// the practice has two accounts (an admin one and a clinician one), so an admin session never
// carries clinical access and every audit row names exactly one role.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/clock.h"
#include "core/store/records.h"

namespace kc::clinic {

using AccountId = std::int64_t;  // > 0 once stored; 0 = not stored yet (or no account)
// The operator at the server's shell (`kneecoach clinic ...` commands), who holds the database
// anyway: acts as an admin, never on clinical data; audit rows name this actor.
inline constexpr AccountId kHostOperator = -1;

enum class Role { kAdmin, kClinician, kPatient };
// "admin", "clinician", "patient" (the words stored and shown).
std::string_view role_name(Role role);
// The role named `name`, or nullopt.
std::optional<Role> role_from_name(std::string_view name);

enum class AccountState {
  kPending,   // a patient invited, who has not set a password yet: cannot sign in
  kActive,    // may sign in
  kDisabled,  // an admin turned it off: cannot sign in, its login sessions are revoked
};
// "pending", "active", "disabled".
std::string_view account_state_name(AccountState state);
std::optional<AccountState> account_state_from_name(std::string_view name);

struct Account {
  AccountId id = 0;
  std::string username;  // unique (compared as stored: usecases lower-case it first)
  Role role = Role::kPatient;
  std::string password_hash;  // PasswordHasher::hash output; "" while pending
  // TOTP (RFC 6238) secret, base32 (RFC 4648, no padding), as stored: sealed under the
  // server's key (usecases/clinic SecretBox; "kc1:..."), never in clear. Set when enabling
  // starts; only asked for at sign-in once totp_enabled (confirmed with a first good code).
  std::optional<std::string> totp_secret;
  bool totp_enabled = false;
  std::int64_t totp_last_step = 0;        // the last 30-second step whose code signed in (no replay)
  std::optional<store::PersonId> person;  // patients only: whose records they are
  AccountState state = AccountState::kActive;
  TimePoint created_at{};
};

// A signed-in browser. The token is the cookie; only its hash is kept.
struct LoginSession {
  std::string token_hash;  // TokenSource::hash(token): lower-case hex
  AccountId account = 0;
  TimePoint created_at{};
  TimePoint last_seen_at{};
  std::optional<TimePoint> revoked_at;  // set by sign-out, disable, password reset
  std::string address;                  // where it signed in from (for the record)
};

// A one-time invite for a patient, made by a clinician: a long link token (in the URL) and a
// short code (typed with the username). Both kept as hashes. Valid until expires_at, once.
struct Invite {
  std::int64_t id = 0;
  std::string link_hash;  // TokenSource::hash(link token)
  std::string code_hash;  // TokenSource::hash(normalised short code)
  AccountId clinician = 0;
  AccountId patient = 0;  // the pending patient account
  TimePoint created_at{};
  TimePoint expires_at{};
  std::optional<TimePoint> used_at;
};

// One patient on a clinician's caseload, with what a caseload page shows.
struct CaseloadEntry {
  AccountId clinician = 0;
  AccountId patient = 0;       // the patient's account
  std::string username;        // the patient's username
  store::PersonId person = 0;  // their records (store::Person::id)
  std::string person_name;     // store::Person::name: the API id of /people/{id}
  AccountState state = AccountState::kPending;
  TimePoint added_at{};
  int unread_notifications = 0;  // notifications about this patient not yet read
};

enum class AuditOutcome {
  kAllowed,  // the policy allowed it (the action then ran)
  kRefused,  // the policy refused it: nothing was read or written
};
std::string_view audit_outcome_name(AuditOutcome outcome);  // "allowed", "refused"
std::optional<AuditOutcome> audit_outcome_from_name(std::string_view name);

// One append-only row of the audit trail: who (account and role), did what (action, a stable
// word of clinic/policy.h, and detail, e.g. the route), to whose records, when, from where,
// and the outcome. Never updated or deleted, except by the explicit retention purge.
struct AuditEntry {
  std::int64_t id = 0;
  TimePoint at{};
  AccountId actor = 0;  // 0: nobody signed in (e.g. a failed sign-in); kHostOperator: the shell
  std::optional<Role> role;
  std::string action;  // action_name(Action) or an account event (clinic/policy.h)
  std::string detail;  // free text from the caller (route, username tried), at most 200 chars
  std::optional<store::PersonId> patient;
  std::string address;  // the client's address
  AuditOutcome outcome = AuditOutcome::kAllowed;
};

// Which audit rows to read: every set field must match; by (at, id), then offset and limit.
struct AuditFilter {
  std::optional<AccountId> actor;
  std::optional<store::PersonId> patient;
  std::optional<std::string> action;
  std::optional<TimePoint> from;  // at >= from
  std::optional<TimePoint> to;    // at < to
  int limit = 100;                // 1..10000
  int offset = 0;                 // >= 0
  bool newest_first = false;      // by (at, id) descending instead
};

// Failed sign-ins counted under one key ("account:<username>" or "address:<ip>") in a window.
struct ThrottleState {
  std::string key;
  TimePoint window_start{};
  int failures = 0;
  std::optional<TimePoint> locked_until;
};

// Something a clinician should see on their caseload (a red flag at intake or a check-in).
struct Notification {
  std::int64_t id = 0;
  AccountId clinician = 0;
  store::PersonId patient = 0;
  TimePoint at{};
  std::string kind;     // "red_flag"
  std::string message;  // what happened, in words (e.g. the triage level and reason)
  std::optional<TimePoint> read_at;
};

}  // namespace kc::clinic

namespace kc::clinic {

// What the caseload flags about a patient (core/clinic/attention.h says when each is raised).
enum class FlagKind {
  kWarningSign,    // a check-in's triage sends them to a clinician
  kPainAboveBand,  // a pain rating above the acceptable band in the last 7 days
  kPainRising,     // next-morning pain rising week on week
  kNoSession,      // no session for 7 days
  kReviewDue,      // the week-6 review is due
};
// "warning_sign", "pain_above_band", "pain_rising", "no_session_7d", "review_due".
std::string_view flag_kind_name(FlagKind kind);
std::optional<FlagKind> flag_kind_from_name(std::string_view name);
std::vector<std::string> flag_kind_names();  // in the order above

// A clinician marked a patient's flag of `kind` seen at `seen_at`, with a note. Kept, never
// changed: the latest one of a kind is the one that counts.
struct FlagReview {
  std::int64_t id = 0;
  AccountId clinician = 0;
  store::PersonId patient = 0;
  FlagKind kind = FlagKind::kWarningSign;
  TimePoint seen_at{};
  std::string note;  // may be empty
};

// A clinician's note on a patient's record. Kept, never changed.
struct ClinicianNote {
  std::int64_t id = 0;
  store::PersonId patient = 0;
  AccountId author = 0;
  std::string author_name;  // the author's username (filled in when read)
  TimePoint at{};
  std::string text;
};

// What the caseload reads of one patient's records (ClinicStore::caseload_records). It holds at
// least the parts below and may hold more (the flag rules look only at the days they need; the
// plan's document, its largest part, and a pain rating's items and note may be left empty: they
// do not read them):
struct PatientRecords {
  store::PersonId person = 0;
  std::optional<store::PlanRecord> plan;    // the latest plan: its row, its calendar from `from` through `to`
  std::vector<store::SessionLog> sessions;  // dated on or after `from`, and the latest before it
  std::vector<store::Measurement> pain;     // pain-now, next-morning and during ratings dated from `from`
  std::vector<store::CheckIn> check_ins;    // those whose level refers, and the latest
  // The clearance that plan was built under (store::ClearanceRecord::json, Store::clearance_of_plan),
  // or none: its pain ceiling is the person's acceptable pain.
  std::optional<std::string> clearance_json;
};

}  // namespace kc::clinic
