// The crypto adapter against its references: RFC 6238's TOTP test vectors, RFC 4648's base32
// vectors, argon2id hashes that verify only their password, tokens of the promised shape.
#include "adapters/crypto/crypto.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

#include "core/clinic/credentials.h"

namespace kc::crypto {
namespace {

TimePoint unix_time(std::int64_t seconds) { return TimePoint{std::chrono::seconds{seconds}}; }

// RFC 6238 appendix B, SHA-1, secret "12345678901234567890". The RFC gives 8 digits; a 6-digit
// code is the same number mod 10^6, so its last 6 digits.
TEST(ClinicCryptoTotp, MatchesTheRfc6238TestVectors) {
  const std::string secret = base32_encode("12345678901234567890");
  EXPECT_EQ(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  const OathTotp totp;
  const std::pair<std::int64_t, const char*> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
  };
  for (const auto& [t, rfc] : vectors) {
    const std::string six = std::string(rfc).substr(2);
    auto code = totp.code(secret, unix_time(t));
    ASSERT_TRUE(code.ok()) << code.error().message;
    EXPECT_EQ(*code, six) << "T=" << t;
    const auto step = totp.match(secret, six, unix_time(t));
    ASSERT_TRUE(step.has_value()) << "T=" << t;
    EXPECT_EQ(*step, t / 30);
  }
}

TEST(ClinicCryptoTotp, AcceptsOneStepOfDriftEitherSideAndNoMore) {
  const std::string secret = base32_encode("12345678901234567890");
  const OathTotp totp;
  const TimePoint t = unix_time(1111111111);  // step 37037037
  const std::string now = *totp.code(secret, t);
  EXPECT_EQ(totp.match(secret, now, t + std::chrono::seconds{30}), 37037037);
  EXPECT_EQ(totp.match(secret, now, t - std::chrono::seconds{30}), 37037037);
  EXPECT_FALSE(totp.match(secret, now, t + std::chrono::seconds{90}));
  EXPECT_FALSE(totp.match(secret, now, t - std::chrono::seconds{90}));
}

TEST(ClinicCryptoTotp, RefusesMalformedCodesAndSecrets) {
  const std::string secret = base32_encode("12345678901234567890");
  const OathTotp totp;
  const TimePoint t = unix_time(59);
  for (const char* bad : {"", "28708", "2870822", "28708a", " 87082", "287 82", "94287082"}) {
    EXPECT_FALSE(totp.match(secret, bad, t)) << bad;
  }
  EXPECT_FALSE(totp.match("not base32!", "287082", t));
  EXPECT_FALSE(totp.match("", "287082", t));
  EXPECT_FALSE(totp.code("1!", t).ok());
}

TEST(ClinicCryptoBase32, Rfc4648VectorsRoundTrip) {
  const std::pair<const char*, const char*> vectors[] = {
      {"", ""},
      {"f", "MY"},
      {"fo", "MZXQ"},
      {"foo", "MZXW6"},
      {"foob", "MZXW6YQ"},
      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI"},
  };
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base32_encode(plain), encoded);
    EXPECT_EQ(base32_decode(encoded), std::string(plain));
  }
  EXPECT_EQ(base32_decode("mzxw6ytboi======"), std::string("foobar"));
  EXPECT_FALSE(base32_decode("MZXW1"));
}

TEST(ClinicCryptoPasswords, Argon2idHashesVerifyOnlyTheirPassword) {
  const SodiumPasswordHasher hasher;
  auto h = hasher.hash("correct horse battery");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(hasher.verify("correct horse battery", *h));
  EXPECT_FALSE(hasher.verify("correct horse batterY", *h));
  EXPECT_FALSE(hasher.verify("", *h));
  // Salted: the same password hashes differently each time.
  EXPECT_NE(*hasher.hash("correct horse battery"), *h);
  EXPECT_FALSE(hasher.verify("x", ""));
  EXPECT_FALSE(hasher.verify("x", "$argon2id$garbage"));
  EXPECT_EQ(hasher.dummy_hash().rfind("$argon2id$", 0), 0u);
  EXPECT_FALSE(hasher.verify("", hasher.dummy_hash()));
}

TEST(ClinicCryptoPasswords, AVerifyTakesAboutAsLongForTheDummyHash) {
  const SodiumPasswordHasher hasher;
  const std::string real = *hasher.hash("correct horse battery");
  const auto time = [&](const std::string& hash) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i) (void)hasher.verify("wrong password!", hash);
    return std::chrono::steady_clock::now() - start;
  };
  const auto real_time = time(real);
  const auto dummy_time = time(hasher.dummy_hash());
  // Same algorithm and limits: within a factor of 2 either way even on a loaded machine.
  EXPECT_LT(dummy_time, real_time * 2);
  EXPECT_LT(real_time, dummy_time * 2);
}

TEST(ClinicCryptoTokens, TokensCodesAndNamesHaveTheirShape) {
  SodiumTokenSource tokens;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string t = tokens.token();
    EXPECT_EQ(t.size(), 43u);  // 256 bits in base64url, no padding
    EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(t);
    const std::string code = tokens.short_code();
    EXPECT_TRUE(clinic::normalise_code(code).ok()) << code;
    const std::string name = tokens.person_name();
    EXPECT_EQ(name.size(), 32u);
    EXPECT_EQ(name.find_first_not_of("0123456789abcdef"), std::string::npos);
    const std::string secret = tokens.totp_secret();
    EXPECT_EQ(secret.size(), 32u);  // 160 bits
    EXPECT_EQ(base32_decode(secret)->size(), 20u);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(ClinicCryptoTokens, HashesAreBlake2bHex) {
  const SodiumTokenSource tokens;
  // BLAKE2b-256 of the empty string.
  EXPECT_EQ(tokens.hash(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  EXPECT_EQ(tokens.hash("abc"), tokens.hash("abc"));
  EXPECT_NE(tokens.hash("abc"), tokens.hash("abd"));
  EXPECT_EQ(tokens.hash("abc").size(), 64u);
}

}  // namespace
}  // namespace kc::crypto
