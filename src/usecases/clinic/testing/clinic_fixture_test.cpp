// The adapters the clinic fixture uses (see clinic_fixture.h).
#include "usecases/clinic/testing/clinic_fixture.h"

#include <cstdlib>

#include "adapters/crypto/crypto.h"
#include "adapters/sqlite/sqlite_store.h"

namespace kc::clinic::testing {

std::unique_ptr<store::Store> open_records(const std::string& path) {
  auto opened = sqlite::open_store(path);
  if (!opened) std::abort();
  return std::move(opened).value();
}

std::unique_ptr<usecases::clinic::Totp> real_totp() { return std::make_unique<crypto::OathTotp>(); }

std::unique_ptr<usecases::clinic::SecretBox> real_secret_box() {
  crypto::SodiumSecretBox::Key key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<unsigned char>(std::rand());  // NOLINT: a test key
  return std::make_unique<crypto::SodiumSecretBox>(key);
}

}  // namespace kc::clinic::testing
