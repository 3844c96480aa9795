// What a username, a password and an invite's short code must look like. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace kc::clinic {

// Passwords: 10 to 128 characters (UTF-8 code points; long passphrases welcome, NIST SP
// 800-63B), no control characters, not the username, not one character repeated.
inline constexpr std::size_t kMinPasswordChars = 10;
inline constexpr std::size_t kMaxPasswordChars = 128;

// The username as stored: trimmed and lower-cased; 3 to 64 characters of a-z 0-9 . _ @ + -
// (an e-mail address fits). errc::kInvalid (field "username") otherwise, saying what to type.
Result<std::string> normalise_username(std::string_view username);

// Ok when `password` may be used by `username` (normalised). errc::kInvalid (field
// "password") otherwise, with what is wrong and what is expected.
Status check_password(std::string_view password, std::string_view username);

// Invite short codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U).
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr std::size_t kCodeLength = 8;

// A typed short code as stored: spaces and dashes dropped, upper-cased; errc::kInvalid (field
// "code") when it is not kCodeLength characters of kCodeAlphabet.
Result<std::string> normalise_code(std::string_view code);

}  // namespace kc::clinic
