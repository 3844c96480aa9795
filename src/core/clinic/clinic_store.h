// The clinic server's storage port: accounts, login sessions, throttling, invites, caseloads,
// notifications, flag reviews, clinicians' notes and the audit trail. PostgreSQL implements it (src/adapters/postgres,
// in the same database as store::Store); the unit tests use an in-memory one (usecases/clinic/testing).
//
// The same contract as store::Store: every method is one transaction; when it returns ok what
// it wrote is durable, when it fails nothing of it was written. Errors are coded (errc::):
// kConflict for a taken unique value, kNotFound where a method says so, kFailed for storage.
// One object is shared by the server's request threads: every method is thread-safe.
// Hashes and usernames are stored exactly as given (the use cases normalise them).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clinic/records.h"
#include "core/common/result.h"

namespace kc::clinic {

class ClinicStore {
 public:
  virtual ~ClinicStore() = default;

  // --- accounts ---
  // Stores a new account (id ignored) and returns it with its id. kConflict (field "username")
  // when the username is taken.
  virtual Result<Account> create_account(const Account& account) = 0;
  // The account with this id, or nullopt.
  virtual Result<std::optional<Account>> find_account(AccountId id) = 0;
  // The account with this username, or nullopt.
  virtual Result<std::optional<Account>> find_account_by_username(const std::string& username) = 0;
  // The patient account whose records are `person`, or nullopt.
  virtual Result<std::optional<Account>> find_account_by_person(store::PersonId person) = 0;
  // Every account, or those of `role`, by username.
  virtual Result<std::vector<Account>> accounts(std::optional<Role> role) = 0;
  // Sets the password hash and revokes (at `now`) every login session of the account.
  // kNotFound when there is no such account.
  virtual Status set_password(AccountId account, const std::string& password_hash, TimePoint now) = 0;
  // Sets the state; kDisabled also revokes (at `now`) every login session. kNotFound as above.
  virtual Status set_state(AccountId account, AccountState state, TimePoint now) = 0;
  // Sets the TOTP secret (nullopt: none) and whether sign-in asks for it. kNotFound as above.
  virtual Status set_totp(AccountId account, const std::optional<std::string>& secret, bool enabled) = 0;
  // Records that a TOTP code of `step` was used: sets totp_last_step = step when step is greater
  // than the stored one and returns true; returns false (changing nothing) otherwise, so of two
  // concurrent sign-ins with one code only one succeeds. kNotFound as above.
  virtual Result<bool> use_totp_step(AccountId account, std::int64_t step) = 0;

  // --- login sessions ---
  // Stores a new login session. kConflict when its token_hash exists (never in practice).
  virtual Status add_session(const LoginSession& session) = 0;
  struct SessionAndAccount {
    LoginSession session;  // as it was before this call (last_seen_at not yet moved)
    Account account;
  };
  // The session with this token hash and its account, or nullopt; when found, not revoked and
  // its last_seen_at is before `seen_before`, its last_seen_at becomes `now` (the one write of an
  // authenticated request, made at most once per session_rules.h's kSeenEvery: pass
  // seen_before(now); pass `now` itself to record every request).
  virtual Result<std::optional<SessionAndAccount>> use_session(const std::string& token_hash, TimePoint now,
                                                               TimePoint seen_before) = 0;
  // Revokes the session at `now`; ok when there is none or it is revoked already.
  virtual Status revoke_session(const std::string& token_hash, TimePoint now) = 0;
  // Deletes sessions last seen, or revoked, before `before`; returns how many.
  virtual Result<std::int64_t> purge_sessions(TimePoint before) = 0;

  // --- sign-in throttling ---
  // Computes the next state of a throttle key from its current one (a pure function).
  using ThrottleUpdate = std::function<ThrottleState(const ThrottleState& current)>;
  // Reads the state under `key` ({key, failures 0} when there is none), stores update(state)
  // and returns it, with the key locked for the transaction (concurrent updates serialise).
  virtual Result<ThrottleState> update_throttle(const std::string& key, const ThrottleUpdate& update) = 0;
  // The state under `key`, or nullopt.
  virtual Result<std::optional<ThrottleState>> throttle(const std::string& key) = 0;
  // Deletes keys whose window started and lock ended before `before`; returns how many.
  virtual Result<std::int64_t> purge_throttle(TimePoint before) = 0;

  // --- invites and caseloads ---
  struct InvitedPatient {
    Account patient;
    Invite invite;
  };
  // Creates the pending patient account, puts it on invite.clinician's caseload (at
  // invite.created_at) and stores the invite for it (invite.patient filled in), all together.
  // kConflict (field "username") when the username is taken.
  virtual Result<InvitedPatient> create_invited_patient(const Account& patient, const Invite& invite) = 0;
  // Stores another invite (for a patient still pending whose invite expired); returns it with id.
  virtual Result<Invite> add_invite(const Invite& invite) = 0;
  // The invite with this link hash, or nullopt.
  virtual Result<std::optional<Invite>> find_invite_by_link(const std::string& link_hash) = 0;
  // The patient's invite with this code hash, or nullopt.
  virtual Result<std::optional<Invite>> find_invite_by_code(AccountId patient, const std::string& code_hash) = 0;
  // Uses the invite: sets used_at = now, the patient's password hash and state kActive, together.
  // kNotFound when there is no such invite; kConflict when it was used already (so two
  // concurrent accepts cannot both succeed).
  virtual Status accept_invite(std::int64_t invite, const std::string& password_hash, TimePoint now) = 0;
  // Puts the patient on the clinician's caseload (ok when already on it).
  virtual Status add_to_caseload(AccountId clinician, AccountId patient, TimePoint now) = 0;
  // Takes the patient off the clinician's caseload (ok when not on it).
  virtual Status remove_from_caseload(AccountId clinician, AccountId patient) = 0;
  // The clinician's caseload with each patient's person and unread notifications, by username.
  virtual Result<std::vector<CaseloadEntry>> caseload(AccountId clinician) = 0;
  // Whether the patient whose records are `person` is on the clinician's caseload.
  virtual Result<bool> on_caseload(AccountId clinician, store::PersonId person) = 0;
  // The clinicians with `person`'s patient account on their caseload, by id.
  virtual Result<std::vector<AccountId>> clinicians_of(store::PersonId person) = 0;

  // --- notifications ---
  // Stores a notification; returns it with its id.
  virtual Result<Notification> add_notification(const Notification& notification) = 0;
  // The clinician's notifications (only unread ones when unread_only), newest first.
  virtual Result<std::vector<Notification>> notifications(AccountId clinician, bool unread_only) = 0;
  // Marks the clinician's notification read at `now`. kNotFound when it is not theirs.
  virtual Status mark_notification_read(AccountId clinician, std::int64_t notification, TimePoint now) = 0;

  // --- the caseload's flags and the clinicians' notes ---
  // The records of every patient with a person on the clinician's caseload, as PatientRecords
  // says, from `from` on (a plan's days from `from` through `to`, the page's today); one per
  // person, by person. Reads a fixed number of queries however long the caseload is (it is read
  // for 300 patients at once).
  virtual Result<std::vector<PatientRecords>> caseload_records(AccountId clinician, CivilDate from, CivilDate to) = 0;
  // What the caseload page reads, all from one snapshot: caseload(clinician), caseload_records(
  // clinician, from, to) and flag_reviews(clinician) as those methods say, in one transaction.
  struct CaseloadPage {
    std::vector<CaseloadEntry> entries;
    std::vector<PatientRecords> records;
    std::vector<FlagReview> reviews;
  };
  virtual Result<CaseloadPage> caseload_page(AccountId clinician, CivilDate from, CivilDate to) = 0;
  // Appends a review of a flag; returns it with its id.
  virtual Result<FlagReview> add_flag_review(const FlagReview& review) = 0;
  // The clinician's latest review of each kind for each patient, by patient.
  virtual Result<std::vector<FlagReview>> flag_reviews(AccountId clinician) = 0;
  // Appends a note on `note.patient`'s record; returns it with its id and author_name.
  // kNotFound when there is no account `note.author`.
  virtual Result<ClinicianNote> add_note(const ClinicianNote& note) = 0;
  // The notes on `patient`'s record, oldest first, with their authors' usernames.
  virtual Result<std::vector<ClinicianNote>> notes(store::PersonId patient) = 0;

  // --- audit trail (append-only) ---
  // Appends one row (id ignored); returns it with its id.
  virtual Result<AuditEntry> append_audit(const AuditEntry& entry) = 0;
  // The rows matching `filter` (see AuditFilter). kOutOfRange (field "limit"/"offset") out of range.
  virtual Result<std::vector<AuditEntry>> audit(const AuditFilter& filter) = 0;
  // The retention purge, the only deletion of audit rows: deletes rows with at < before and
  // returns how many. (The use case audits the purge itself.)
  virtual Result<std::int64_t> purge_audit(TimePoint before) = 0;

  // --- data rights ---
  // Deletes the patient account and everything clinic-side about it: its login sessions,
  // invites, caseload entries, notifications, flag reviews and notes about its person, and the
  // sign-in throttle counter under `throttle_key` (account_key of its username). Audit rows stay
  // (they keep the person id only). kNotFound when there is no such account. The clinical
  // records are deleted by store::Store::delete_person (usecases::clinic::delete_patient_data
  // does both).
  virtual Status delete_patient(AccountId patient, const std::string& throttle_key) = 0;
};

}  // namespace kc::clinic
