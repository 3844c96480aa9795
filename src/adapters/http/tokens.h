// Random identifiers and secrets from the operating system's CSPRNG (libsodium randombytes_buf):
// person ids, the per-install secret, and the clinic server's session tokens later.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace kc::http {

// `bytes` random bytes as 2 * bytes lower-case hex digits. Throws std::runtime_error only when
// libsodium cannot start (no entropy source).
std::string random_hex(std::size_t bytes);

// A new person id: 128 random bits, 32 hex digits.
std::string new_person_id();

// Whether `id` is a person id the API hands out: 32 hex digits, or the 16 of the ids issued
// before ids came from the CSPRNG. Names chosen in the CLI ("me", --person) are not.
bool is_api_person_id(std::string_view id);

// The install's secret in `dir`/install-secret (256 bits as 64 hex digits), created with mode
// 0600 when missing. An error when the file cannot be created or holds something else.
Result<std::string> load_or_create_install_secret(const std::string& dir);

}  // namespace kc::http
