// testing/: stand-ins for the clinic use cases' unit tests (an in-memory ClinicStore).
//
// MemoryClinicStore: ClinicStore in memory, for unit tests only (the product uses PostgreSQL).
// Keeps the contract that tests can see: unique usernames, kNotFound/kConflict where the port
// says, one lock per call (so every method is atomic), ordering as documented.
// `fail_next`/`fail_after` make a call fail with errc::kFailed, to test what a failed write does.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clinic/clinic_store.h"
#include "core/store/store.h"

namespace kc::clinic::testing {

class MemoryClinicStore final : public ClinicStore {
 public:
  // The next call (any method) fails with errc::kFailed and changes nothing.
  void fail_next() { fail_after(0); }
  // The call after the next `calls` calls fails so.
  void fail_after(int calls) {
    const std::lock_guard lock(mutex_);
    fail_in_ = calls;
  }
  // Every audit row, in order (a test's view of the table).
  std::vector<AuditEntry> audit_rows() const {
    const std::lock_guard lock(mutex_);
    return audit_;
  }
  std::vector<LoginSession> session_rows() const {
    const std::lock_guard lock(mutex_);
    std::vector<LoginSession> out;
    for (const auto& [hash, s] : sessions_) out.push_back(s);
    return out;
  }

  Result<Account> create_account(const Account& account) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    return insert_account(account);
  }
  Result<std::optional<Account>> find_account(AccountId id) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto it = accounts_.find(id);
    return it == accounts_.end() ? std::optional<Account>{} : it->second;
  }
  Result<std::optional<Account>> find_account_by_username(const std::string& username) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    for (const auto& [id, a] : accounts_)
      if (a.username == username) return std::optional<Account>{a};
    return std::optional<Account>{};
  }
  Result<std::optional<Account>> find_account_by_person(store::PersonId person) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    for (const auto& [id, a] : accounts_)
      if (a.person == person) return std::optional<Account>{a};
    return std::optional<Account>{};
  }
  Result<std::vector<Account>> accounts(std::optional<Role> role) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    std::vector<Account> out;
    for (const auto& [id, a] : accounts_)
      if (!role || a.role == *role) out.push_back(a);
    std::sort(out.begin(), out.end(), [](const Account& a, const Account& b) { return a.username < b.username; });
    return out;
  }
  Status set_password(AccountId account, const std::string& password_hash, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    Account* a = account_ptr(account);
    if (a == nullptr) return not_found("account");
    a->password_hash = password_hash;
    revoke_all(account, now);
    return Ok{};
  }
  Status set_state(AccountId account, AccountState state, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    Account* a = account_ptr(account);
    if (a == nullptr) return not_found("account");
    a->state = state;
    if (state == AccountState::kDisabled) revoke_all(account, now);
    return Ok{};
  }
  Status set_totp(AccountId account, const std::optional<std::string>& secret, bool enabled) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    Account* a = account_ptr(account);
    if (a == nullptr) return not_found("account");
    a->totp_secret = secret;
    a->totp_enabled = enabled;
    return Ok{};
  }
  Result<bool> use_totp_step(AccountId account, std::int64_t step) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    Account* a = account_ptr(account);
    if (a == nullptr) return not_found("account");
    if (step <= a->totp_last_step) return false;
    a->totp_last_step = step;
    return true;
  }

  Status add_session(const LoginSession& session) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    if (sessions_.count(session.token_hash) != 0) return make_error(errc::kConflict, "token", "token exists");
    sessions_[session.token_hash] = session;
    return Ok{};
  }
  Result<std::optional<SessionAndAccount>> use_session(const std::string& token_hash, TimePoint now,
                                                       TimePoint seen_before) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto it = sessions_.find(token_hash);
    if (it == sessions_.end()) return std::optional<SessionAndAccount>{};
    const Account* a = account_ptr(it->second.account);
    if (a == nullptr) return std::optional<SessionAndAccount>{};
    SessionAndAccount found{it->second, *a};
    if (!it->second.revoked_at && it->second.last_seen_at < seen_before) it->second.last_seen_at = now;
    return std::optional<SessionAndAccount>{found};
  }
  Status revoke_session(const std::string& token_hash, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto it = sessions_.find(token_hash);
    if (it != sessions_.end() && !it->second.revoked_at) it->second.revoked_at = now;
    return Ok{};
  }
  Result<std::int64_t> purge_sessions(TimePoint before) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    return static_cast<std::int64_t>(std::erase_if(sessions_, [&](const auto& kv) {
      return kv.second.last_seen_at < before || (kv.second.revoked_at && *kv.second.revoked_at < before);
    }));
  }

  Result<ThrottleState> update_throttle(const std::string& key, const ThrottleUpdate& update) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto it = throttles_.find(key);
    ThrottleState current = it == throttles_.end() ? ThrottleState{key, {}, 0, std::nullopt} : it->second;
    ThrottleState next = update(current);
    next.key = key;
    throttles_[key] = next;
    return next;
  }
  Result<std::optional<ThrottleState>> throttle(const std::string& key) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto it = throttles_.find(key);
    return it == throttles_.end() ? std::optional<ThrottleState>{} : it->second;
  }
  Result<std::int64_t> purge_throttle(TimePoint before) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    return static_cast<std::int64_t>(std::erase_if(throttles_, [&](const auto& kv) {
      return kv.second.window_start < before && (!kv.second.locked_until || *kv.second.locked_until < before);
    }));
  }

  Result<InvitedPatient> create_invited_patient(const Account& patient, const Invite& invite) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto stored = insert_account(patient);
    if (!stored) return stored.error();
    caseload_[{invite.clinician, stored->id}] = invite.created_at;
    Invite i = invite;
    i.patient = stored->id;
    i.id = next_id_++;
    invites_.push_back(i);
    return InvitedPatient{*stored, i};
  }
  Result<Invite> add_invite(const Invite& invite) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    Invite i = invite;
    i.id = next_id_++;
    invites_.push_back(i);
    return i;
  }
  Result<std::optional<Invite>> find_invite_by_link(const std::string& link_hash) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    for (const auto& i : invites_)
      if (i.link_hash == link_hash) return std::optional<Invite>{i};
    return std::optional<Invite>{};
  }
  Result<std::optional<Invite>> find_invite_by_code(AccountId patient, const std::string& code_hash) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    for (const auto& i : invites_)
      if (i.patient == patient && i.code_hash == code_hash) return std::optional<Invite>{i};
    return std::optional<Invite>{};
  }
  Status accept_invite(std::int64_t invite, const std::string& password_hash, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto it = std::find_if(invites_.begin(), invites_.end(), [&](const Invite& i) { return i.id == invite; });
    if (it == invites_.end()) return not_found("invite");
    if (it->used_at) return make_error(errc::kConflict, "invite", "the invite was used already");
    Account* a = account_ptr(it->patient);
    if (a == nullptr) return not_found("account");
    it->used_at = now;
    a->password_hash = password_hash;
    a->state = AccountState::kActive;
    return Ok{};
  }
  Status add_to_caseload(AccountId clinician, AccountId patient, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    if (account_ptr(clinician) == nullptr || account_ptr(patient) == nullptr) return not_found("account");
    caseload_.try_emplace({clinician, patient}, now);
    return Ok{};
  }
  Status remove_from_caseload(AccountId clinician, AccountId patient) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    caseload_.erase({clinician, patient});
    return Ok{};
  }
  Result<std::vector<CaseloadEntry>> caseload(AccountId clinician) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    return caseload_locked(clinician);
  }
  Result<bool> on_caseload(AccountId clinician, store::PersonId person) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    for (const auto& [pair, added] : caseload_) {
      const Account* p = account_ptr(pair.second);
      if (pair.first == clinician && p != nullptr && p->person == person) return true;
    }
    return false;
  }
  Result<std::vector<AccountId>> clinicians_of(store::PersonId person) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    std::vector<AccountId> out;
    for (const auto& [pair, added] : caseload_) {
      const Account* p = account_ptr(pair.second);
      if (p != nullptr && p->person == person) out.push_back(pair.first);
    }
    return out;
  }

  Result<Notification> add_notification(const Notification& notification) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    Notification n = notification;
    n.id = next_id_++;
    notifications_.push_back(n);
    return n;
  }
  Result<std::vector<Notification>> notifications(AccountId clinician, bool unread_only) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    std::vector<Notification> out;
    for (const auto& n : notifications_)
      if (n.clinician == clinician && (!unread_only || !n.read_at)) out.push_back(n);
    std::reverse(out.begin(), out.end());  // newest first
    return out;
  }
  Status mark_notification_read(AccountId clinician, std::int64_t notification, TimePoint now) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    for (auto& n : notifications_) {
      if (n.id == notification && n.clinician == clinician) {
        if (!n.read_at) n.read_at = now;
        return Ok{};
      }
    }
    return not_found("notification");
  }

  // Every record of each patient (PatientRecords allows more than `from` through `to`), read through
  // the store::Store given to read_records_from (none: patients have no records).
  Result<std::vector<PatientRecords>> caseload_records(AccountId clinician, CivilDate /*from*/,
                                                       CivilDate /*to*/) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    return caseload_records_locked(clinician);
  }
  Result<FlagReview> add_flag_review(const FlagReview& review) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    FlagReview r = review;
    r.id = next_id_++;
    reviews_.push_back(r);
    return r;
  }
  Result<std::vector<FlagReview>> flag_reviews(AccountId clinician) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    return flag_reviews_locked(clinician);
  }
  Result<CaseloadPage> caseload_page(AccountId clinician, CivilDate /*from*/, CivilDate /*to*/) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    auto records = caseload_records_locked(clinician);
    if (!records) return records.error();
    return CaseloadPage{caseload_locked(clinician), std::move(records).value(), flag_reviews_locked(clinician)};
  }
  Result<ClinicianNote> add_note(const ClinicianNote& note) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    const Account* author = account_ptr(note.author);
    if (author == nullptr) return not_found("account");
    ClinicianNote n = note;
    n.id = next_id_++;
    n.author_name = author->username;
    notes_.push_back(n);
    return n;
  }
  Result<std::vector<ClinicianNote>> notes(store::PersonId patient) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    std::vector<ClinicianNote> out;
    for (const auto& n : notes_)
      if (n.patient == patient) out.push_back(n);
    return out;
  }

  Result<AuditEntry> append_audit(const AuditEntry& entry) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    AuditEntry a = entry;
    a.id = next_id_++;
    audit_.push_back(a);
    return a;
  }
  Result<std::vector<AuditEntry>> audit(const AuditFilter& f) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    if (f.limit < 1 || f.limit > 10000) return make_error(errc::kOutOfRange, "limit", "limit is 1 to 10000");
    if (f.offset < 0) return make_error(errc::kOutOfRange, "offset", "offset is 0 or more");
    std::vector<AuditEntry> rows;
    for (const auto& a : audit_) {
      if ((f.actor && a.actor != *f.actor) || (f.patient && a.patient != *f.patient) ||
          (f.action && a.action != *f.action) || (f.from && a.at < *f.from) || (f.to && a.at >= *f.to)) {
        continue;
      }
      rows.push_back(a);
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const AuditEntry& a, const AuditEntry& b) { return a.at != b.at ? a.at < b.at : a.id < b.id; });
    if (f.newest_first) std::reverse(rows.begin(), rows.end());
    const auto skip = std::min(rows.size(), static_cast<std::size_t>(f.offset));
    rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(skip));
    if (rows.size() > static_cast<std::size_t>(f.limit)) rows.resize(static_cast<std::size_t>(f.limit));
    return rows;
  }
  Result<std::int64_t> purge_audit(TimePoint before) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    return static_cast<std::int64_t>(std::erase_if(audit_, [&](const AuditEntry& a) { return a.at < before; }));
  }

  Status delete_patient(AccountId patient, const std::string& throttle_key) override {
    const std::lock_guard lock(mutex_);
    if (auto e = failure()) return *e;
    const Account* a = account_ptr(patient);
    if (a == nullptr) return not_found("account");
    const std::optional<store::PersonId> person = a->person;
    std::erase_if(sessions_, [&](const auto& kv) { return kv.second.account == patient; });
    std::erase_if(invites_, [&](const Invite& i) { return i.patient == patient; });
    std::erase_if(caseload_, [&](const auto& kv) { return kv.first.second == patient; });
    std::erase_if(notifications_, [&](const Notification& n) { return person && n.patient == *person; });
    std::erase_if(reviews_, [&](const FlagReview& r) { return person && r.patient == *person; });
    std::erase_if(notes_, [&](const ClinicianNote& n) { return person && n.patient == *person; });
    throttles_.erase(throttle_key);
    accounts_.erase(patient);
    return Ok{};
  }

  // Where caseload_records reads the patients' records (PostgreSQL reads its own tables).
  void read_records_from(store::Store* records) {
    const std::lock_guard lock(mutex_);
    records_ = records;
  }

  // Tells the store a store::Person's name, for CaseloadEntry::person_name (PostgreSQL joins it).
  void name_person(store::PersonId person, const std::string& name) {
    const std::lock_guard lock(mutex_);
    person_names_[person] = name;
  }

 private:
  // The bodies of caseload, caseload_records and flag_reviews, with mutex_ held.
  std::vector<CaseloadEntry> caseload_locked(AccountId clinician) {
    std::vector<CaseloadEntry> out;
    for (const auto& [pair, added] : caseload_) {
      if (pair.first != clinician) continue;
      const Account* p = account_ptr(pair.second);
      if (p == nullptr) continue;
      CaseloadEntry e{clinician, p->id, p->username, p->person.value_or(0), "", p->state, added, 0};
      auto name = person_names_.find(e.person);
      if (name != person_names_.end()) e.person_name = name->second;
      e.unread_notifications =
          static_cast<int>(std::count_if(notifications_.begin(), notifications_.end(), [&](const Notification& n) {
            return n.clinician == clinician && n.patient == e.person && !n.read_at;
          }));
      out.push_back(e);
    }
    std::sort(out.begin(), out.end(),
              [](const CaseloadEntry& a, const CaseloadEntry& b) { return a.username < b.username; });
    return out;
  }
  Result<std::vector<PatientRecords>> caseload_records_locked(AccountId clinician) {
    std::vector<PatientRecords> out;
    for (const auto& [pair, added] : caseload_) {
      const Account* p = account_ptr(pair.second);
      if (pair.first != clinician || p == nullptr || !p->person) continue;
      PatientRecords r;
      r.person = *p->person;
      if (records_ != nullptr) {
        if (auto st = read_records(r); !st) return st.error();
      }
      out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(),
              [](const PatientRecords& a, const PatientRecords& b) { return a.person < b.person; });
    return out;
  }
  std::vector<FlagReview> flag_reviews_locked(AccountId clinician) {
    std::map<std::pair<store::PersonId, FlagKind>, FlagReview> latest;
    for (const auto& r : reviews_) {
      if (r.clinician == clinician) latest[{r.patient, r.kind}] = r;  // appended in order: the last wins
    }
    std::vector<FlagReview> out;
    out.reserve(latest.size());
    for (const auto& [key, r] : latest) out.push_back(r);
    return out;
  }
  std::optional<Error> failure() {
    if (fail_in_ < 0) return std::nullopt;
    if (fail_in_-- > 0) return std::nullopt;
    return make_error("memory store: failing as asked");
  }
  Status read_records(PatientRecords& r) {
    auto plan = records_->latest_plan(r.person);
    if (!plan) return plan.error();
    r.plan = *plan;
    if (r.plan) {
      auto clearance = records_->clearance_of_plan(r.person, r.plan->id);
      if (!clearance) return clearance.error();
      if (*clearance) r.clearance_json = (*clearance)->json;
    }
    auto sessions = records_->sessions(r.person);
    if (!sessions) return sessions.error();
    r.sessions = *sessions;
    for (const char* measure : {store::kPainNow, store::kPainNextMorning, store::kPainDuring}) {
      auto ms = records_->measurements(r.person, measure);
      if (!ms) return ms.error();
      r.pain.insert(r.pain.end(), ms->begin(), ms->end());
    }
    auto check_ins = records_->check_ins(r.person);
    if (!check_ins) return check_ins.error();
    r.check_ins = *check_ins;
    return Ok{};
  }
  static Error not_found(const std::string& what) { return make_error(errc::kNotFound, what, "no such " + what); }
  Account* account_ptr(AccountId id) {
    auto it = accounts_.find(id);
    return it == accounts_.end() ? nullptr : &it->second;
  }
  Result<Account> insert_account(const Account& account) {
    for (const auto& [id, a] : accounts_)
      if (a.username == account.username) return make_error(errc::kConflict, "username", "username taken");
    Account a = account;
    a.id = next_id_++;
    accounts_[a.id] = a;
    return a;
  }
  void revoke_all(AccountId account, TimePoint now) {
    for (auto& [hash, s] : sessions_)
      if (s.account == account && !s.revoked_at) s.revoked_at = now;
  }

  mutable std::mutex mutex_;
  int fail_in_ = -1;  // calls left before the failing one; -1: none
  std::int64_t next_id_ = 1;
  std::map<AccountId, Account> accounts_;
  std::map<std::string, LoginSession> sessions_;
  std::map<std::string, ThrottleState> throttles_;
  std::vector<Invite> invites_;
  std::map<std::pair<AccountId, AccountId>, TimePoint> caseload_;  // (clinician, patient) -> added
  std::vector<Notification> notifications_;
  std::vector<AuditEntry> audit_;
  std::map<store::PersonId, std::string> person_names_;
  std::vector<FlagReview> reviews_;
  std::vector<ClinicianNote> notes_;
  store::Store* records_ = nullptr;
};

}  // namespace kc::clinic::testing
