// The ClinicStore contract, run against PostgreSQL and against the in-memory store the use case
// tests rely on (so the two agree), then what only the database does: the audit table refuses
// UPDATE, DELETE and TRUNCATE, and the retention purge is the one way rows leave it.
#include "adapters/postgres/pg_clinic_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/postgres/caseload_records.h"
#include "adapters/postgres/pg_store.h"
#include "adapters/postgres/pg_test_support.h"
#include "core/tracking/tracking_test_support.h"
#include "usecases/clinic/testing/memory_clinic_store.h"

namespace kc::postgres {
namespace {

using namespace kc::clinic;  // NOLINT(google-build-using-namespace): records are this file's subject
using testing::TestDatabase;
using tracking::testing::at;
using tracking::testing::day;

// A fresh clinic store, with a way to name a store::Person (the caseload shows the name).
struct ClinicUnderTest {
  std::unique_ptr<ClinicStore> clinic;
  std::function<store::PersonId(const std::string& name)> add_person;
  std::shared_ptr<TestDatabase> db;  // PostgreSQL only
  std::unique_ptr<store::Store> store;
  std::string skip;
};

struct ClinicBackend {
  std::string name;
  std::function<ClinicUnderTest()> make;
};
void PrintTo(const ClinicBackend& backend, std::ostream* out) { *out << backend.name; }

ClinicBackend postgres_clinic() {
  return {"Postgres", [] {
            ClinicUnderTest t;
            if (auto why = TestDatabase::unavailable()) {
              t.skip = *why;
              return t;
            }
            t.db = std::make_shared<TestDatabase>();
            auto database = Database::open(t.db->url(), Options{4, 20});
            EXPECT_TRUE(database.ok()) << (database.ok() ? "" : database.error().message);
            auto clinic = open_clinic_store(*database);
            EXPECT_TRUE(clinic.ok()) << (clinic.ok() ? "" : clinic.error().message);
            auto store = open_store(*database);
            EXPECT_TRUE(store.ok());
            t.clinic = std::move(clinic).value();
            t.store = std::move(store).value();
            store::Store* s = t.store.get();
            t.add_person = [s](const std::string& name) { return s->ensure_person(name, at(0, 7))->id; };
            return t;
          }};
}

ClinicBackend memory_clinic() {
  return {"Memory", [] {
            ClinicUnderTest t;
            auto memory = std::make_unique<clinic::testing::MemoryClinicStore>();
            auto* m = memory.get();
            auto next = std::make_shared<store::PersonId>(100);
            t.add_person = [m, next](const std::string& name) {
              m->name_person(++*next, name);
              return *next;
            };
            t.clinic = std::move(memory);
            return t;
          }};
}

class ClinicContract : public ::testing::TestWithParam<ClinicBackend> {
 protected:
  void SetUp() override {
    t = GetParam().make();
    if (!t.skip.empty()) GTEST_SKIP() << t.skip;
    c = t.clinic.get();
    auto made = c->create_account(account("dr-lee", Role::kClinician));
    ASSERT_TRUE(made.ok()) << made.error().message;
    lee = *made;
  }
  static Account account(const std::string& name, Role role, std::optional<store::PersonId> person = {}) {
    Account a;
    a.username = name;
    a.role = role;
    a.password_hash = "$argon2id$" + name;
    a.person = person;
    a.created_at = at(0, 7);
    return a;
  }
  // A patient invited by Lee: the pending account, on Lee's caseload, with its invite.
  ClinicStore::InvitedPatient invite(const std::string& name) {
    Account patient = account(name, Role::kPatient, t.add_person(name));
    patient.state = AccountState::kPending;
    patient.password_hash = "";
    Invite i;
    i.link_hash = "link-" + name;
    i.code_hash = "code-" + name;
    i.clinician = lee.id;
    i.created_at = at(0, 9);
    i.expires_at = at(7, 9);
    auto made = c->create_invited_patient(patient, i);
    EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
    return *made;
  }
  static AuditEntry entry(int day, AccountId actor, std::optional<store::PersonId> patient, const std::string& action) {
    AuditEntry e;
    e.at = at(day, 10);
    e.actor = actor;
    e.role = Role::kClinician;
    e.action = action;
    e.detail = "GET /api/v1/people/x";
    e.patient = patient;
    e.address = "127.0.0.1";
    return e;
  }

  ClinicUnderTest t;
  ClinicStore* c = nullptr;
  Account lee;
};

TEST_P(ClinicContract, AccountsAreUniqueByUsernameAndFoundEveryWay) {
  EXPECT_GT(lee.id, 0);
  auto taken = c->create_account(account("dr-lee", Role::kAdmin));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, errc::kConflict);
  EXPECT_EQ(taken.error().field, "username");
  const auto pat = invite("pat");
  EXPECT_EQ(c->find_account(lee.id)->value().username, "dr-lee");
  EXPECT_EQ(c->find_account_by_username("pat")->value().state, AccountState::kPending);
  EXPECT_EQ(c->find_account_by_person(*pat.patient.person)->value().id, pat.patient.id);
  EXPECT_FALSE(c->find_account(9999)->has_value());
  ASSERT_TRUE(c->create_account(account("admin", Role::kAdmin)).ok());
  auto all = c->accounts(std::nullopt);
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ((*all)[0].username, "admin");
  EXPECT_EQ((*all)[2].username, "pat");
  EXPECT_EQ(c->accounts(Role::kClinician)->size(), 1U);
}

TEST_P(ClinicContract, PasswordsStatesAndTotpChangeTheAccountAndRevokeSessions) {
  ASSERT_TRUE(c->add_session({"tok-1", lee.id, at(1, 8), at(1, 8), std::nullopt, "10.0.0.1"}).ok());
  EXPECT_EQ(c->add_session({"tok-1", lee.id, at(1, 8), at(1, 8), std::nullopt, ""}).error().code, errc::kConflict);
  auto used = c->use_session("tok-1", at(1, 9), at(1, 9));
  ASSERT_TRUE(used.ok() && used->has_value());
  EXPECT_EQ((*used)->session.last_seen_at, at(1, 8));  // as it was before
  EXPECT_EQ((*used)->account.username, "dr-lee");
  EXPECT_EQ((*c->use_session("tok-1", at(1, 10), at(1, 10)))->session.last_seen_at, at(1, 9));
  ASSERT_TRUE(c->set_password(lee.id, "$argon2id$new", at(1, 11)).ok());
  auto revoked = c->use_session("tok-1", at(1, 12), at(1, 12));
  EXPECT_EQ((*revoked)->session.revoked_at, at(1, 11));
  EXPECT_EQ((*revoked)->session.last_seen_at, at(1, 10));  // a revoked session is not touched
  EXPECT_EQ(c->find_account(lee.id)->value().password_hash, "$argon2id$new");
  EXPECT_EQ(c->set_password(9999, "x", at(1, 11)).error().code, errc::kNotFound);

  ASSERT_TRUE(c->add_session({"tok-2", lee.id, at(2, 8), at(2, 8), std::nullopt, ""}).ok());
  ASSERT_TRUE(c->set_state(lee.id, AccountState::kDisabled, at(2, 9)).ok());
  EXPECT_EQ((*c->use_session("tok-2", at(2, 10), at(2, 10)))->session.revoked_at, at(2, 9));
  EXPECT_EQ((*c->use_session("tok-2", at(2, 10), at(2, 10)))->account.state, AccountState::kDisabled);
  EXPECT_FALSE(c->use_session("no-such-token", at(2, 10), at(2, 10))->has_value());

  ASSERT_TRUE(c->set_totp(lee.id, "JBSWY3DPEHPK3PXP", true).ok());
  EXPECT_EQ(*c->find_account(lee.id)->value().totp_secret, "JBSWY3DPEHPK3PXP");
  EXPECT_TRUE(*c->use_totp_step(lee.id, 100));
  EXPECT_FALSE(*c->use_totp_step(lee.id, 100));  // a code is used once
  EXPECT_FALSE(*c->use_totp_step(lee.id, 99));
  EXPECT_EQ(c->find_account(lee.id)->value().totp_last_step, 100);
  ASSERT_TRUE(c->set_totp(lee.id, std::nullopt, false).ok());
  EXPECT_FALSE(c->find_account(lee.id)->value().totp_secret.has_value());
}

TEST_P(ClinicContract, ASessionIsRecordedSeenOnlyWhenItsLastSeenIsBeforeTheGivenTime) {
  const auto seconds = [](int n) { return std::chrono::seconds{n}; };
  ASSERT_TRUE(c->add_session({"tok", lee.id, at(1, 8), at(1, 8), std::nullopt, ""}).ok());
  // last_seen_at (8:00) is not before 8:00: nothing written.
  EXPECT_EQ((*c->use_session("tok", at(1, 8) + seconds(30), at(1, 8)))->session.last_seen_at, at(1, 8));
  EXPECT_EQ((*c->use_session("tok", at(1, 8) + seconds(59), at(1, 8)))->session.last_seen_at, at(1, 8));
  // 8:00 is before 8:00:01: moved to now.
  EXPECT_EQ((*c->use_session("tok", at(1, 8) + seconds(61), at(1, 8) + seconds(1)))->session.last_seen_at, at(1, 8));
  EXPECT_EQ((*c->use_session("tok", at(1, 8) + seconds(62), at(1, 8)))->session.last_seen_at, at(1, 8) + seconds(61));
}

TEST_P(ClinicContract, SessionsAndThrottlesArePurgedByAge) {
  ASSERT_TRUE(c->add_session({"old", lee.id, at(0, 8), at(0, 8), std::nullopt, ""}).ok());
  ASSERT_TRUE(c->add_session({"new", lee.id, at(3, 8), at(3, 8), std::nullopt, ""}).ok());
  ASSERT_TRUE(c->revoke_session("new", at(3, 9)).ok());
  ASSERT_TRUE(c->revoke_session("none", at(3, 9)).ok());
  EXPECT_EQ(*c->purge_sessions(at(2, 0)), 1);
  EXPECT_FALSE(c->use_session("old", at(3, 10), at(3, 10))->has_value());
  EXPECT_TRUE(c->use_session("new", at(3, 10), at(3, 10))->has_value());

  auto bump = [](const ThrottleState& s) {
    ThrottleState next = s;
    if (next.failures == 0) next.window_start = at(1, 8);
    ++next.failures;
    if (next.failures >= 3) next.locked_until = at(1, 9);
    return next;
  };
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c->update_throttle("account:pat", bump).ok());
  auto state = c->throttle("account:pat");
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->failures, 3);
  EXPECT_EQ((*state)->window_start, at(1, 8));
  EXPECT_EQ((*state)->locked_until, at(1, 9));
  EXPECT_FALSE(c->throttle("address:10.0.0.9")->has_value());
  EXPECT_EQ(*c->purge_throttle(at(1, 8) + std::chrono::minutes{30}), 0);  // still locked then
  EXPECT_EQ(*c->purge_throttle(at(2, 0)), 1);
  EXPECT_FALSE(c->throttle("account:pat")->has_value());
}

TEST_P(ClinicContract, AnInviteIsAcceptedOnceAndPutsThePatientOnTheCaseload) {
  const auto pat = invite("pat");
  EXPECT_EQ(pat.invite.patient, pat.patient.id);
  EXPECT_EQ(c->find_invite_by_link("link-pat")->value().id, pat.invite.id);
  EXPECT_EQ(c->find_invite_by_code(pat.patient.id, "code-pat")->value().expires_at, at(7, 9));
  EXPECT_FALSE(c->find_invite_by_code(lee.id, "code-pat")->has_value());
  ASSERT_TRUE(c->accept_invite(pat.invite.id, "$argon2id$pat", at(1, 9)).ok());
  auto again = c->accept_invite(pat.invite.id, "$argon2id$other", at(1, 10));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kConflict);
  EXPECT_EQ(c->accept_invite(9999, "x", at(1, 9)).error().code, errc::kNotFound);
  const Account active = c->find_account(pat.patient.id)->value();
  EXPECT_EQ(active.state, AccountState::kActive);
  EXPECT_EQ(active.password_hash, "$argon2id$pat");
  EXPECT_EQ(*c->find_invite_by_link("link-pat")->value().used_at, at(1, 9));

  Invite another = pat.invite;
  another.link_hash = "link-2";
  auto added = c->add_invite(another);
  ASSERT_TRUE(added.ok());
  EXPECT_NE(added->id, pat.invite.id);

  auto load = c->caseload(lee.id);
  ASSERT_EQ(load->size(), 1U);
  EXPECT_EQ((*load)[0].username, "pat");
  EXPECT_EQ((*load)[0].person, *pat.patient.person);
  EXPECT_EQ((*load)[0].person_name, "pat");
  EXPECT_EQ((*load)[0].added_at, at(0, 9));
  EXPECT_TRUE(*c->on_caseload(lee.id, *pat.patient.person));
  EXPECT_EQ(*c->clinicians_of(*pat.patient.person), std::vector<AccountId>{lee.id});
}

TEST_P(ClinicContract, CaseloadsAreTheClinicianOwnWithUnreadNotifications) {
  const auto ann = invite("ann");
  const auto bob = invite("bob");
  auto kim = c->create_account(account("dr-kim", Role::kClinician));
  ASSERT_TRUE(c->add_to_caseload(kim->id, bob.patient.id, at(2, 8)).ok());
  ASSERT_TRUE(c->add_to_caseload(kim->id, bob.patient.id, at(3, 8)).ok());  // already on it: ok
  EXPECT_EQ(c->add_to_caseload(kim->id, 9999, at(2, 8)).error().code, errc::kNotFound);
  EXPECT_FALSE(*c->on_caseload(kim->id, *ann.patient.person));
  EXPECT_TRUE(*c->on_caseload(kim->id, *bob.patient.person));
  EXPECT_EQ(c->caseload(kim->id)->front().added_at, at(2, 8));
  EXPECT_EQ(c->clinicians_of(*bob.patient.person)->size(), 2U);

  auto n = c->add_notification({0, lee.id, *ann.patient.person, at(3, 8), "red_flag", "hot swollen knee", {}});
  ASSERT_TRUE(n.ok());
  ASSERT_TRUE(c->add_notification({0, lee.id, *ann.patient.person, at(3, 9), "red_flag", "again", {}}).ok());
  auto load = c->caseload(lee.id);
  ASSERT_EQ(load->size(), 2U);
  EXPECT_EQ((*load)[0].username, "ann");
  EXPECT_EQ((*load)[0].unread_notifications, 2);
  EXPECT_EQ((*load)[1].unread_notifications, 0);
  EXPECT_EQ(c->notifications(lee.id, true)->front().message, "again");  // newest first
  ASSERT_TRUE(c->mark_notification_read(lee.id, n->id, at(4, 8)).ok());
  EXPECT_EQ(c->mark_notification_read(kim->id, n->id, at(4, 8)).error().code, errc::kNotFound);
  EXPECT_EQ(c->notifications(lee.id, true)->size(), 1U);
  EXPECT_EQ(c->notifications(lee.id, false)->back().read_at, at(4, 8));
  EXPECT_EQ(c->caseload(lee.id)->front().unread_notifications, 1);

  ASSERT_TRUE(c->remove_from_caseload(kim->id, bob.patient.id).ok());
  ASSERT_TRUE(c->remove_from_caseload(kim->id, bob.patient.id).ok());
  EXPECT_TRUE(c->caseload(kim->id)->empty());
}

TEST_P(ClinicContract, TheAuditTrailIsFilteredPagedAndPurgedOnlyByAge) {
  const auto pat = invite("pat");
  const store::PersonId person = *pat.patient.person;
  for (int day = 1; day <= 5; ++day) ASSERT_TRUE(c->append_audit(entry(day, lee.id, person, "read_progress")).ok());
  AuditEntry refused = entry(6, 0, std::nullopt, "sign_in");
  refused.role.reset();
  refused.outcome = AuditOutcome::kRefused;
  ASSERT_TRUE(c->append_audit(refused).ok());

  AuditFilter f;
  EXPECT_EQ(c->audit(f)->size(), 6U);
  f.patient = person;
  EXPECT_EQ(c->audit(f)->size(), 5U);
  f.from = at(2, 0);
  f.to = at(4, 0);
  auto window = c->audit(f);
  ASSERT_EQ(window->size(), 2U);
  EXPECT_EQ((*window)[0].at, at(2, 10));
  EXPECT_EQ((*window)[0].detail, "GET /api/v1/people/x");
  EXPECT_EQ((*window)[0].role, Role::kClinician);
  AuditFilter newest;
  newest.newest_first = true;
  newest.limit = 2;
  newest.offset = 1;
  auto page = c->audit(newest);
  ASSERT_EQ(page->size(), 2U);
  EXPECT_EQ((*page)[0].at, at(5, 10));
  AuditFilter signs;
  signs.action = "sign_in";
  auto sign = c->audit(signs);
  ASSERT_EQ(sign->size(), 1U);
  EXPECT_EQ(sign->front().outcome, AuditOutcome::kRefused);
  EXPECT_FALSE(sign->front().role.has_value());
  EXPECT_FALSE(sign->front().patient.has_value());
  AuditFilter bad;
  bad.limit = 0;
  EXPECT_EQ(c->audit(bad).error().field, "limit");
  bad.limit = 10;
  bad.offset = -1;
  EXPECT_EQ(c->audit(bad).error().field, "offset");

  EXPECT_EQ(*c->purge_audit(at(3, 0)), 2);
  EXPECT_EQ(c->audit(AuditFilter{})->size(), 4U);
  EXPECT_EQ(c->audit(AuditFilter{})->front().at, at(3, 10));
}

TEST_P(ClinicContract, DeletingAPatientRemovesTheirClinicSideButKeepsTheAudit) {
  const auto pat = invite("pat");
  const store::PersonId person = *pat.patient.person;
  ASSERT_TRUE(c->add_session({"pat-tok", pat.patient.id, at(1, 8), at(1, 8), std::nullopt, ""}).ok());
  ASSERT_TRUE(c->add_notification({0, lee.id, person, at(1, 8), "red_flag", "x", {}}).ok());
  ASSERT_TRUE(c->append_audit(entry(1, lee.id, person, "read_progress")).ok());
  ASSERT_TRUE(c->delete_patient(pat.patient.id, "account:pat").ok());
  EXPECT_FALSE(c->find_account(pat.patient.id)->has_value());
  EXPECT_FALSE(c->use_session("pat-tok", at(2, 8), at(2, 8))->has_value());
  EXPECT_FALSE(c->find_invite_by_link("link-pat")->has_value());
  EXPECT_TRUE(c->caseload(lee.id)->empty());
  EXPECT_TRUE(c->notifications(lee.id, false)->empty());
  AuditFilter theirs;
  theirs.patient = person;
  EXPECT_EQ(c->audit(theirs)->size(), 1U);
  EXPECT_EQ(c->delete_patient(pat.patient.id, "account:pat").error().code, errc::kNotFound);
}

TEST_P(ClinicContract, FlagReviewsKeepTheLatestOfEachKindAndNotesNameTheirAuthor) {
  const auto ann = invite("ann");
  const store::PersonId p = *ann.patient.person;
  auto kim = c->create_account(account("dr-kim", Role::kClinician));
  ASSERT_TRUE(c->add_flag_review({0, lee.id, p, FlagKind::kWarningSign, at(1, 8), "first"}).ok());
  auto second = c->add_flag_review({0, lee.id, p, FlagKind::kWarningSign, at(2, 8), "second"});
  ASSERT_TRUE(second.ok());
  EXPECT_GT(second->id, 0);
  ASSERT_TRUE(c->add_flag_review({0, lee.id, p, FlagKind::kNoSession, at(1, 9), ""}).ok());
  ASSERT_TRUE(c->add_flag_review({0, kim->id, p, FlagKind::kNoSession, at(3, 9), "kim's"}).ok());
  auto mine = c->flag_reviews(lee.id);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 2U);
  for (const auto& r : *mine) {
    EXPECT_EQ(r.patient, p);
    if (r.kind == FlagKind::kWarningSign) {
      EXPECT_EQ(std::make_pair(r.seen_at, r.note), std::make_pair(at(2, 8), std::string("second")));
    }
    if (r.kind == FlagKind::kNoSession) {
      EXPECT_EQ(r.seen_at, at(1, 9));
    }
  }
  EXPECT_EQ(c->flag_reviews(kim->id)->size(), 1U);
  auto page = c->caseload_page(lee.id, day(0), day(41));
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1U);  // ann, on Lee's caseload since her invite
  EXPECT_EQ(page->entries[0].person, p);
  ASSERT_EQ(page->records.size(), 1U);
  EXPECT_EQ(page->records[0].person, p);
  EXPECT_EQ(page->reviews.size(), 2U);

  auto note = c->add_note({0, p, lee.id, "", at(1, 8), "Knee settled."});
  ASSERT_TRUE(note.ok());
  EXPECT_EQ(note->author_name, "dr-lee");
  ASSERT_TRUE(c->add_note({0, p, kim->id, "", at(2, 8), "Seen in clinic."}).ok());
  auto notes = c->notes(p);
  ASSERT_EQ(notes->size(), 2U);
  EXPECT_EQ((*notes)[0].text, "Knee settled.");
  EXPECT_EQ((*notes)[1].author_name, "dr-kim");
  EXPECT_EQ((*notes)[1].at, at(2, 8));
  EXPECT_EQ(c->add_note({0, p, 9999, "", at(2, 8), "x"}).error().code, errc::kNotFound);
  EXPECT_TRUE(c->notes(p + 1000)->empty());

  ASSERT_TRUE(c->delete_patient(ann.patient.id, "account:ann").ok());
  EXPECT_TRUE(c->flag_reviews(lee.id)->empty());
  EXPECT_TRUE(c->notes(p)->empty());
}

std::string backend_name(const ::testing::TestParamInfo<ClinicBackend>& param) { return param.param.name; }
INSTANTIATE_TEST_SUITE_P(Postgres, ClinicContract, ::testing::Values(postgres_clinic()), backend_name);
INSTANTIATE_TEST_SUITE_P(Memory, ClinicContract, ::testing::Values(memory_clinic()), backend_name);

// What only PostgreSQL does: the database itself keeps the audit trail append-only.
class PostgresAudit : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = TestDatabase::unavailable()) GTEST_SKIP() << *why;
    t = postgres_clinic().make();
    ASSERT_NE(t.clinic, nullptr);
    for (int day = 1; day <= 3; ++day) {
      AuditEntry e;
      e.at = at(day, 10);
      e.actor = 1;
      e.action = "read_progress";
      ASSERT_TRUE(t.clinic->append_audit(e).ok());
    }
  }
  // Runs `sql` on a connection of its own; the error message, or "" when it succeeded.
  std::string refusal(const std::string& sql) const {
    try {
      t.db->query(sql);
      return "";
    } catch (const std::exception& e) {
      return e.what();
    }
  }
  ClinicUnderTest t;
};

TEST_F(PostgresAudit, DirectUpdateDeleteAndTruncateAreRefused) {
  for (const char* sql : {"UPDATE audit SET outcome = 'refused'", "DELETE FROM audit",
                          "DELETE FROM audit WHERE at < '2025-03-05'", "TRUNCATE audit"}) {
    const std::string why = refusal(sql);
    EXPECT_NE(why.find("the audit trail is append-only"), std::string::npos) << sql << ": " << why;
  }
  EXPECT_EQ(t.db->query("SELECT count(*) FROM audit WHERE outcome = 'allowed'"), "3");
  // Ids come from the database only.
  EXPECT_NE(refusal("INSERT INTO audit (id, at, actor, action, outcome) VALUES (99, 'x', 1, 'a', 'allowed')"), "");
}

TEST_F(PostgresAudit, OnlyThePurgeRemovesRowsAndOnlyOlderThanItsCutOff) {
  EXPECT_EQ(t.db->query("SELECT kneecoach_purge_audit('2025-03-05T00:00:00.000Z')"), "1");
  EXPECT_EQ(t.db->query("SELECT count(*) FROM audit"), "2");
  // The purge's cut-off holds only inside its own transaction: a later DELETE is refused again.
  EXPECT_NE(refusal("DELETE FROM audit"), "");
  // A cut-off set by hand still lets through only rows older than it.
  EXPECT_NE(refusal("BEGIN; SET LOCAL kneecoach.audit_purge_before = '2025-03-06T00:00:00.000Z'; "
                    "DELETE FROM audit; COMMIT"),
            "");
  EXPECT_EQ(t.db->query("SELECT count(*) FROM audit"), "2");
}

TEST_F(PostgresAudit, ConcurrentSignInsUseATotpStepOnce) {
  auto lee = t.clinic->create_account({0, "dr-lee", Role::kClinician, "h", "S", true, 0, {}, {}, at(0, 7)});
  ASSERT_TRUE(lee.ok()) << lee.error().message;
  std::atomic<int> won{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto r = t.clinic->use_totp_step(lee->id, 4242);
      if (r.ok() && *r) ++won;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(won.load(), 1);
}

constexpr const char* kOddSession = R"(B "{x}, y" \ NULL)";
constexpr const char* kBobsClearance =
    R"({"clinician":"Ann Lee","cleared_on":"2026-01-05","limits":{"pain_ceiling":3}})";

// What the caseload reads in one batch: the window from `from`, plus what flags need from before it.
TEST(PostgresCaseloadRecords, TheWindowTheLatestPlanAndWhatFlagsNeedFromBefore) {
  if (auto why = TestDatabase::unavailable()) GTEST_SKIP() << *why;
  ClinicUnderTest t = postgres_clinic().make();
  ClinicStore& c = *t.clinic;
  store::Store& records = *t.store;
  auto lee = c.create_account({0, "dr-lee", Role::kClinician, "h", {}, false, 0, {}, AccountState::kActive, at(0, 7)});
  ASSERT_TRUE(lee.ok());
  std::map<std::string, store::PersonId> person;
  for (const std::string name : {"ann", "bob", "cat"}) {
    person[name] = t.add_person(name);
    auto patient =
        c.create_account({0, name, Role::kPatient, "h", {}, false, 0, person[name], AccountState::kActive, at(0, 7)});
    ASSERT_TRUE(patient.ok());
    if (name != "cat") {  // cat: not Lee's
      ASSERT_TRUE(c.add_to_caseload(lee->id, patient->id, at(0, 8)).ok());
    }
    store::PlanRecord plan = tracking::testing::Script().h.plan;
    plan.id = 0;
    plan.person = person[name];
    plan.created_at = at(0, 7);
    std::optional<store::ClearanceRecord> cleared;  // bob's plan was built under a clearance
    if (name == "bob") cleared = store::ClearanceRecord{0, 0, 0, at(0, 7), day(0), kBobsClearance};
    if (name == "bob") {  // bob's last day has a session named oddly: read back exactly
      plan.sessions.push_back(plan.sessions.front());
      plan.sessions.back().id = kOddSession;
      plan.calendar.back().session = kOddSession;
    }
    ASSERT_TRUE(records.save_setup({{0, person[name], at(0, 7), "{}", "go"}, plan, cleared}).ok());
  }
  const auto ann = person["ann"];
  const auto bob = person["bob"];
  auto session = [&](store::PersonId who, int n) {
    auto plan = *records.active_plan(who);
    store::SessionLog s{0, who, plan->id, day(n), "A", at(n, 18), at(n, 19), store::SessionStatus::kFinished, 3};
    ASSERT_TRUE(records.save_session(s, {}, {}).ok());
  };
  session(ann, 1);
  session(ann, 20);
  session(bob, 2);  // bob's latest, before the window: kept
  session(bob, 1);
  auto rate = [&](store::PersonId who, const char* measure, int n, double value) {
    store::Measurement m;
    m.person = who;
    m.measure = measure;
    m.taken_at = at(n, 9);
    m.date = day(n);
    m.value = value;
    ASSERT_TRUE(records.add_measurement(m).ok());
  };
  rate(ann, store::kPainNow, 20, 7);
  rate(ann, store::kPainWorst24h, 20, 9);  // not a rating the caseload reads
  rate(ann, store::kPainNow, 1, 4);        // before the window
  auto check_in = [&](store::PersonId who, int n, const std::string& level) {
    store::CheckIn ci{0, who, at(n, 8), day(n), 2, {}, level, false};
    ASSERT_TRUE(records.save_check_in(ci, {}, "").ok());
  };
  check_in(ann, 2, "see_clinician");  // before the window, but it refers: kept
  check_in(ann, 3, "go");             // before the window: left out
  check_in(ann, 15, "go");            // in the window, neither referring nor the latest: left out
  check_in(ann, 21, "go");
  check_in(bob, 4, "caution");  // bob's latest: kept

  auto got = c.caseload_records(lee->id, day(14), day(41));
  ASSERT_TRUE(got.ok()) << got.error().message;
  ASSERT_EQ(got->size(), 2U);
  const PatientRecords& a = (*got)[0].person == ann ? (*got)[0] : (*got)[1];
  const PatientRecords& b = (*got)[0].person == ann ? (*got)[1] : (*got)[0];
  EXPECT_EQ(b.person, bob);
  ASSERT_TRUE(a.plan.has_value());
  EXPECT_EQ(a.plan->start, day(0));
  EXPECT_EQ(a.plan->baseline_pain, 4);
  EXPECT_EQ(a.plan->reviews, std::vector<CivilDate>{day(41)});
  ASSERT_FALSE(a.plan->calendar.empty());
  EXPECT_EQ(a.plan->calendar.front().date, day(14));
  EXPECT_EQ(a.plan->calendar.size(), 42U - 14U);
  ASSERT_EQ(a.sessions.size(), 1U);
  EXPECT_EQ(a.sessions[0].date, day(20));
  // Pain now (day 20), the session's pain during (day 20), the check-ins' next morning (days 15, 21).
  ASSERT_EQ(a.pain.size(), 4U);
  std::multiset<std::string> measures;
  for (const auto& m : a.pain) {
    EXPECT_GE(m.date, day(14));
    measures.insert(m.measure);
    EXPECT_TRUE(m.items.empty());  // not read
    if (m.measure == store::kPainNow) {
      EXPECT_EQ(m.value, 7);
      EXPECT_EQ(m.taken_at, at(20, 9));
      EXPECT_FALSE(m.session.has_value());
    }
    if (m.measure == store::kPainDuring) {
      EXPECT_EQ(m.value, 3);
      EXPECT_EQ(m.session, std::optional<store::Id>(a.sessions.at(0).id));  // the session it was rated in
    }
  }
  // Each rating under its own measure, though the statement reads a kind number, not the name.
  EXPECT_EQ(measures,
            (std::multiset<std::string>{std::string(store::kPainNow), std::string(store::kPainDuring),
                                        std::string(store::kPainNextMorning), std::string(store::kPainNextMorning)}));
  // In time order, as the store's other reads give them (the statement does not sort them).
  EXPECT_TRUE(std::is_sorted(a.pain.begin(), a.pain.end(),
                             [](const auto& x, const auto& y) { return x.taken_at < y.taken_at; }));
  EXPECT_EQ(a.pain.front().date, day(15));
  EXPECT_EQ(a.pain.back().date, day(21));
  ASSERT_EQ(a.check_ins.size(), 2U);
  EXPECT_EQ(a.check_ins[0].triage_level, "see_clinician");
  EXPECT_EQ(a.check_ins[1].date, day(21));
  ASSERT_EQ(b.sessions.size(), 1U);
  EXPECT_EQ(b.sessions[0].date, day(2));
  ASSERT_EQ(b.check_ins.size(), 1U);
  EXPECT_EQ(b.pain.size(), 0U);  // bob's ratings are all before the window
  EXPECT_FALSE(a.clearance_json.has_value());
  EXPECT_EQ(b.clearance_json, std::optional<std::string>(kBobsClearance));
  EXPECT_TRUE(b.plan->plan_json.empty());  // the plan's document is not read
  ASSERT_EQ(b.plan->calendar.size(), 42U - 14U);
  EXPECT_EQ(b.plan->calendar.back().session, kOddSession);
  EXPECT_EQ(b.plan->calendar.back().week, 6);
  // A plan's days after the page's today are not read.
  auto until = c.caseload_records(lee->id, day(14), day(20));
  ASSERT_TRUE(until.ok()) << until.error().message;
  for (const PatientRecords& r : *until) {
    ASSERT_TRUE(r.plan.has_value());
    ASSERT_EQ(r.plan->calendar.size(), 7U);
    EXPECT_EQ(r.plan->calendar.front().date, day(14));
    EXPECT_EQ(r.plan->calendar.back().date, day(20));
  }

  // The caseload page: the list, the same records and the latest reviews, from one snapshot.
  const std::string note = "called, \"twice\" \\ {é}";  // travels as JSON text: kept exactly
  ASSERT_TRUE(c.add_flag_review({0, lee->id, ann, FlagKind::kNoSession, at(20, 9), note}).ok());
  auto page = c.caseload_page(lee->id, day(14), day(41));
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->entries.size(), 2U);  // cat is not Lee's
  EXPECT_EQ(page->entries[0].username, "ann");
  ASSERT_EQ(page->records.size(), got->size());
  for (std::size_t i = 0; i < got->size(); ++i) {
    const PatientRecords& want = (*got)[i];
    const PatientRecords& have = page->records[i];
    EXPECT_EQ(have.person, want.person);
    ASSERT_TRUE(have.plan.has_value());
    EXPECT_EQ(have.plan->id, want.plan->id);
    EXPECT_EQ(have.plan->baseline_pain, want.plan->baseline_pain);
    EXPECT_EQ(have.plan->reviews, want.plan->reviews);
    ASSERT_EQ(have.plan->calendar.size(), want.plan->calendar.size());
    EXPECT_EQ(have.plan->calendar.front().date, want.plan->calendar.front().date);
    EXPECT_EQ(have.plan->calendar.back().date, want.plan->calendar.back().date);
    ASSERT_EQ(have.sessions.size(), want.sessions.size());
    for (std::size_t k = 0; k < want.sessions.size(); ++k) {
      EXPECT_EQ(have.sessions[k].id, want.sessions[k].id);
      EXPECT_EQ(have.sessions[k].ended_at, want.sessions[k].ended_at);
      EXPECT_EQ(have.sessions[k].pain_during, want.sessions[k].pain_during);
    }
    ASSERT_EQ(have.pain.size(), want.pain.size());
    for (std::size_t k = 0; k < want.pain.size(); ++k) {
      EXPECT_EQ(have.pain[k].id, want.pain[k].id);
      EXPECT_EQ(have.pain[k].value, want.pain[k].value);
    }
    EXPECT_EQ(have.clearance_json, want.clearance_json);
    ASSERT_EQ(have.check_ins.size(), want.check_ins.size());
    for (std::size_t k = 0; k < want.check_ins.size(); ++k) {
      EXPECT_EQ(have.check_ins[k].id, want.check_ins[k].id);
      EXPECT_EQ(have.check_ins[k].triage_level, want.check_ins[k].triage_level);
      EXPECT_EQ(have.check_ins[k].stopped_program, want.check_ins[k].stopped_program);
    }
  }
  ASSERT_EQ(page->reviews.size(), 1U);
  EXPECT_EQ(page->reviews[0].note, note);
  EXPECT_EQ(page->reviews[0].seen_at, at(20, 9));
}

// Collects the notices a connection receives (auto_explain's plans, below).
class Notices final : public pqxx::errorhandler {
 public:
  explicit Notices(pqxx::connection_base& c) : pqxx::errorhandler(c) {}
  bool operator()(const char message[]) noexcept override {
    text += message;
    return false;
  }
  std::string text;
};

// The caseload reads a patient's rows from indexes alone (the store schema's version 8): as
// PostgreSQL plans its statements with whole-table scans ruled out, the ratings, the sessions of
// the window, the plan's days and the latest check-in come from index-only scans. A column read
// by a statement but missing from its index turns its scan into one that visits a table page per
// row, which is what made a caseload page slow (bench/clinic/README.md).
TEST(PostgresCaseloadRecords, EachPatientsRowsAreReadFromAnIndexAlone) {
  if (auto why = TestDatabase::unavailable()) GTEST_SKIP() << *why;
  ClinicUnderTest t = postgres_clinic().make();
  store::Store& records = *t.store;
  const store::PersonId ann = t.add_person("ann");
  store::PlanRecord plan = tracking::testing::Script().h.plan;
  plan.id = 0;
  plan.person = ann;
  plan.created_at = at(0, 7);
  ASSERT_TRUE(records.save_setup({{0, ann, at(0, 7), "{}", "go"}, plan}).ok());
  const store::Id plan_id = (*records.active_plan(ann))->id;
  ASSERT_TRUE(records
                  .save_session(
                      {0, ann, plan_id, day(3), "A", at(3, 18), at(3, 19), store::SessionStatus::kFinished, 4}, {}, {})
                  .ok());
  ASSERT_TRUE(records.save_check_in({0, ann, at(4, 8), day(4), 3, {}, "go", false}, {}, "").ok());
  store::Measurement rating;
  rating.person = ann;
  rating.measure = store::kPainNow;
  rating.taken_at = at(4, 9);
  rating.date = day(4);
  rating.value = 3;
  ASSERT_TRUE(records.add_measurement(rating).ok());

  pqxx::connection conn(t.db->url());
  {
    pqxx::nontransaction setup(conn);
    setup.exec("VACUUM ANALYZE");  // every page all-visible, as autovacuum leaves a table's older pages
    for (const char* sql :
         {"LOAD 'auto_explain'", "SET auto_explain.log_min_duration = 0", "SET auto_explain.log_level = notice",
          "SET enable_seqscan = off", "SET enable_bitmapscan = off"}) {
      setup.exec(sql);
    }
  }
  Notices notices(conn);
  pqxx::work tx(conn);
  auto got = read_records_of(tx, {ann}, day(0), day(41));
  ASSERT_TRUE(got.ok()) << got.error().message;
  tx.commit();
  ASSERT_EQ(got->size(), 1U);
  EXPECT_EQ((*got)[0].sessions.size(), 1U);
  EXPECT_FALSE((*got)[0].pain.empty());
  for (const char* scan :
       {"Index Only Scan using measurement_by_person_date", "Index Only Scan using session_log_by_person_date",
        "Index Only Scan using plan_day_by_plan", "Index Only Scan Backward using check_in_by_person"}) {
    EXPECT_NE(notices.text.find(scan), std::string::npos) << scan << " is not in the plans:\n" << notices.text;
  }
  // Each kind of rating is one range of the index, bounded by the window's first day: no scan
  // reads a person's ratings of all time and filters them by measure or date.
  std::istringstream plans(notices.text);
  int pain_scans = 0;
  bool in_pain_scan = false;
  for (std::string line; std::getline(plans, line);) {
    if (line.find("Index Only Scan using measurement_by_person_date") != std::string::npos) {
      ++pain_scans;
      in_pain_scan = true;
    } else if (in_pain_scan && line.find("Index Cond:") != std::string::npos) {
      EXPECT_NE(line.find("(measure = "), std::string::npos) << line;
      EXPECT_NE(line.find("(date >= "), std::string::npos) << line;
      in_pain_scan = false;
    }
    if (line.find("Filter:") != std::string::npos) {
      EXPECT_EQ(line.find("measure"), std::string::npos) << line;
    }
  }
  EXPECT_EQ(pain_scans, 3) << notices.text;  // pain now, next morning, during
}

}  // namespace
}  // namespace kc::postgres
