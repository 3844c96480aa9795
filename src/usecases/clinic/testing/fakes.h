// Fast, predictable crypto stand-ins for the clinic use cases' unit tests (the real ones are
// tested in src/adapters/crypto). Never for the product: the "hash" is the password in clear.
#pragma once

#include <string>
#include <string_view>

#include "usecases/clinic/crypto_ports.h"

namespace kc::clinic::testing {

class FakeHasher final : public usecases::clinic::PasswordHasher {
 public:
  Result<std::string> hash(std::string_view password) const override {
    ++hashes;
    return "fake$" + std::string(password);
  }
  bool verify(std::string_view password, const std::string& hash) const override {
    ++verifies;
    return hash == "fake$" + std::string(password);
  }
  const std::string& dummy_hash() const override { return dummy_; }
  mutable int hashes = 0;    // how many hash() calls (NOLINT: a test's counter)
  mutable int verifies = 0;  // how many verify() calls: one per sign-in, known user or not

 private:
  std::string dummy_ = "fake$\x01no one's password";
};

// Tokens "token-1", "token-2"...; codes from a counter; hashes "h(" + token + ")".
class FakeTokens final : public usecases::clinic::TokenSource {
 public:
  std::string token() override { return "token-" + std::to_string(++n_); }
  std::string short_code() override {
    std::string code = "ABCD2345";
    code[7] = "23456789"[++n_ % 8];
    code[6] = "ABCDEFGH"[(n_ / 8) % 8];
    return code;
  }
  std::string person_name() override {
    std::string hex = std::to_string(++n_);
    return std::string(32 - hex.size(), '0') + hex;
  }
  std::string totp_secret() override { return "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; }  // RFC 6238's
  std::string hash(std::string_view token) const override { return "h(" + std::string(token) + ")"; }

 private:
  int n_ = 0;
};

}  // namespace kc::clinic::testing
