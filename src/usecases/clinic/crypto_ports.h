// clinic/: the clinic server's use cases: signing in, sessions, invites, caseloads, the one
// authorize-and-audit function, the audit log, data rights; over ClinicStore, store::Store and
// the crypto ports below (src/adapters/crypto implements them with libsodium and liboath).
//
// The crypto ports. Implementations are thread-safe (one object serves every request thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/clock.h"
#include "core/common/result.h"

namespace kc::usecases::clinic {

// Password hashing (argon2id).
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  // A self-describing hash of `password` (algorithm, limits and a random salt inside).
  // errc::kFailed when the machine lacks the memory it needs.
  virtual Result<std::string> hash(std::string_view password) const = 0;
  // Whether `password` matches `hash`; false for a malformed hash. Takes as long as hashing.
  virtual bool verify(std::string_view password, const std::string& hash) const = 0;
  // A valid hash of a password nobody knows, for checking a password against when the username
  // is unknown, so that takes as long as a wrong password does.
  virtual const std::string& dummy_hash() const = 0;
};

// Random tokens and their stored hashes.
class TokenSource {
 public:
  virtual ~TokenSource() = default;
  // A new random 256-bit token, base64url without padding (43 characters): login sessions,
  // invite links.
  virtual std::string token() = 0;
  // A new invite short code: clinic::kCodeLength characters of clinic::kCodeAlphabet.
  virtual std::string short_code() = 0;
  // A new API person id (the {id} of /api/v1/people/{id}): 32 lower-case hex characters.
  virtual std::string person_name() = 0;
  // A new TOTP secret: 20 random bytes (160 bits, RFC 4226), base32 without padding.
  virtual std::string totp_secret() = 0;
  // The hash a token or code is stored under: BLAKE2b-256 as 64 lower-case hex characters.
  virtual std::string hash(std::string_view token) const = 0;
};

// Time-based one-time passwords, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps from the epoch.
class Totp {
 public:
  virtual ~Totp() = default;
  // The 30-second step whose code `code` is, for `secret` (base32) at `now`, allowing one step
  // either side for clock drift; nullopt when it matches none (or is not 6 digits, or the
  // secret is not base32). The caller refuses a step used before (no replay).
  virtual std::optional<std::int64_t> match(const std::string& secret, std::string_view code, TimePoint now) const = 0;
  // The code of `secret` at `now` (tests, and what an authenticator app would show).
  virtual Result<std::string> code(const std::string& secret, TimePoint now) const = 0;
};

// Secrets kept at rest (TOTP secrets) sealed under the server's key, which is never in the
// database (docs/deploy.md, "The key file"): a stolen database or pg_dump reveals none of them.
class SecretBox {
 public:
  virtual ~SecretBox() = default;
  // `plain` sealed with a fresh random nonce and bound to `context` (what it belongs to, e.g.
  // "totp:42"), as text to store, beginning with kSealedPrefix. errc::kFailed when the box has
  // no key.
  virtual Result<std::string> seal(std::string_view plain, std::string_view context) const = 0;
  // The plain text of `sealed`. Fails closed, errc::kFailed, when the box has no key, the text is
  // not sealed, was changed, or was sealed under another key or `context`.
  virtual Result<std::string> open(std::string_view sealed, std::string_view context) const = 0;
};

// How every sealed value begins (the format's version); a stored value without it is from
// before secrets were sealed.
inline constexpr std::string_view kSealedPrefix = "kc1:";

}  // namespace kc::usecases::clinic
