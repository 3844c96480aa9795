#include <sodium.h>

#include <array>
#include <cstdlib>

#include "adapters/crypto/crypto.h"
#include "core/clinic/credentials.h"

namespace kc::crypto {
namespace {

void init_sodium() {
  // sodium_init is thread-safe and idempotent; -1 means no usable randomness source.
  if (sodium_init() < 0) std::abort();
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  std::string hex(n * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

}  // namespace

SodiumPasswordHasher::SodiumPasswordHasher() {
  init_sodium();
  std::array<unsigned char, 32> nobody{};
  randombytes_buf(nobody.data(), nobody.size());
  auto h = hash(to_hex(nobody.data(), nobody.size()));
  if (!h) std::abort();  // out of memory at start-up
  dummy_ = std::move(h).value();
}

Result<std::string> SodiumPasswordHasher::hash(std::string_view password) const {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return make_error("hashing the password failed: not enough memory (argon2id needs 64 MiB)");
  }
  return std::string(out.data());
}

bool SodiumPasswordHasher::verify(std::string_view password, const std::string& hash) const {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

SodiumTokenSource::SodiumTokenSource() { init_sodium(); }

std::string SodiumTokenSource::token() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  const std::size_t len = sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string out(len, '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(len - 1);  // the terminating NUL
  sodium_memzero(bytes.data(), bytes.size());
  return out;
}

std::string SodiumTokenSource::short_code() {
  std::string code;
  for (std::size_t i = 0; i < clinic::kCodeLength; ++i) {
    code += clinic::kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(clinic::kCodeAlphabet.size()))];
  }
  return code;
}

std::string SodiumTokenSource::person_name() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return to_hex(bytes.data(), bytes.size());
}

std::string SodiumTokenSource::totp_secret() {
  std::array<unsigned char, 20> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string raw(bytes.begin(), bytes.end());
  sodium_memzero(bytes.data(), bytes.size());
  return base32_encode(raw);
}

std::string SodiumTokenSource::hash(std::string_view token) const {
  std::array<unsigned char, 32> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return to_hex(out.data(), out.size());
}

}  // namespace kc::crypto
