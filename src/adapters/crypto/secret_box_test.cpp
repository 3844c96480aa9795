// SodiumSecretBox and the key file: a sealed secret opens only with its key and context, a
// changed byte is refused, every seal has its own nonce, and a key file that is missing, the
// wrong size or readable by others is refused with a message naming it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "adapters/crypto/crypto.h"

namespace kc::crypto {
namespace {

using usecases::clinic::kSealedPrefix;
const std::string kSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

SodiumSecretBox::Key key_of(unsigned char fill) {
  SodiumSecretBox::Key key{};
  key.fill(fill);
  return key;
}

TEST(ClinicSecretBox, SealsSoOnlyItsKeyAndContextOpen) {
  const SodiumSecretBox box(key_of(1));
  auto sealed = box.seal(kSecret, "totp:7");
  ASSERT_TRUE(sealed.ok()) << sealed.error().message;
  EXPECT_TRUE(sealed->starts_with(kSealedPrefix));
  EXPECT_EQ(sealed->find(kSecret), std::string::npos);
  auto opened = box.open(*sealed, "totp:7");
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(*opened, kSecret);
  // Another account's row: the context differs, so it does not open.
  EXPECT_EQ(box.open(*sealed, "totp:8").error().code, errc::kFailed);
}

TEST(ClinicSecretBox, FailsClosedUnderAnotherKey) {
  const SodiumSecretBox box(key_of(1));
  const SodiumSecretBox other(key_of(2));
  auto sealed = box.seal(kSecret, "totp:7");
  ASSERT_TRUE(sealed.ok());
  auto opened = other.open(*sealed, "totp:7");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, errc::kFailed);
}

TEST(ClinicSecretBox, RefusesATamperedValue) {
  const SodiumSecretBox box(key_of(1));
  const std::string sealed = *box.seal(kSecret, "totp:7");
  int refused = 0;
  for (std::size_t i = kSealedPrefix.size(); i < sealed.size(); ++i) {
    std::string changed = sealed;
    changed[i] = changed[i] == 'A' ? 'B' : 'A';
    if (!box.open(changed, "totp:7").ok()) ++refused;
  }
  // Every changed character is refused but possibly the last (base64's unused low bits).
  EXPECT_GE(refused, static_cast<int>(sealed.size() - kSealedPrefix.size()) - 1);
  EXPECT_FALSE(box.open(sealed.substr(0, sealed.size() - 4), "totp:7").ok());  // cut short
  EXPECT_FALSE(box.open(kSecret, "totp:7").ok());                              // never sealed
  EXPECT_FALSE(box.open("kc1:", "totp:7").ok());
}

TEST(ClinicSecretBox, UsesANewNonceForEverySeal) {
  const SodiumSecretBox box(key_of(1));
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(*box.seal(kSecret, "totp:7"));
  EXPECT_EQ(seen.size(), 200U);
}

TEST(ClinicSecretBox, WithoutAKeyNeitherSealsNorOpens) {
  const SodiumSecretBox sealer(key_of(1));
  const SodiumSecretBox none;
  auto sealed = none.seal(kSecret, "totp:7");
  ASSERT_FALSE(sealed.ok());
  EXPECT_NE(sealed.error().message.find("--key-file"), std::string::npos);
  EXPECT_FALSE(none.open(*sealer.seal(kSecret, "totp:7"), "totp:7").ok());
}

class ClinicKeyFile : public ::testing::Test {
 protected:
  ClinicKeyFile() {
    char tmpl[] = "/tmp/kc_key_test_XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  ~ClinicKeyFile() override { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }
  std::string dir_;
};

TEST_F(ClinicKeyFile, CreatesAnOwnerOnlyKeyThatLoadsAndIsNeverReplaced) {
  const std::string key = path("clinic.key");
  ASSERT_TRUE(create_key_file(key).ok());
  struct stat st {};
  ASSERT_EQ(stat(key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  EXPECT_EQ(st.st_size, static_cast<off_t>(SodiumSecretBox::kKeyBytes));
  auto first = load_key_file(key);
  ASSERT_TRUE(first.ok()) << first.error().message;
  const std::string sealed = *(*first)->seal(kSecret, "totp:1");
  auto again = create_key_file(key);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kConflict);
  auto reloaded = load_key_file(key);
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ(*(*reloaded)->open(sealed, "totp:1"), kSecret);
}

TEST_F(ClinicKeyFile, RefusesAMissingKeyFile) {
  auto loaded = load_key_file(path("missing.key"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, errc::kInvalid);
  EXPECT_NE(loaded.error().message.find("missing.key: there is no such file"), std::string::npos);
  EXPECT_FALSE(load_key_file("").ok());
}

TEST_F(ClinicKeyFile, RefusesAKeyOfTheWrongSize) {
  const std::string key = path("short.key");
  std::ofstream(key) << "0123456789";
  chmod(key.c_str(), 0600);
  auto loaded = load_key_file(key);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("holds 10 bytes, not a key of 32"), std::string::npos);
}

TEST_F(ClinicKeyFile, RefusesAKeyOthersMayRead) {
  const std::string key = path("open.key");
  ASSERT_TRUE(create_key_file(key).ok());
  chmod(key.c_str(), 0640);
  auto loaded = load_key_file(key);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("chmod 600"), std::string::npos);
  EXPECT_NE(loaded.error().message.find("mode 0640"), std::string::npos);
}

TEST_F(ClinicKeyFile, RefusesAFolder) {
  auto loaded = load_key_file(dir_);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, errc::kInvalid);
}

}  // namespace
}  // namespace kc::crypto
