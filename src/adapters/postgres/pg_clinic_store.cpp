#include "adapters/postgres/pg_clinic_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "adapters/postgres/caseload_records.h"
#include "adapters/postgres/clinic_rows.h"
#include "adapters/postgres/clinic_schema.h"
#include "adapters/postgres/migrations.h"
#include "adapters/postgres/store_schema.h"
#include "core/store/codec.h"
#include "core/store/rows.h"

namespace kc::postgres {
namespace {

using namespace kc::clinic;  // NOLINT(google-build-using-namespace): records are this file's subject
using store::format_instant;
using Tx = pqxx::transaction_base;

std::string str(std::string_view text) { return std::string(text); }

Error not_found(const std::string& what) { return make_error(errc::kNotFound, what, "no such " + what); }
Error username_taken(const std::string& username) {
  return make_error(errc::kConflict, "username", fmt::format("the username \"{}\" is taken", username));
}

// The first row through `read`, or nullopt.
template <typename T, typename F>
Result<std::optional<T>> first(const pqxx::result& rows, F&& read) {
  if (rows.empty()) return std::optional<T>{};
  auto one = read(Row(rows[0]));
  if (!one) return one.error();
  return std::optional<T>{std::move(one).value()};
}

bool exists(Tx& tx, const char* sql, std::int64_t id) { return !exec(tx, sql, id).empty(); }
bool account_exists(Tx& tx, AccountId id) { return exists(tx, "SELECT 1 FROM account WHERE id = $1", id); }

// ClinicStore::caseload inside `tx`.
Result<std::vector<CaseloadEntry>> read_caseload(Tx& tx, AccountId clinician) {
  return collect<CaseloadEntry>(
      exec(tx,
           "SELECT c.clinician_id, a.id, a.username, coalesce(a.person_id, 0), coalesce(p.name, ''), a.state, "
           "c.added_at, (SELECT count(*) FROM notification n WHERE n.clinician_id = c.clinician_id "
           "AND n.patient_person = a.person_id AND n.read_at IS NULL) "
           "FROM caseload c JOIN account a ON a.id = c.patient_id LEFT JOIN person p ON p.id = a.person_id "
           "WHERE c.clinician_id = $1 ORDER BY a.username",
           clinician),
      read_caseload_entry);
}

// ClinicStore::flag_reviews inside `tx`.
Result<std::vector<FlagReview>> read_flag_reviews(Tx& tx, AccountId clinician) {
  return collect<FlagReview>(exec(tx,
                                  "SELECT DISTINCT ON (patient_person, kind) id, clinician_id, patient_person, kind, "
                                  "seen_at, note FROM flag_review WHERE clinician_id = $1 "
                                  "ORDER BY patient_person, kind, seen_at DESC, id DESC",
                                  clinician),
                             read_flag_review);
}

class PgClinicStore final : public ClinicStore {
 public:
  explicit PgClinicStore(std::shared_ptr<Database> db) : db_(std::move(db)) {}

  // --- accounts ---
  Result<Account> create_account(const Account& account) override {
    return db_->write<Account>([&](Tx& tx) { return insert_account(tx, account); });
  }
  Result<std::optional<Account>> find_account(AccountId id) override { return find_account_where("id = $1", id); }
  Result<std::optional<Account>> find_account_by_username(const std::string& username) override {
    return find_account_where("username = $1", username);
  }
  Result<std::optional<Account>> find_account_by_person(store::PersonId person) override {
    return find_account_where("person_id = $1", person);
  }
  Result<std::vector<Account>> accounts(std::optional<Role> role) override {
    std::optional<std::string> name;
    if (role) name = str(role_name(*role));
    return db_->read_one<std::vector<Account>>([&](Tx& tx) {
      return collect<Account>(exec(tx,
                                   fmt::format("SELECT {} FROM account WHERE ($1::text IS NULL OR "
                                               "role = $1) ORDER BY username",
                                               kAccountColumns),
                                   name),
                              [](const Row& r) { return read_account(r); });
    });
  }
  Status set_password(AccountId account, const std::string& password_hash, TimePoint now) override {
    return db_->write([&](Tx& tx) -> Status {
      if (exec(tx, "UPDATE account SET password_hash = $2 WHERE id = $1 RETURNING id", account, password_hash)
              .empty()) {
        return not_found("account");
      }
      revoke_all(tx, account, now);
      return Ok{};
    });
  }
  Status set_state(AccountId account, AccountState state, TimePoint now) override {
    return db_->write([&](Tx& tx) -> Status {
      if (exec(tx, "UPDATE account SET state = $2 WHERE id = $1 RETURNING id", account, str(account_state_name(state)))
              .empty()) {
        return not_found("account");
      }
      if (state == AccountState::kDisabled) revoke_all(tx, account, now);
      return Ok{};
    });
  }
  Status set_totp(AccountId account, const std::optional<std::string>& secret, bool enabled) override {
    return db_->write_one([&](Tx& tx) -> Status {
      if (exec(tx, "UPDATE account SET totp_secret = $2, totp_enabled = $3 WHERE id = $1 RETURNING id", account, secret,
               enabled)
              .empty()) {
        return not_found("account");
      }
      return Ok{};
    });
  }
  Result<bool> use_totp_step(AccountId account, std::int64_t step) override {
    return db_->write<bool>([&](Tx& tx) -> Result<bool> {
      auto now = exec(tx, "SELECT totp_last_step FROM account WHERE id = $1 FOR UPDATE", account);
      if (now.empty()) return not_found("account");
      if (step <= now[0][0].as<std::int64_t>()) return false;
      exec(tx, "UPDATE account SET totp_last_step = $2 WHERE id = $1", account, step);
      return true;
    });
  }

  // --- login sessions ---
  Status add_session(const LoginSession& s) override {
    return db_->write_one([&](Tx& tx) -> Status {
      auto added =
          exec(tx,
               "INSERT INTO login_session (token_hash, account_id, created_at, last_seen_at, revoked_at, address) "
               "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (token_hash) DO NOTHING RETURNING 1",
               s.token_hash, s.account, format_instant(s.created_at), format_instant(s.last_seen_at),
               instant_text(s.revoked_at), s.address);
      if (added.empty()) return make_error(errc::kConflict, "token", "a login session with this token exists");
      return Ok{};
    });
  }
  Result<std::optional<SessionAndAccount>> use_session(const std::string& token_hash, TimePoint now,
                                                       TimePoint seen_before) override {
    using Found = std::optional<SessionAndAccount>;
    // One statement: the row as it was (the statement's snapshot), and last_seen_at moved when
    // older than $3. When it moves nothing the statement writes nothing, and its commit does not
    // wait for a WAL flush.
    static const std::string sql = fmt::format(
        "WITH touched AS (UPDATE login_session SET last_seen_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL "
        "AND last_seen_at < $3) "
        "SELECT s.token_hash, s.account_id, s.created_at, s.last_seen_at, s.revoked_at, s.address, {} "
        "FROM login_session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = $1",
        prefixed("a.", kAccountColumns));
    return db_->write_one<Found>([&](Tx& tx) -> Result<Found> {
      auto rows = exec(tx, sql, token_hash, format_instant(now), format_instant(seen_before));
      if (rows.empty()) return Found{};
      const Row r(rows[0]);
      auto session = read_login_session(r);
      if (!session) return session.error();
      auto account = read_account(r, 6);
      if (!account) return account.error();
      return Found{SessionAndAccount{*session, *account}};
    });
  }
  Status revoke_session(const std::string& token_hash, TimePoint now) override {
    return db_->write_one([&](Tx& tx) -> Status {
      exec(tx, "UPDATE login_session SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL", token_hash,
           format_instant(now));
      return Ok{};
    });
  }
  Result<std::int64_t> purge_sessions(TimePoint before) override {
    return count_of("DELETE FROM login_session WHERE last_seen_at < $1 OR revoked_at < $1", before);
  }

  // --- sign-in throttling ---
  Result<ThrottleState> update_throttle(const std::string& key, const ThrottleUpdate& update) override {
    return db_->write<ThrottleState>([&](Tx& tx) -> Result<ThrottleState> {
      // The key's row exists and is locked before it is read, so concurrent updates queue.
      exec(tx, "INSERT INTO throttle (key, window_start, failures) VALUES ($1, $2, 0) ON CONFLICT (key) DO NOTHING",
           key, format_instant(TimePoint{}));
      auto found = first<ThrottleState>(
          exec(tx, fmt::format("SELECT {} FROM throttle WHERE key = $1 FOR UPDATE", kThrottleColumns), key),
          read_throttle);
      if (!found) return found.error();
      ThrottleState next = update(found->value_or(ThrottleState{key, {}, 0, std::nullopt}));
      next.key = key;
      exec(tx,
           "INSERT INTO throttle (key, window_start, failures, locked_until) VALUES ($1, $2, $3, $4) "
           "ON CONFLICT (key) DO UPDATE SET window_start = excluded.window_start, failures = excluded.failures, "
           "locked_until = excluded.locked_until",
           key, format_instant(next.window_start), next.failures, instant_text(next.locked_until));
      return next;
    });
  }
  Result<std::optional<ThrottleState>> throttle(const std::string& key) override {
    return db_->read_one<std::optional<ThrottleState>>([&](Tx& tx) {
      return first<ThrottleState>(
          exec(tx, fmt::format("SELECT {} FROM throttle WHERE key = $1", kThrottleColumns), key), read_throttle);
    });
  }
  Result<std::int64_t> purge_throttle(TimePoint before) override {
    return count_of("DELETE FROM throttle WHERE window_start < $1 AND (locked_until IS NULL OR locked_until < $1)",
                    before);
  }

  // --- invites and caseloads ---
  Result<InvitedPatient> create_invited_patient(const Account& patient, const Invite& invite) override {
    return db_->write<InvitedPatient>([&](Tx& tx) -> Result<InvitedPatient> {
      auto stored = insert_account(tx, patient);
      if (!stored) return stored.error();
      exec(tx, "INSERT INTO caseload (clinician_id, patient_id, added_at) VALUES ($1, $2, $3)", invite.clinician,
           stored->id, format_instant(invite.created_at));
      Invite i = invite;
      i.patient = stored->id;
      i.id = insert_invite(tx, i);
      return InvitedPatient{*stored, i};
    });
  }
  Result<Invite> add_invite(const Invite& invite) override {
    return db_->write_one<Invite>([&](Tx& tx) -> Result<Invite> {
      Invite i = invite;
      i.id = insert_invite(tx, i);
      return i;
    });
  }
  Result<std::optional<Invite>> find_invite_by_link(const std::string& link_hash) override {
    return db_->read_one<std::optional<Invite>>([&](Tx& tx) {
      return first<Invite>(
          exec(tx, fmt::format("SELECT {} FROM invite WHERE link_hash = $1", kInviteColumns), link_hash), read_invite);
    });
  }
  Result<std::optional<Invite>> find_invite_by_code(AccountId patient, const std::string& code_hash) override {
    return db_->read_one<std::optional<Invite>>([&](Tx& tx) {
      return first<Invite>(exec(tx,
                                fmt::format("SELECT {} FROM invite WHERE patient_id = $1 AND code_hash = $2 "
                                            "ORDER BY id DESC LIMIT 1",
                                            kInviteColumns),
                                patient, code_hash),
                           read_invite);
    });
  }
  Status accept_invite(std::int64_t invite, const std::string& password_hash, TimePoint now) override {
    return db_->write([&](Tx& tx) -> Status {
      auto rows = exec(tx, "SELECT used_at IS NOT NULL, patient_id FROM invite WHERE id = $1 FOR UPDATE", invite);
      if (rows.empty()) return not_found("invite");
      if (rows[0][0].as<bool>()) return make_error(errc::kConflict, "invite", "the invite was used already");
      const AccountId patient = rows[0][1].as<AccountId>();
      exec(tx, "UPDATE invite SET used_at = $2 WHERE id = $1", invite, format_instant(now));
      if (exec(tx, "UPDATE account SET password_hash = $2, state = 'active' WHERE id = $1 RETURNING id", patient,
               password_hash)
              .empty()) {
        return not_found("account");
      }
      return Ok{};
    });
  }
  Status add_to_caseload(AccountId clinician, AccountId patient, TimePoint now) override {
    return db_->write([&](Tx& tx) -> Status {
      if (!account_exists(tx, clinician) || !account_exists(tx, patient)) return not_found("account");
      exec(tx, "INSERT INTO caseload (clinician_id, patient_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
           clinician, patient, format_instant(now));
      return Ok{};
    });
  }
  Status remove_from_caseload(AccountId clinician, AccountId patient) override {
    return db_->write_one([&](Tx& tx) -> Status {
      exec(tx, "DELETE FROM caseload WHERE clinician_id = $1 AND patient_id = $2", clinician, patient);
      return Ok{};
    });
  }
  Result<std::vector<CaseloadEntry>> caseload(AccountId clinician) override {
    return db_->read_one<std::vector<CaseloadEntry>>([&](Tx& tx) { return read_caseload(tx, clinician); });
  }
  Result<bool> on_caseload(AccountId clinician, store::PersonId person) override {
    return db_->read_one<bool>([&](Tx& tx) -> Result<bool> {
      return !exec(tx,
                   "SELECT 1 FROM caseload c JOIN account a ON a.id = c.patient_id "
                   "WHERE c.clinician_id = $1 AND a.person_id = $2",
                   clinician, person)
                  .empty();
    });
  }
  Result<std::vector<AccountId>> clinicians_of(store::PersonId person) override {
    return db_->read_one<std::vector<AccountId>>([&](Tx& tx) -> Result<std::vector<AccountId>> {
      std::vector<AccountId> out;
      for (const auto& r : exec(tx,
                                "SELECT c.clinician_id FROM caseload c JOIN account a ON a.id = "
                                "c.patient_id WHERE a.person_id = $1 ORDER BY c.clinician_id",
                                person)) {
        out.push_back(r[0].as<AccountId>());
      }
      return out;
    });
  }

  // --- notifications ---
  Result<Notification> add_notification(const Notification& n) override {
    return db_->write_one<Notification>([&](Tx& tx) -> Result<Notification> {
      Notification saved = n;
      saved.id = exec1(tx,
                       "INSERT INTO notification (clinician_id, patient_person, at, kind, message, read_at) "
                       "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                       n.clinician, n.patient, format_instant(n.at), n.kind, n.message, instant_text(n.read_at))[0]
                     .as<std::int64_t>();
      return saved;
    });
  }
  Result<std::vector<Notification>> notifications(AccountId clinician, bool unread_only) override {
    return db_->read_one<std::vector<Notification>>([&](Tx& tx) {
      return collect<Notification>(
          exec(tx,
               fmt::format("SELECT {} FROM notification WHERE clinician_id = $1 AND (NOT $2 OR read_at IS "
                           "NULL) ORDER BY id DESC",
                           kNotificationColumns),
               clinician, unread_only),
          read_notification);
    });
  }
  Status mark_notification_read(AccountId clinician, std::int64_t notification, TimePoint now) override {
    return db_->write_one([&](Tx& tx) -> Status {
      if (exec(tx,
               "UPDATE notification SET read_at = coalesce(read_at, $3) WHERE id = $2 AND "
               "clinician_id = $1 RETURNING id",
               clinician, notification, format_instant(now))
              .empty()) {
        return not_found("notification");
      }
      return Ok{};
    });
  }

  // --- the caseload's flags and the clinicians' notes ---
  Result<std::vector<PatientRecords>> caseload_records(AccountId clinician, CivilDate from, CivilDate to) override {
    return db_->read<std::vector<PatientRecords>>([&](Tx& tx) -> Result<std::vector<PatientRecords>> {
      return read_caseload_records(tx, clinician, from, to, &plans_);
    });
  }
  Result<FlagReview> add_flag_review(const FlagReview& review) override {
    return db_->write<FlagReview>([&](Tx& tx) -> Result<FlagReview> {
      FlagReview saved = review;
      saved.id = tx.exec_params1(
                       "INSERT INTO flag_review (clinician_id, patient_person, kind, seen_at, note) "
                       "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                       review.clinician, review.patient, str(flag_kind_name(review.kind)),
                       format_instant(review.seen_at), review.note)[0]
                     .as<std::int64_t>();
      return saved;
    });
  }
  Result<std::vector<FlagReview>> flag_reviews(AccountId clinician) override {
    return db_->read_one<std::vector<FlagReview>>([&](Tx& tx) { return read_flag_reviews(tx, clinician); });
  }
  // One read transaction: the list (which gives the persons), the four statements of the records
  // and the reviews. (One UNION ALL statement carrying every row as JSON texts was measured
  // slower, bench/clinic/README.md.)
  Result<CaseloadPage> caseload_page(AccountId clinician, CivilDate from, CivilDate to) override {
    return db_->read<CaseloadPage>([&](Tx& tx) -> Result<CaseloadPage> {
      CaseloadPage page;
      auto entries = read_caseload(tx, clinician);
      if (!entries) return entries.error();
      page.entries = std::move(entries).value();
      std::vector<store::PersonId> persons;
      persons.reserve(page.entries.size());
      for (const auto& e : page.entries) {
        if (e.person != 0) persons.push_back(e.person);
      }
      std::sort(persons.begin(), persons.end());
      auto records = read_records_of(tx, persons, from, to, &plans_);
      if (!records) return records.error();
      page.records = std::move(records).value();
      auto reviews = read_flag_reviews(tx, clinician);
      if (!reviews) return reviews.error();
      page.reviews = std::move(reviews).value();
      return page;
    });
  }
  Result<ClinicianNote> add_note(const ClinicianNote& note) override {
    return db_->write<ClinicianNote>([&](Tx& tx) -> Result<ClinicianNote> {
      auto author = tx.exec_params("SELECT username FROM account WHERE id = $1", note.author);
      if (author.empty()) return not_found("account");
      ClinicianNote saved = note;
      saved.author_name = author[0][0].c_str();
      saved.id = tx.exec_params1(
                       "INSERT INTO clinician_note (patient_person, author_id, at, text) VALUES ($1, $2, $3, $4) "
                       "RETURNING id",
                       note.patient, note.author, format_instant(note.at), note.text)[0]
                     .as<std::int64_t>();
      return saved;
    });
  }
  Result<std::vector<ClinicianNote>> notes(store::PersonId patient) override {
    return db_->read<std::vector<ClinicianNote>>([&](Tx& tx) {
      return collect<ClinicianNote>(
          tx.exec_params("SELECT n.id, n.patient_person, n.author_id, a.username, n.at, n.text FROM clinician_note n "
                         "JOIN account a ON a.id = n.author_id WHERE n.patient_person = $1 ORDER BY n.at, n.id",
                         patient),
          read_clinician_note);
    });
  }

  // --- audit trail ---
  Result<AuditEntry> append_audit(const AuditEntry& e) override {
    return db_->write_one<AuditEntry>([&](Tx& tx) -> Result<AuditEntry> {
      std::optional<std::string> role;
      if (e.role) role = str(role_name(*e.role));
      AuditEntry saved = e;
      saved.id = exec1(tx,
                       "INSERT INTO audit (at, actor, role, action, detail, patient, address, outcome) "
                       "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                       format_instant(e.at), e.actor, role, e.action, e.detail, e.patient, e.address,
                       str(audit_outcome_name(e.outcome)))[0]
                     .as<std::int64_t>();
      return saved;
    });
  }
  Result<std::vector<AuditEntry>> audit(const AuditFilter& f) override {
    if (f.limit < 1 || f.limit > 10000) return make_error(errc::kOutOfRange, "limit", "limit is 1 to 10000");
    if (f.offset < 0) return make_error(errc::kOutOfRange, "offset", "offset is 0 or more");
    std::optional<std::string> from;
    std::optional<std::string> to;
    if (f.from) from = format_instant(*f.from);
    if (f.to) to = format_instant(*f.to);
    const char* order = f.newest_first ? "DESC" : "ASC";
    return db_->read_one<std::vector<AuditEntry>>([&](Tx& tx) {
      return collect<AuditEntry>(
          exec(tx,
               fmt::format("SELECT {} FROM audit WHERE ($1::bigint IS NULL OR actor = $1) AND "
                           "($2::bigint IS NULL OR patient = $2) AND ($3::text IS NULL OR action = $3) AND "
                           "($4::text IS NULL OR at >= $4) AND ($5::text IS NULL OR at < $5) "
                           "ORDER BY at {}, id {} LIMIT $6 OFFSET $7",
                           kAuditColumns, order, order),
               f.actor, f.patient, f.action, from, to, f.limit, f.offset),
          read_audit);
    });
  }
  Result<std::int64_t> purge_audit(TimePoint before) override {
    return db_->write_one<std::int64_t>([&](Tx& tx) -> Result<std::int64_t> {
      return exec1(tx, "SELECT kneecoach_purge_audit($1)", format_instant(before))[0].as<std::int64_t>();
    });
  }

  // --- data rights ---
  Status delete_patient(AccountId patient, const std::string& throttle_key) override {
    return db_->write([&](Tx& tx) -> Status {
      auto rows = exec(tx, "SELECT person_id FROM account WHERE id = $1 FOR UPDATE", patient);
      if (rows.empty()) return not_found("account");
      if (!rows[0][0].is_null()) {
        const auto person = rows[0][0].as<store::PersonId>();
        exec(tx, "DELETE FROM notification WHERE patient_person = $1", person);
        exec(tx, "DELETE FROM flag_review WHERE patient_person = $1", person);
        exec(tx, "DELETE FROM clinician_note WHERE patient_person = $1", person);
      }
      exec(tx, "DELETE FROM login_session WHERE account_id = $1", patient);
      exec(tx, "DELETE FROM invite WHERE patient_id = $1", patient);
      exec(tx, "DELETE FROM caseload WHERE patient_id = $1", patient);
      exec(tx, "DELETE FROM throttle WHERE key = $1", throttle_key);
      exec(tx, "DELETE FROM account WHERE id = $1", patient);
      return Ok{};
    });
  }

 private:
  template <typename Key>
  Result<std::optional<Account>> find_account_where(const char* where, const Key& key) {
    return db_->read_one<std::optional<Account>>([&](Tx& tx) {
      return first<Account>(exec(tx, fmt::format("SELECT {} FROM account WHERE {}", kAccountColumns, where), key),
                            [](const Row& r) { return read_account(r); });
    });
  }

  Result<std::int64_t> count_of(const char* delete_sql, TimePoint before) {
    return db_->write_one<std::int64_t>([&](Tx& tx) -> Result<std::int64_t> {
      return static_cast<std::int64_t>(exec(tx, delete_sql, format_instant(before)).affected_rows());
    });
  }

  static std::string prefixed(const std::string& prefix, const std::string& columns) {
    std::string out = prefix;
    for (char c : columns) {
      out += c;
      if (c == ' ') out += prefix;
    }
    return out;
  }

  static Result<Account> insert_account(Tx& tx, const Account& a) {
    auto rows = exec(
        tx,
        "INSERT INTO account (username, role, password_hash, totp_secret, totp_enabled, totp_last_step, person_id, "
        "state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username) DO NOTHING "
        "RETURNING id",
        a.username, str(role_name(a.role)), a.password_hash, a.totp_secret, a.totp_enabled, a.totp_last_step, a.person,
        str(account_state_name(a.state)), format_instant(a.created_at));
    if (rows.empty()) return username_taken(a.username);
    Account saved = a;
    saved.id = rows[0][0].as<AccountId>();
    return saved;
  }

  static std::int64_t insert_invite(Tx& tx, const Invite& i) {
    return exec1(tx,
                 "INSERT INTO invite (link_hash, code_hash, clinician_id, patient_id, created_at, expires_at, used_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                 i.link_hash, i.code_hash, i.clinician, i.patient, format_instant(i.created_at),
                 format_instant(i.expires_at), instant_text(i.used_at))[0]
        .as<std::int64_t>();
  }

  static void revoke_all(Tx& tx, AccountId account, TimePoint now) {
    exec(tx, "UPDATE login_session SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL", account,
         format_instant(now));
  }

  std::shared_ptr<Database> db_;
  // The plans the caseload pages read, kept with their versions (plan_cache.h).
  PlanCache plans_;
};

}  // namespace

Result<std::unique_ptr<ClinicStore>> open_clinic_store(std::shared_ptr<Database> db) {
  if (auto s = migrate(*db, store_schema()); !s) return s.error();
  if (auto s = migrate(*db, clinic_schema()); !s) return s.error();
  return std::unique_ptr<ClinicStore>(std::make_unique<PgClinicStore>(std::move(db)));
}

Result<std::unique_ptr<ClinicStore>> open_clinic_store(const std::string& url, const Options& options) {
  auto db = Database::open(url, options);
  if (!db) return db.error();
  return open_clinic_store(std::move(db).value());
}

}  // namespace kc::postgres
