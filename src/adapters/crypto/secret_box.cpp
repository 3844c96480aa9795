// SodiumSecretBox and the key file (crypto.h).
#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "adapters/crypto/crypto.h"

namespace kc::crypto {
namespace {

using usecases::clinic::kSealedPrefix;
constexpr auto kBase64 = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(SodiumSecretBox::kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

Error no_key() {
  return make_error(errc::kFailed, "key-file",
                    "no key file was given, so TOTP secrets cannot be sealed or opened: give --key-file FILE (or "
                    "$KNEECOACH_CLINIC_KEY), the file `kneecoach clinic init` made");
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string key_hint(const std::string& path) {
  return fmt::format(
      "restore it from the key's own backup, or make a new one with `kneecoach clinic init --key-file {}` "
      "(accounts' two-factor secrets sealed under a lost key must then be turned on again: docs/deploy.md)",
      path);
}

}  // namespace

SodiumSecretBox::SodiumSecretBox() {
  if (sodium_init() < 0) std::abort();
}

SodiumSecretBox::SodiumSecretBox(const Key& key) : key_(key), has_key_(true) {
  if (sodium_init() < 0) std::abort();
}

SodiumSecretBox::~SodiumSecretBox() { sodium_memzero(key_.data(), key_.size()); }

Result<std::string> SodiumSecretBox::seal(std::string_view plain, std::string_view context) const {
  if (!has_key_) return no_key();
  std::vector<unsigned char> out(kNonce + plain.size() + kTag);
  randombytes_buf(out.data(), kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonce, &written, bytes_of(plain), plain.size(),
                                             bytes_of(context), context.size(), nullptr, out.data(), key_.data());
  const std::size_t len = sodium_base64_ENCODED_LEN(out.size(), kBase64);
  std::string text(len, '\0');
  sodium_bin2base64(text.data(), text.size(), out.data(), out.size(), kBase64);
  text.resize(len - 1);  // the terminating NUL
  return std::string(kSealedPrefix) + text;
}

Result<std::string> SodiumSecretBox::open(std::string_view sealed, std::string_view context) const {
  if (!has_key_) return no_key();
  if (!sealed.starts_with(kSealedPrefix)) return make_error(errc::kFailed, "", "the value is not sealed");
  const std::string_view text = sealed.substr(kSealedPrefix.size());
  std::vector<unsigned char> raw(text.size());
  std::size_t n = 0;
  if (text.empty() ||  // (libsodium's buffers must not be null, as an empty vector's may be)
      sodium_base642bin(raw.data(), raw.size(), text.data(), text.size(), nullptr, &n, nullptr, kBase64) != 0 ||
      n < kNonce + kTag) {
    return make_error(errc::kFailed, "", "the sealed value is malformed");
  }
  std::string plain(n - kNonce - kTag, '\0');
  unsigned long long got = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &got, nullptr,
                                                 raw.data() + kNonce, n - kNonce, bytes_of(context), context.size(),
                                                 raw.data(), key_.data()) != 0) {
    return make_error(errc::kFailed, "", "it was sealed under another key, or changed");
  }
  return plain;
}

Status create_key_file(const std::string& path) {
  if (sodium_init() < 0) std::abort();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) return make_error(errc::kConflict, "key-file", fmt::format("{} exists", path));
  if (fd < 0) {
    return make_error(errc::kFailed, "key-file",
                      fmt::format("--key-file {}: cannot create it ({}); give a path in a folder the server's user "
                                  "may write",
                                  path, std::strerror(errno)));
  }
  SodiumSecretBox::Key key{};
  randombytes_buf(key.data(), key.size());
  const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
  sodium_memzero(key.data(), key.size());
  ::close(fd);
  if (!written) {
    ::unlink(path.c_str());
    return make_error(errc::kFailed, "key-file", fmt::format("--key-file {}: writing it failed", path));
  }
  return Ok{};
}

Result<std::unique_ptr<SodiumSecretBox>> load_key_file(const std::string& path) {
  const auto bad = [&](const std::string& what, const std::string& fix) {
    return make_error(errc::kInvalid, "key-file", fmt::format("--key-file {}: {}; {}", path, what, fix));
  };
  if (path.empty()) {
    return make_error(errc::kInvalid, "key-file",
                      "no key file: give --key-file FILE (or set $KNEECOACH_CLINIC_KEY), the file `kneecoach clinic "
                      "init --key-file FILE` made; it seals the accounts' two-factor secrets");
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) return bad("there is no such file", key_hint(path));
    return bad(fmt::format("cannot read it ({})", std::strerror(errno)),
               "run the server as the user that owns the key file");
  }
  struct stat st {};
  SodiumSecretBox::Key key{};
  std::string problem;
  std::string fix;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    problem = "it is not a regular file";
    fix = key_hint(path);
  } else if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    problem = fmt::format("group or others may use it (mode {:04o})", st.st_mode & 07777);
    fix = fmt::format("make it the owner's only: chmod 600 {}", path);
  } else if (st.st_size != static_cast<off_t>(key.size()) ||
             ::read(fd, key.data(), key.size()) != static_cast<ssize_t>(key.size())) {
    problem = fmt::format("it holds {} bytes, not a key of {}", static_cast<long long>(st.st_size), key.size());
    fix = key_hint(path);
  }
  ::close(fd);
  if (!problem.empty()) {
    sodium_memzero(key.data(), key.size());
    return bad(problem, fix);
  }
  auto box = std::make_unique<SodiumSecretBox>(key);
  sodium_memzero(key.data(), key.size());
  return box;
}

}  // namespace kc::crypto
