// crypto/: the clinic's crypto ports on libsodium (argon2id, random tokens, BLAKE2b) and liboath
// (TOTP, RFC 6238).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "usecases/clinic/crypto_ports.h"

namespace kc::crypto {

// argon2id through crypto_pwhash_str with libsodium's "interactive" limits (2 passes over
// 64 MiB; about 0.1 s a check on this project's 2-core machine): a sign-in stays quick, and a
// stolen hash costs an attacker the same per guess. Two sign-ins in flight use 128 MiB.
class SodiumPasswordHasher final : public usecases::clinic::PasswordHasher {
 public:
  SodiumPasswordHasher();  // initialises libsodium (idempotent, thread-safe); makes dummy_hash
  Result<std::string> hash(std::string_view password) const override;
  bool verify(std::string_view password, const std::string& hash) const override;
  const std::string& dummy_hash() const override { return dummy_; }

 private:
  std::string dummy_;
};

// Tokens from randombytes_buf (the kernel's CSPRNG), hashes with crypto_generichash (BLAKE2b,
// 32 bytes, unkeyed: the tokens are 256-bit random, so a plain hash is enough to make a stolen
// table useless).
class SodiumTokenSource final : public usecases::clinic::TokenSource {
 public:
  SodiumTokenSource();  // initialises libsodium
  std::string token() override;
  std::string short_code() override;
  std::string person_name() override;
  std::string totp_secret() override;
  std::string hash(std::string_view token) const override;
};

// TOTP through liboath: HMAC-SHA1, 6 digits, 30 s steps, one step of drift either side.
class OathTotp final : public usecases::clinic::Totp {
 public:
  OathTotp();  // initialises liboath once per process
  std::optional<std::int64_t> match(const std::string& secret, std::string_view code, TimePoint now) const override;
  Result<std::string> code(const std::string& secret, TimePoint now) const override;
};

// RFC 4648 base32 without padding, and back (upper or lower case, padding and spaces ignored);
// nullopt when `text` is not base32.
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);

}  // namespace kc::crypto
