#include <liboath/oath.h>

#include <array>
#include <cstdlib>
#include <mutex>

#include "adapters/crypto/crypto.h"

namespace kc::crypto {
namespace {

constexpr unsigned kStepSeconds = 30;
constexpr unsigned kDigits = 6;
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

time_t unix_seconds(TimePoint now) {
  return static_cast<time_t>(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
}

}  // namespace

std::string base32_encode(std::string_view bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8U) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> static_cast<unsigned>(bits - 5)) & 31U];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << static_cast<unsigned>(5 - bits)) & 31U];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    const auto value = kBase32.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5U) | static_cast<unsigned>(value);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> static_cast<unsigned>(bits - 8)) & 0xFFU);
      bits -= 8;
    }
  }
  return out;
}

OathTotp::OathTotp() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) std::abort();
  });
}

std::optional<std::int64_t> OathTotp::match(const std::string& secret, std::string_view code, TimePoint now) const {
  if (code.size() != kDigits) return std::nullopt;
  for (const char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  const auto key = base32_decode(secret);
  if (!key || key->empty()) return std::nullopt;
  const std::string otp(code);
  uint64_t counter = 0;
  const int found = oath_totp_validate3(key->data(), key->size(), unix_seconds(now), kStepSeconds, 0, 1, nullptr,
                                        &counter, otp.c_str());
  if (found < 0) return std::nullopt;
  return static_cast<std::int64_t>(counter);
}

Result<std::string> OathTotp::code(const std::string& secret, TimePoint now) const {
  const auto key = base32_decode(secret);
  if (!key || key->empty()) return make_error(errc::kInvalid, "secret", "a TOTP secret is base32 (RFC 4648)");
  std::array<char, kDigits + 1> out{};
  if (oath_totp_generate(key->data(), key->size(), unix_seconds(now), kStepSeconds, 0, kDigits, out.data()) !=
      OATH_OK) {
    return make_error("TOTP generation failed");
  }
  return std::string(out.data());
}

}  // namespace kc::crypto
