// Invites: a clinician adds a patient; the link or the username and code work once, for 7
// days; guessing codes is throttled; only clinicians invite.
#include "usecases/clinic/invites.h"

#include <gtest/gtest.h>

#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

using usecases::clinic::accept_invite;
using usecases::clinic::AcceptInvite;
using usecases::clinic::invite_patient;
using usecases::clinic::reissue_invite;

class ClinicInvites : public ClinicTest {
 protected:
  void SetUp() override { ana = add_staff("dr.ana", Role::kClinician); }
};

TEST_F(ClinicInvites, AnInviteMakesAPendingPatientOnTheCaseloadWithTheirOwnPerson) {
  auto invite = invite_patient(clinic(), as(ana), "Pat@Example.org");
  ASSERT_TRUE(invite.ok()) << invite.error().message;
  EXPECT_EQ(invite->patient.username, "pat@example.org");
  EXPECT_EQ(invite->patient.state, AccountState::kPending);
  EXPECT_EQ(invite->link_token.rfind("token-", 0), 0u);
  EXPECT_EQ(invite->code.size(), 9u);  // ABCD-2345
  EXPECT_EQ(invite->code[4], '-');
  EXPECT_EQ(invite->expires_at, kStart + std::chrono::hours{7 * 24});
  ASSERT_TRUE(records_->find_person(invite->person.name)->has_value());
  EXPECT_EQ(invite->person.name.size(), 32u);
  auto account = store_.find_account_by_username("pat@example.org");
  ASSERT_TRUE(account.ok() && account->has_value());
  EXPECT_EQ((*account)->person, invite->person.id);
  EXPECT_TRUE(*store_.on_caseload(ana.account, invite->person.id));
  // Only hashes are kept.
  EXPECT_FALSE(store_.find_invite_by_link(invite->link_token)->has_value());
  EXPECT_TRUE(store_.find_invite_by_link(tokens_.hash(invite->link_token))->has_value());
  // A pending patient cannot sign in.
  auto in = usecases::clinic::sign_in(clinic(), {"pat@example.org", kPassword, "", "10.0.0.1"});
  EXPECT_EQ(in.error().code, errc::kUnauthorised);
}

TEST_F(ClinicInvites, TheLinkWorksOnceAndSignsThePatientIn) {
  auto invite = invite_patient(clinic(), as(ana), "pat@example.org");
  ASSERT_TRUE(invite.ok());
  auto weak = accept_invite(clinic(), {invite->link_token, "", "", "short", "10.0.0.7"});
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "password");
  auto in = accept_invite(clinic(), {invite->link_token, "", "", kPassword, "10.0.0.7"});
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->actor.role, Role::kPatient);
  EXPECT_EQ(in->actor.person, invite->person.id);
  EXPECT_TRUE(usecases::clinic::authenticate(clinic(), in->token).ok());
  const auto rows = store_.audit_rows();
  EXPECT_EQ(rows[rows.size() - 2].action, event::kAcceptInvite);
  EXPECT_EQ(rows.back().action, event::kSignIn);
  auto again = accept_invite(clinic(), {invite->link_token, "", "", "another password", "10.0.0.7"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kConflict);
  // The first password stands.
  EXPECT_TRUE(usecases::clinic::sign_in(clinic(), {"pat@example.org", kPassword, "", "10.0.0.1"}).ok());
}

TEST_F(ClinicInvites, TheUsernameAndShortCodeWorkTooTypedLoosely) {
  auto invite = invite_patient(clinic(), as(ana), "pat@example.org");
  ASSERT_TRUE(invite.ok());
  std::string typed = invite->code;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto in = accept_invite(clinic(), {"", "PAT@example.org", " " + typed + " ", kPassword, "10.0.0.7"});
  ASSERT_TRUE(in.ok()) << in.error().message;
}

TEST_F(ClinicInvites, InvitesExpireAfterSevenDaysAndCanBeReissued) {
  auto invite = invite_patient(clinic(), as(ana), "pat@example.org");
  ASSERT_TRUE(invite.ok());
  store_.name_person(invite->person.id, invite->person.name);
  clock_.sleep_for(std::chrono::hours{7 * 24});
  auto late = accept_invite(clinic(), {invite->link_token, "", "", kPassword, "10.0.0.7"});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, errc::kExpired);
  auto fresh = reissue_invite(clinic(), as(ana), "pat@example.org");
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_EQ(fresh->person.id, invite->person.id);
  EXPECT_NE(fresh->link_token, invite->link_token);
  ASSERT_TRUE(accept_invite(clinic(), {fresh->link_token, "", "", kPassword, "10.0.0.7"}).ok());
  // Accepted: no more invites for them.
  EXPECT_EQ(reissue_invite(clinic(), as(ana), "pat@example.org").error().code, errc::kConflict);
}

TEST_F(ClinicInvites, OnlyTheirOwnClinicianReissues) {
  ben = add_staff("dr.ben", Role::kClinician);
  ASSERT_TRUE(invite_patient(clinic(), as(ana), "pat@example.org").ok());
  EXPECT_EQ(reissue_invite(clinic(), as(ben), "pat@example.org").error().code, errc::kForbidden);
  EXPECT_EQ(reissue_invite(clinic(), as(ben), "nobody@example.org").error().code, errc::kForbidden);
}

TEST_F(ClinicInvites, WrongCodesAndLinksAreThrottled) {
  auto invite = invite_patient(clinic(), as(ana), "pat@example.org");
  ASSERT_TRUE(invite.ok());
  for (int i = 0; i < 5; ++i) {
    auto r = accept_invite(clinic(), {"", "pat@example.org", "ZZZZ-ZZZ" + std::to_string(2 + i), kPassword,
                                      "10.0.3." + std::to_string(i)});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, errc::kNotFound) << r.error().message;
  }
  // The right code is refused now: the account's key is locked.
  auto locked = accept_invite(clinic(), {"", "pat@example.org", invite->code, kPassword, "10.0.4.1"});
  EXPECT_EQ(locked.error().code, errc::kThrottled);
  for (int i = 0; i < 20; ++i) (void)accept_invite(clinic(), {"forged-link", "", "", kPassword, "198.51.100.1"});
  EXPECT_EQ(accept_invite(clinic(), {invite->link_token, "", "", kPassword, "198.51.100.1"}).error().code,
            errc::kThrottled);
  // The link from elsewhere still works (256 random bits, not guessable like a code), and signs
  // the patient in although their account's key is locked by the guessed codes.
  auto in = accept_invite(clinic(), {invite->link_token, "", "", kPassword, "198.51.100.2"});
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_TRUE(usecases::clinic::authenticate(clinic(), in->token).ok());
}

TEST_F(ClinicInvites, OnlyCliniciansInviteAndATakenNameLeavesNothingBehind) {
  const Actor boss = add_staff("admin", Role::kAdmin);
  const std::size_t people = records_->people()->size();
  auto by_admin = invite_patient(clinic(), as(boss), "pat@example.org");
  ASSERT_FALSE(by_admin.ok());
  EXPECT_EQ(by_admin.error().code, errc::kForbidden);
  EXPECT_EQ(last_audit().action, action_name(Action::kInvitePatient));
  EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
  auto taken = invite_patient(clinic(), as(ana), "admin");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, errc::kConflict);
  auto bad = invite_patient(clinic(), as(ana), "no spaces please");
  EXPECT_EQ(bad.error().field, "username");
  EXPECT_EQ(records_->people()->size(), people);
}

TEST_F(ClinicInvites, AFailedInviteWriteRemovesThePersonItMade) {
  const std::size_t people = records_->people()->size();
  // Fail create_invited_patient: the third store call of invite_patient (audit, lookup, create).
  store_.fail_after(2);
  auto failed = invite_patient(clinic(), as(ana), "first@example.org");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, errc::kFailed);
  EXPECT_EQ(records_->people()->size(), people);
  EXPECT_FALSE(store_.find_account_by_username("first@example.org")->has_value());
  ASSERT_TRUE(invite_patient(clinic(), as(ana), "first@example.org").ok());
  EXPECT_EQ(records_->people()->size(), people + 1);
}

}  // namespace
}  // namespace kc::clinic::testing
