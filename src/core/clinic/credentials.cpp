#include "core/clinic/credentials.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace kc::clinic {
namespace {

bool username_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@' || c == '+' || c == '-';
}

// UTF-8 code points in `s` (continuation bytes not counted).
std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

}  // namespace

Result<std::string> normalise_username(std::string_view username) {
  while (!username.empty() && username.front() == ' ') username.remove_prefix(1);
  while (!username.empty() && username.back() == ' ') username.remove_suffix(1);
  std::string out;
  out.reserve(username.size());
  for (const char c : username) out += lower(c);
  if (out.size() < 3 || out.size() > 64 || !std::all_of(out.begin(), out.end(), username_char)) {
    return make_error(errc::kInvalid, "username",
                      "a username is 3 to 64 characters: letters, digits and . _ @ + - (an e-mail address fits)");
  }
  return out;
}

Status check_password(std::string_view password, std::string_view username) {
  const std::size_t n = code_points(password);
  if (n < kMinPasswordChars || n > kMaxPasswordChars) {
    return make_error(errc::kInvalid, "password",
                      fmt::format("a password is {} to {} characters long (this one has {}); a few words "
                                  "make a good one",
                                  kMinPasswordChars, kMaxPasswordChars, n));
  }
  if (std::any_of(password.begin(), password.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20U || c == 0x7F; })) {
    return make_error(errc::kInvalid, "password", "a password cannot hold control characters (tabs, new lines)");
  }
  std::string lowered;
  for (const char c : password) lowered += lower(c);
  if (lowered == username) return make_error(errc::kInvalid, "password", "a password cannot be the username");
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); })) {
    return make_error(errc::kInvalid, "password", "a password cannot be one character repeated");
  }
  return Ok{};
}

Result<std::string> normalise_code(std::string_view code) {
  std::string out;
  for (const char c : code) {
    if (c == ' ' || c == '-') continue;
    out += upper(c);
  }
  const bool fits = out.size() == kCodeLength && std::all_of(out.begin(), out.end(), [](char c) {
                      return kCodeAlphabet.find(c) != std::string_view::npos;
                    });
  if (!fits) {
    return make_error(
        errc::kInvalid, "code",
        fmt::format("an invite code is {} letters and digits, as on the invite (e.g. ABCD-2345)", kCodeLength));
  }
  return out;
}

}  // namespace kc::clinic
