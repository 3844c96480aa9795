// Signing in and out: same answer for unknown names and wrong passwords, throttling per
// account and per address, TOTP, idle and absolute expiry, revocation, audit rows.
#include "usecases/clinic/sign_in.h"

#include <gtest/gtest.h>

#include "usecases/clinic/housekeeping.h"
#include "usecases/clinic/testing/clinic_fixture.h"
#include "usecases/clinic/two_factor.h"

namespace kc::clinic::testing {
namespace {

using std::chrono::minutes;
using usecases::clinic::authenticate;
using usecases::clinic::sign_in;
using usecases::clinic::sign_out;
using usecases::clinic::SignInRequest;

class ClinicSignIn : public ClinicTest {
 protected:
  void SetUp() override { ana = add_staff("dr.ana", Role::kClinician); }
  Result<usecases::clinic::SignedIn> try_sign_in(const std::string& user, const std::string& password,
                                                 const std::string& address = "10.0.0.1",
                                                 const std::string& code = "") {
    return sign_in(clinic(), SignInRequest{user, password, code, address});
  }
};

TEST_F(ClinicSignIn, AGoodPasswordGivesASessionStoredOnlyAsAHash) {
  auto in = try_sign_in(" Dr.Ana ", kPassword);
  ASSERT_TRUE(in.ok()) << in.error().message;
  EXPECT_EQ(in->actor.account, ana.account);
  EXPECT_EQ(in->actor.role, Role::kClinician);
  const auto sessions = store_.session_rows();
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].token_hash, tokens_.hash(in->token));
  EXPECT_NE(sessions[0].token_hash, in->token);
  EXPECT_EQ(sessions[0].address, "10.0.0.1");
  EXPECT_EQ(last_audit().action, event::kSignIn);
  EXPECT_EQ(last_audit().actor, ana.account);
  auto who = authenticate(clinic(), in->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->account, ana.account);
  EXPECT_EQ(who->username, "dr.ana");
}

TEST_F(ClinicSignIn, UnknownNamesWrongPasswordsAndInactiveAccountsLookAlike) {
  const Actor off = add_staff("dr.off", Role::kClinician);
  ASSERT_TRUE(store_.set_state(off.account, AccountState::kDisabled, clock_.now()).ok());
  std::vector<Error> errors;
  for (const auto& [user, password] : std::vector<std::pair<std::string, std::string>>{
           {"dr.ana", "wrong password!"}, {"nobody", kPassword}, {"dr.off", kPassword}, {"x", kPassword}}) {
    const int verifies = hasher_.verifies;
    auto r = try_sign_in(user, password, "10.0.0." + std::to_string(errors.size()));
    ASSERT_FALSE(r.ok()) << user;
    EXPECT_EQ(hasher_.verifies, verifies + 1) << user << ": one password check, known or not";
    errors.push_back(r.error());
    EXPECT_EQ(last_audit().action, event::kSignInFailed);
    EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
  }
  for (const auto& e : errors) {
    EXPECT_EQ(e.code, errc::kUnauthorised);
    EXPECT_EQ(e.message, errors[0].message);
    EXPECT_EQ(e.field, "");
  }
  EXPECT_TRUE(store_.session_rows().empty());
}

TEST_F(ClinicSignIn, FiveFailuresLockTheAccountEvenForTheRightPasswordUntilTheLockEnds) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(try_sign_in("dr.ana", "wrong password!", "10.0.1." + std::to_string(i)).error().code,
              errc::kUnauthorised);
  }
  const int verifies = hasher_.verifies;
  auto locked = try_sign_in("dr.ana", kPassword, "10.0.2.1");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, errc::kThrottled);
  EXPECT_NE(locked.error().message.find("15 minutes"), std::string::npos) << locked.error().message;
  EXPECT_EQ(hasher_.verifies, verifies) << "a locked account checks no password";
  EXPECT_EQ(last_audit().detail, "dr.ana: throttled");
  clock_.sleep_for(minutes{14});
  EXPECT_EQ(try_sign_in("dr.ana", kPassword).error().code, errc::kThrottled);
  clock_.sleep_for(minutes{1});
  EXPECT_TRUE(try_sign_in("dr.ana", kPassword).ok());
}

TEST_F(ClinicSignIn, OneAddressIsLockedAfterTwentyFailuresAcrossNames) {
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(try_sign_in("guess" + std::to_string(i), "wrong password!", "203.0.113.5").error().code,
              errc::kUnauthorised);
  }
  EXPECT_EQ(try_sign_in("dr.ana", kPassword, "203.0.113.5").error().code, errc::kThrottled);
  EXPECT_TRUE(try_sign_in("dr.ana", kPassword, "203.0.113.6").ok()) << "other addresses are not affected";
}

TEST_F(ClinicSignIn, ASuccessClearsTheAccountsFailures) {
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(try_sign_in("dr.ana", "wrong password!").ok());
  EXPECT_TRUE(try_sign_in("dr.ana", kPassword).ok());
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(try_sign_in("dr.ana", "wrong password!").ok());
  EXPECT_TRUE(try_sign_in("dr.ana", kPassword).ok());
}

TEST_F(ClinicSignIn, TotpIsAskedForOnceOnAndItsCodesServeOnce) {
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  ASSERT_TRUE(
      store_.set_totp(ana.account, *usecases::clinic::seal_totp_secret(clinic(), ana.account, secret), true).ok());
  auto missing = try_sign_in("dr.ana", kPassword);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, errc::kUnauthorised);
  EXPECT_EQ(missing.error().field, "totp");
  auto wrong = try_sign_in("dr.ana", kPassword, "10.0.0.1", "000000");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "totp");
  EXPECT_EQ(last_audit().detail, "dr.ana: wrong TOTP code");
  const std::string code = *totp_->code(secret, clock_.now());
  ASSERT_TRUE(try_sign_in("dr.ana", kPassword, "10.0.0.1", code).ok());
  auto replay = try_sign_in("dr.ana", kPassword, "10.0.0.1", code);
  ASSERT_FALSE(replay.ok());
  EXPECT_NE(replay.error().message.find("used already"), std::string::npos);
  // A wrong password with a good code is still just a wrong password.
  clock_.sleep_for(std::chrono::seconds{30});
  auto bad = try_sign_in("dr.ana", "wrong password!", "10.0.0.1", *totp_->code(secret, clock_.now()));
  EXPECT_EQ(bad.error().field, "");
  // Guessing codes counts towards the lock: 6 digits cannot be walked.
  for (int i = 0; i < 5; ++i) (void)try_sign_in("dr.ana", kPassword, "10.0.0.1", "12345" + std::to_string(i));
  EXPECT_EQ(try_sign_in("dr.ana", kPassword, "10.0.0.1", *totp_->code(secret, clock_.now())).error().code,
            errc::kThrottled);
}

TEST_F(ClinicSignIn, SessionsExpireWhenIdleAndAfterTwelveHours) {
  auto in = try_sign_in("dr.ana", kPassword);
  ASSERT_TRUE(in.ok());
  clock_.sleep_for(minutes{29});
  ASSERT_TRUE(authenticate(clinic(), in->token).ok());  // and this moves last_seen
  clock_.sleep_for(minutes{29});
  ASSERT_TRUE(authenticate(clinic(), in->token).ok());
  clock_.sleep_for(minutes{30});
  auto idle = authenticate(clinic(), in->token);
  ASSERT_FALSE(idle.ok());
  EXPECT_EQ(idle.error().code, errc::kExpired);
  EXPECT_TRUE(store_.session_rows()[0].revoked_at.has_value());
  EXPECT_EQ(authenticate(clinic(), in->token).error().code, errc::kUnauthorised);

  auto busy = try_sign_in("dr.ana", kPassword);
  ASSERT_TRUE(busy.ok());
  for (int i = 0; i < 12 * 4 - 1; ++i) {
    clock_.sleep_for(minutes{15});
    ASSERT_TRUE(authenticate(clinic(), busy->token).ok()) << i;
  }
  clock_.sleep_for(minutes{15});
  EXPECT_EQ(authenticate(clinic(), busy->token).error().code, errc::kExpired);
}

TEST_F(ClinicSignIn, ARequestIsRecordedAtMostOncePerMinuteAndIdleExpiryCountsFromTheRecordedOne) {
  using std::chrono::seconds;
  auto in = try_sign_in("dr.ana", kPassword);
  ASSERT_TRUE(in.ok());
  const TimePoint signed_in = clock_.now();
  clock_.sleep_for(seconds{30});
  ASSERT_TRUE(authenticate(clinic(), in->token).ok());
  EXPECT_EQ(store_.session_rows()[0].last_seen_at, signed_in);  // under kSeenEvery: nothing written
  clock_.sleep_for(seconds{30});
  ASSERT_TRUE(authenticate(clinic(), in->token).ok());
  EXPECT_EQ(store_.session_rows()[0].last_seen_at, signed_in);  // exactly a minute: not yet
  clock_.sleep_for(seconds{1});
  ASSERT_TRUE(authenticate(clinic(), in->token).ok());
  EXPECT_EQ(store_.session_rows()[0].last_seen_at, clock_.now());  // over a minute: recorded
  const TimePoint recorded = clock_.now();
  clock_.sleep_for(seconds{59});
  ASSERT_TRUE(authenticate(clinic(), in->token).ok());  // not recorded
  EXPECT_EQ(store_.session_rows()[0].last_seen_at, recorded);
  // Idle expiry counts from the recorded request, so it comes at most kSeenEvery early, never
  // late: 30 minutes 29 seconds after `recorded` the session has ended, although the last
  // request was only 29 minutes 30 seconds ago.
  clock_.sleep_for(minutes{29} + seconds{30});
  EXPECT_EQ(authenticate(clinic(), in->token).error().code, errc::kExpired);
}

TEST_F(ClinicSignIn, SignOutRevokesAndIsAudited) {
  auto in = try_sign_in("dr.ana", kPassword, "10.0.0.4");
  ASSERT_TRUE(in.ok());
  ASSERT_TRUE(sign_out(clinic(), in->token, "10.0.0.4").ok());
  EXPECT_EQ(last_audit().action, event::kSignOut);
  EXPECT_EQ(last_audit().actor, ana.account);
  auto after = authenticate(clinic(), in->token);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, errc::kUnauthorised);
  EXPECT_TRUE(sign_out(clinic(), in->token, "10.0.0.4").ok());
  EXPECT_TRUE(sign_out(clinic(), "no such token", "10.0.0.4").ok());
  EXPECT_EQ(authenticate(clinic(), "").error().code, errc::kUnauthorised);
  EXPECT_EQ(authenticate(clinic(), "forged").error().code, errc::kUnauthorised);
}

TEST_F(ClinicSignIn, DisablingOrResettingEndsEverySession) {
  auto a = try_sign_in("dr.ana", kPassword);
  auto b = try_sign_in("dr.ana", kPassword);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(store_.set_password(ana.account, *hasher_.hash("another good one"), clock_.now()).ok());
  EXPECT_FALSE(authenticate(clinic(), a->token).ok());
  EXPECT_FALSE(authenticate(clinic(), b->token).ok());
  auto c = try_sign_in("dr.ana", "another good one");
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(store_.set_state(ana.account, AccountState::kDisabled, clock_.now()).ok());
  EXPECT_EQ(authenticate(clinic(), c->token).error().code, errc::kUnauthorised);
}

TEST_F(ClinicSignIn, HousekeepingDropsOnlyWhatCanNoLongerMatter) {
  auto old = try_sign_in("dr.ana", kPassword);
  ASSERT_TRUE(old.ok());
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(try_sign_in("dr.ana", "wrong password!", "10.9.9.9").ok());
  clock_.sleep_for(minutes{12 * 60 + 1});
  auto fresh = try_sign_in("dr.ana", kPassword, "10.0.0.2");
  ASSERT_TRUE(fresh.ok());
  auto done = usecases::clinic::housekeeping(clinic());
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->sessions, 1);
  EXPECT_EQ(done->throttle_keys, 1);  // 10.9.9.9's; dr.ana's key was just used
  ASSERT_EQ(store_.session_rows().size(), 1u);
  EXPECT_TRUE(authenticate(clinic(), fresh->token).ok());
}

}  // namespace
}  // namespace kc::clinic::testing
