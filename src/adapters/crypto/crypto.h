// crypto/: the clinic's crypto ports on libsodium (argon2id, random tokens, BLAKE2b) and liboath
// (TOTP, RFC 6238).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "usecases/clinic/crypto_ports.h"

namespace kc::crypto {

// argon2id through crypto_pwhash_str with libsodium's "interactive" limits (2 passes over
// 64 MiB): a sign-in stays quick, and a stolen hash costs an attacker as much per guess.
// Measured on this project's shared 2-core machine at load average 19: 0.86 s a hash or a
// check (memory-bound, so much less on an idle machine). Each check in flight uses 64 MiB.
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

// SecretBox on XChaCha20-Poly1305 (libsodium's crypto_aead_xchacha20poly1305_ietf): a random
// 192-bit nonce per seal, `context` as associated data; stored as kSealedPrefix + base64url of
// nonce || ciphertext || tag. Without a key (the admin commands that never touch secrets),
// seal and open fail with a message naming --key-file.
class SodiumSecretBox final : public usecases::clinic::SecretBox {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  using Key = std::array<unsigned char, kKeyBytes>;
  SodiumSecretBox();  // no key
  explicit SodiumSecretBox(const Key& key);
  ~SodiumSecretBox() override;  // wipes the key
  SodiumSecretBox(const SodiumSecretBox&) = delete;
  SodiumSecretBox& operator=(const SodiumSecretBox&) = delete;
  SodiumSecretBox(SodiumSecretBox&&) = delete;
  SodiumSecretBox& operator=(SodiumSecretBox&&) = delete;
  Result<std::string> seal(std::string_view plain, std::string_view context) const override;
  Result<std::string> open(std::string_view sealed, std::string_view context) const override;

 private:
  Key key_{};
  bool has_key_ = false;
};

// The server's key file: exactly SodiumSecretBox::kKeyBytes random bytes, mode 0600, outside the
// database (docs/deploy.md, "The key file").
//
// Creates `path` with a new random key (never replacing a file: O_EXCL), mode 0600. Errors:
// errc::kConflict (it exists), errc::kFailed (it cannot be written: the message says why).
Status create_key_file(const std::string& path);
// The box of the key at `path`. Errors, errc::kInvalid with field "key-file" and a message
// naming the path, what is wrong and how to fix it: missing, unreadable, not a regular file,
// not kKeyBytes long, or readable or writable by group or others.
Result<std::unique_ptr<SodiumSecretBox>> load_key_file(const std::string& path);

// RFC 4648 base32 without padding, and back (upper or lower case, padding and spaces ignored);
// nullopt when `text` is not base32.
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);

}  // namespace kc::crypto
