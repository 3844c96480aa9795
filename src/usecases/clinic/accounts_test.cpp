// Accounts: the first admin once, clinicians by admins only, disabling, password resets, and
// TOTP enrolment with a code from the app.
#include "usecases/clinic/accounts.h"

#include <gtest/gtest.h>

#include "usecases/clinic/sign_in.h"
#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

namespace uc = usecases::clinic;

TEST_F(ClinicTest, ClinicAccountsTheFirstAdminIsMadeOnce) {
  auto first = uc::create_first_admin(clinic(), {"Admin", kPassword});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->username, "admin");
  EXPECT_EQ(first->role, Role::kAdmin);
  EXPECT_EQ(last_audit().action, event::kAccountCreated);
  EXPECT_EQ(last_audit().actor, kHostOperator);
  EXPECT_EQ(uc::create_first_admin(clinic(), {"admin2", kPassword}).error().code, errc::kConflict);
  EXPECT_TRUE(uc::sign_in(clinic(), {"admin", kPassword, "", "127.0.0.1"}).ok());
}

TEST_F(ClinicTest, ClinicAccountsTheFirstAdminNeedsAGoodPassword) {
  EXPECT_EQ(uc::create_first_admin(clinic(), {"admin", "admin"}).error().field, "password");
  EXPECT_EQ(uc::create_first_admin(clinic(), {"a", kPassword}).error().field, "username");
  EXPECT_TRUE(store_.accounts(std::nullopt)->empty());
}

class ClinicAccounts : public ClinicTest {
 protected:
  void SetUp() override {
    admin = add_staff("admin", Role::kAdmin);
    ana = add_staff("dr.ana", Role::kClinician);
  }
};

TEST_F(ClinicAccounts, AdminsAndTheHostAddCliniciansNobodyElse) {
  auto added = uc::create_clinician(clinic(), as(admin), {"dr.ben", kPassword});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->role, Role::kClinician);
  EXPECT_TRUE(uc::create_clinician(clinic(), uc::host_operator(), {"dr.cy", kPassword}).ok());
  EXPECT_EQ(uc::create_clinician(clinic(), as(admin), {"DR.BEN", kPassword}).error().code, errc::kConflict);
  const Actor patient = add_patient(ana, "pat@example.org");
  for (const Actor& who : {ana, patient}) {
    auto r = uc::create_clinician(clinic(), as(who), {"dr.evil", kPassword});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, errc::kForbidden);
    EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
  }
  EXPECT_FALSE(store_.find_account_by_username("dr.evil")->has_value());
  auto list = uc::list_accounts(clinic(), as(admin), Role::kClinician);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].username, "dr.ana");
  EXPECT_EQ(uc::list_accounts(clinic(), as(ana), std::nullopt).error().code, errc::kForbidden);
}

TEST_F(ClinicAccounts, DisablingEndsSessionsAndSignIns) {
  auto in = uc::sign_in(clinic(), {"dr.ana", kPassword, "", "10.0.0.1"});
  ASSERT_TRUE(in.ok());
  ASSERT_TRUE(uc::disable_account(clinic(), as(admin), "dr.ana").ok());
  EXPECT_EQ(last_audit().action, event::kAccountDisabled);
  EXPECT_FALSE(uc::authenticate(clinic(), in->token).ok());
  EXPECT_EQ(uc::sign_in(clinic(), {"dr.ana", kPassword, "", "10.0.0.1"}).error().code, errc::kUnauthorised);
  EXPECT_EQ(uc::disable_account(clinic(), as(admin), "admin").error().code, errc::kConflict);
  EXPECT_EQ(uc::disable_account(clinic(), as(admin), "nobody").error().code, errc::kNotFound);
  EXPECT_EQ(uc::disable_account(clinic(), as(ana), "admin").error().code, errc::kForbidden);
}

TEST_F(ClinicAccounts, APasswordResetEndsSessionsAndCanTurnTotpOff) {
  auto in = uc::sign_in(clinic(), {"dr.ana", kPassword, "", "10.0.0.1"});
  ASSERT_TRUE(in.ok());
  ASSERT_TRUE(store_.set_totp(ana.account, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", true).ok());
  EXPECT_EQ(uc::reset_password(clinic(), as(admin), "dr.ana", "short", false).error().field, "password");
  ASSERT_TRUE(uc::reset_password(clinic(), as(admin), "dr.ana", "a new long password", true).ok());
  EXPECT_EQ(last_audit().action, event::kPasswordReset);
  EXPECT_FALSE(uc::authenticate(clinic(), in->token).ok());
  EXPECT_FALSE(uc::sign_in(clinic(), {"dr.ana", kPassword, "", "10.0.0.1"}).ok());
  EXPECT_TRUE(uc::sign_in(clinic(), {"dr.ana", "a new long password", "", "10.0.0.1"}).ok());
  EXPECT_EQ(uc::reset_password(clinic(), as(ana), "admin", "a new long password", false).error().code,
            errc::kForbidden);
}

TEST_F(ClinicAccounts, TotpEnrolmentNeedsACodeFromTheApp) {
  auto enrol = uc::begin_totp(clinic(), as(ana));
  ASSERT_TRUE(enrol.ok()) << enrol.error().message;
  EXPECT_EQ(enrol->uri,
            "otpauth://totp/kneecoach:dr.ana?secret=" + enrol->secret +
                "&issuer=kneecoach&algorithm=SHA1&digits=6&period=30");
  // Not on until confirmed: sign-in still needs no code.
  EXPECT_TRUE(uc::sign_in(clinic(), {"dr.ana", kPassword, "", "10.0.0.1"}).ok());
  EXPECT_EQ(uc::confirm_totp(clinic(), as(ana), "000000").error().field, "totp");
  ASSERT_TRUE(uc::confirm_totp(clinic(), as(ana), *totp_->code(enrol->secret, clock_.now())).ok());
  EXPECT_EQ(last_audit().action, event::kTotpEnabled);
  EXPECT_EQ(uc::sign_in(clinic(), {"dr.ana", kPassword, "", "10.0.0.1"}).error().field, "totp");
  // The confirming code cannot sign in again (no replay); the next step's code can.
  clock_.sleep_for(std::chrono::seconds{30});
  EXPECT_TRUE(uc::sign_in(clinic(), {"dr.ana", kPassword, *totp_->code(enrol->secret, clock_.now()), "10.0.0.1"}).ok());
  EXPECT_EQ(uc::begin_totp(clinic(), as(ana)).error().code, errc::kConflict);
  const Actor patient = add_patient(ana, "pat@example.org");
  EXPECT_EQ(uc::begin_totp(clinic(), as(patient)).error().code, errc::kForbidden);
}

TEST_F(ClinicAccounts, AccountViewsCarryNoSecrets) {
  auto list = uc::list_accounts(clinic(), as(admin), std::nullopt);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 2u);
  const uc::AccountView v = (*list)[0];
  EXPECT_EQ(v.username, "admin");  // the struct has no hash or secret field to leak
}

}  // namespace
}  // namespace kc::clinic::testing
