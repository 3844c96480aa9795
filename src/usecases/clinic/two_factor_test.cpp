// TOTP secrets at rest: stored sealed, never in clear; a clear one from before is sealed once;
// a secret the server's key cannot open fails closed; turning TOTP off takes a code or the
// password, and guesses are throttled.
#include "usecases/clinic/two_factor.h"

#include <gtest/gtest.h>

#include "usecases/clinic/accounts.h"
#include "usecases/clinic/sign_in.h"
#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

namespace uc = usecases::clinic;

class ClinicTwoFactor : public ClinicTest {
 protected:
  void SetUp() override { ana = add_staff("dr.ana", Role::kClinician); }
  std::string stored_secret() { return store_.find_account(ana.account).value()->totp_secret.value_or(""); }
  // Ana turns TOTP on; returns her secret (base32).
  std::string enrol() {
    auto enrolment = uc::begin_totp(clinic(), as(ana));
    EXPECT_TRUE(enrolment.ok());
    EXPECT_TRUE(uc::confirm_totp(clinic(), as(ana), code(enrolment->secret)).ok());
    clock_.sleep_for(std::chrono::seconds{30});  // the confirming code's step is used
    return enrolment->secret;
  }
  std::string code(const std::string& secret) const { return *totp_->code(secret, clock_.now()); }
  Result<uc::SignedIn> sign_in_with(const std::string& code) {
    return uc::sign_in(clinic(), {"dr.ana", kPassword, code, "10.0.0.1"});
  }
};

TEST_F(ClinicTwoFactor, TheStoredSecretIsSealedNeverInClear) {
  auto enrolment = uc::begin_totp(clinic(), as(ana));
  ASSERT_TRUE(enrolment.ok());
  EXPECT_EQ(last_audit().action, event::kTotpStarted);
  const std::string stored = stored_secret();
  EXPECT_TRUE(stored.starts_with(uc::kSealedPrefix)) << stored;
  EXPECT_EQ(stored.find(enrolment->secret), std::string::npos);
  ASSERT_TRUE(uc::confirm_totp(clinic(), as(ana), code(enrolment->secret)).ok());
  EXPECT_EQ(stored_secret(), stored);  // confirming keeps the sealed value
  clock_.sleep_for(std::chrono::seconds{30});
  EXPECT_TRUE(sign_in_with(code(enrolment->secret)).ok());
}

TEST_F(ClinicTwoFactor, AClearSecretFromBeforeIsSealedOnceAndStillSignsIn) {
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  ASSERT_TRUE(store_.set_totp(ana.account, secret, true).ok());
  EXPECT_EQ(sign_in_with(code(secret)).error().field, "totp");  // never read in clear: fails closed
  clock_.sleep_for(std::chrono::seconds{30});
  EXPECT_EQ(*uc::seal_plain_totp_secrets(clinic()), 1);
  EXPECT_EQ(last_audit().action, event::kTotpSealed);
  EXPECT_TRUE(stored_secret().starts_with(uc::kSealedPrefix));
  EXPECT_EQ(*uc::seal_plain_totp_secrets(clinic()), 0);
  EXPECT_TRUE(sign_in_with(code(secret)).ok());
}

TEST_F(ClinicTwoFactor, ASecretUnderAnotherKeyFailsClosedAndIsNoGuess) {
  const std::string secret = enrol();
  const auto other_box = real_secret_box();
  uc::Clinic& c = clinic();  // the same clinic, started with another key file
  uc::Clinic wrong_key{c.store, c.records, c.clock, c.hasher, c.tokens, c.totp, *other_box, c.config};
  for (int i = 0; i < 8; ++i) {
    auto refused = uc::sign_in(wrong_key, {"dr.ana", kPassword, code(secret), "10.0.0.1"});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "totp");
    EXPECT_NE(refused.error().message.find("ask an admin"), std::string::npos);
  }
  // Not counted as guesses: the right key still signs in at once.
  EXPECT_TRUE(sign_in_with(code(secret)).ok());
}

TEST_F(ClinicTwoFactor, TurningItOffTakesACurrentCodeOrThePassword) {
  const std::string secret = enrol();
  EXPECT_EQ(uc::disable_totp(clinic(), as(ana), {}).error().field, "password");
  EXPECT_EQ(uc::disable_totp(clinic(), as(ana), {"", "not my password"}).error().field, "password");
  EXPECT_EQ(uc::disable_totp(clinic(), as(ana), {"000000", ""}).error().field, "totp");
  EXPECT_EQ(last_audit().action, event::kTotpDisabled);
  EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
  ASSERT_TRUE(uc::disable_totp(clinic(), as(ana), {code(secret), ""}).ok());
  EXPECT_EQ(last_audit().outcome, AuditOutcome::kAllowed);
  EXPECT_FALSE(store_.find_account(ana.account).value()->totp_secret.has_value());
  EXPECT_TRUE(uc::sign_in(clinic(), {"dr.ana", kPassword, "", "10.0.0.1"}).ok());
  EXPECT_EQ(uc::disable_totp(clinic(), as(ana), {"", kPassword}).error().code, errc::kConflict);
  clock_.sleep_for(std::chrono::seconds{30});  // the code that turned it off used its step
  (void)enrol();
  ASSERT_TRUE(uc::disable_totp(clinic(), as(ana), {"", kPassword}).ok());
}

TEST_F(ClinicTwoFactor, GuessingCodesToTurnItOffIsThrottled) {
  const std::string secret = enrol();
  for (int i = 0; i < 5; ++i) (void)uc::disable_totp(clinic(), as(ana), {"12345" + std::to_string(i), ""});
  EXPECT_EQ(uc::disable_totp(clinic(), as(ana), {code(secret), ""}).error().code, errc::kThrottled);
}

}  // namespace
}  // namespace kc::clinic::testing
