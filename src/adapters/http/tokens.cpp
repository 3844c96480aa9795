#include "adapters/http/tokens.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace kc::http {
namespace {

constexpr std::size_t kSecretBytes = 32;

bool all_hex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::string random_hex(std::size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start: no random source");
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
  sodium_memzero(raw.data(), raw.size());
  hex.pop_back();
  return hex;
}

std::string new_person_id() { return random_hex(16); }

bool is_api_person_id(std::string_view id) { return (id.size() == 32 || id.size() == 16) && all_hex(id); }

Result<std::string> load_or_create_install_secret(const std::string& dir) {
  const std::string path = (std::filesystem::path(dir) / "install-secret").string();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    const std::string secret = random_hex(kSecretBytes) + "\n";
    const bool written = ::write(fd, secret.data(), secret.size()) == static_cast<ssize_t>(secret.size());
    ::close(fd);
    if (!written) return make_error(fmt::format("cannot write the install secret {}", path));
    return secret.substr(0, secret.size() - 1);
  }
  if (errno != EEXIST)
    return make_error(fmt::format("cannot create the install secret {}: {}", path, std::strerror(errno)));
  std::ifstream in(path);
  std::string secret;
  std::getline(in, secret);
  if (secret.size() != kSecretBytes * 2 || !all_hex(secret)) {
    return make_error(
        fmt::format("{} is not an install secret (64 hex digits); delete it and start again to make a "
                    "new one",
                    path));
  }
  return secret;
}

}  // namespace kc::http
