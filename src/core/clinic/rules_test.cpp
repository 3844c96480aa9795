// Session and invite expiry, sign-in throttling, usernames, passwords and invite codes.
#include <gtest/gtest.h>

#include <chrono>

#include "core/clinic/credentials.h"
#include "core/clinic/session_rules.h"
#include "core/clinic/throttle.h"

namespace kc::clinic {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const TimePoint kT0 = TimePoint{} + std::chrono::hours{24 * 20000};

LoginSession session_at(TimePoint created, TimePoint last_seen) {
  return LoginSession{"h", 1, created, last_seen, std::nullopt, "127.0.0.1"};
}

TEST(ClinicSessionRules, IdleAndAbsoluteExpiry) {
  const SessionLimits limits;  // 30 min idle, 12 h absolute
  EXPECT_EQ(check_session(session_at(kT0, kT0), kT0 + minutes{29}, limits), SessionVerdict::kValid);
  EXPECT_EQ(check_session(session_at(kT0, kT0), kT0 + minutes{30}, limits), SessionVerdict::kIdleExpired);
  // Kept busy, it still ends 12 hours after sign-in.
  const TimePoint late = kT0 + minutes{12 * 60};
  EXPECT_EQ(check_session(session_at(kT0, late - minutes{1}), late - seconds{1}, limits), SessionVerdict::kValid);
  EXPECT_EQ(check_session(session_at(kT0, late - minutes{1}), late, limits), SessionVerdict::kAbsoluteExpired);
  LoginSession revoked = session_at(kT0, kT0);
  revoked.revoked_at = kT0;
  EXPECT_EQ(check_session(revoked, kT0, limits), SessionVerdict::kRevoked);
  EXPECT_EQ(check_session(session_at(kT0, kT0), kT0 + minutes{5}, {minutes{5}, minutes{60}}),
            SessionVerdict::kIdleExpired);
}

TEST(ClinicSessionRules, InvitesLastSevenDaysAndServeOnce) {
  Invite invite;
  invite.created_at = kT0;
  invite.expires_at = kT0 + kInviteLifetime;
  EXPECT_EQ(check_invite(invite, kT0 + std::chrono::hours{7 * 24 - 1}), InviteVerdict::kValid);
  EXPECT_EQ(check_invite(invite, kT0 + std::chrono::hours{7 * 24}), InviteVerdict::kExpired);
  invite.used_at = kT0 + minutes{1};
  EXPECT_EQ(check_invite(invite, kT0 + minutes{2}), InviteVerdict::kUsed);
}

TEST(ClinicThrottle, FiveFailuresInTheWindowLockTheAccountForFifteenMinutes) {
  ThrottleState s{account_key("ann"), {}, 0, std::nullopt};
  for (int i = 0; i < 4; ++i) s = record_failure(s, kT0 + minutes{i}, kAccountThrottle);
  EXPECT_FALSE(is_locked(s, kT0 + minutes{4}));
  s = record_failure(s, kT0 + minutes{4}, kAccountThrottle);
  EXPECT_TRUE(is_locked(s, kT0 + minutes{4}));
  EXPECT_TRUE(is_locked(s, kT0 + minutes{18}));
  EXPECT_FALSE(is_locked(s, kT0 + minutes{19}));
  EXPECT_EQ(s.key, "account:ann");
}

TEST(ClinicThrottle, FailuresSpreadBeyondTheWindowNeverLock) {
  ThrottleState s{address_key("10.0.0.1"), {}, 0, std::nullopt};
  for (int i = 0; i < 40; ++i) {
    s = record_failure(s, kT0 + minutes{16 * i}, kAccountThrottle);
    EXPECT_FALSE(is_locked(s, kT0 + minutes{16 * i})) << i;
  }
}

TEST(ClinicThrottle, ASuccessClearsTheCountButNotALockInForce) {
  ThrottleState s{account_key("ann"), {}, 0, std::nullopt};
  for (int i = 0; i < 4; ++i) s = record_failure(s, kT0, kAccountThrottle);
  s = record_success(s, kT0 + minutes{1});
  EXPECT_EQ(s.failures, 0);
  s = record_failure(s, kT0 + minutes{2}, kAccountThrottle);
  EXPECT_FALSE(is_locked(s, kT0 + minutes{2}));
  for (int i = 0; i < 4; ++i) s = record_failure(s, kT0 + minutes{3}, kAccountThrottle);
  ASSERT_TRUE(is_locked(s, kT0 + minutes{3}));
  EXPECT_TRUE(is_locked(record_success(s, kT0 + minutes{4}), kT0 + minutes{4}));
  EXPECT_FALSE(record_success(s, kT0 + minutes{30}).locked_until.has_value());
}

TEST(ClinicThrottle, AddressesAllowMoreFailuresThanAccounts) {
  ThrottleState s{address_key("10.0.0.1"), {}, 0, std::nullopt};
  for (int i = 0; i < 19; ++i) s = record_failure(s, kT0, kAddressThrottle);
  EXPECT_FALSE(is_locked(s, kT0));
  s = record_failure(s, kT0, kAddressThrottle);
  EXPECT_TRUE(is_locked(s, kT0));
}

TEST(ClinicCredentials, UsernamesAreTrimmedLowerCasedAndChecked) {
  EXPECT_EQ(*normalise_username("  Ann.Smith@Example.org "), "ann.smith@example.org");
  for (const char* bad : {"", "ab", "ann smith", "ann;drop", "ännie", "a/b/c"}) {
    auto r = normalise_username(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, errc::kInvalid);
    EXPECT_EQ(r.error().field, "username");
  }
  EXPECT_FALSE(normalise_username(std::string(65, 'a')).ok());
  EXPECT_TRUE(normalise_username(std::string(64, 'a')).ok());
}

TEST(ClinicCredentials, PasswordRules) {
  EXPECT_TRUE(check_password("correct horse battery", "ann").ok());
  EXPECT_TRUE(check_password("ÄÖÜäöüßéèà", "ann").ok());  // 10 code points, 20 bytes
  EXPECT_FALSE(check_password("ÄÖÜäöüßéè", "ann").ok());  // 9 code points
  for (const std::string& bad : {std::string("short"), std::string(129, 'x') + "y", std::string("aaaaaaaaaaaa"),
                                 std::string("tab\there is bad"), std::string("Ann.Smith@x.org")}) {
    auto r = check_password(bad, "ann.smith@x.org");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().code, errc::kInvalid);
    EXPECT_EQ(r.error().field, "password");
  }
  EXPECT_NE(check_password("short", "ann").error().message.find("10 to 128"), std::string::npos);
}

TEST(ClinicCredentials, InviteCodesAreNormalisedAndChecked) {
  EXPECT_EQ(*normalise_code("abcd-2345"), "ABCD2345");
  EXPECT_EQ(*normalise_code(" ab cd 23 45 "), "ABCD2345");
  for (const char* bad : {"ABCD234", "ABCD23456", "ABCD0345", "ABCDI345", "ABCD234!", ""}) {
    auto r = normalise_code(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "code");
  }
  for (const char c : kCodeAlphabet) EXPECT_EQ(std::string("01OIL").find(c), std::string::npos);
}

}  // namespace
}  // namespace kc::clinic
