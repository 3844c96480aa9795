// The shipped numbers load; a number that cannot be dialled, a country twice or a default that is
// not listed is reported with file and line.
#include "adapters/content/contacts_loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace kc::content {
namespace {

namespace fs = std::filesystem;

TEST(Contacts, ShippedNumbersLoad) {
  auto c = load_contacts(KNEECOACH_TEST_CONTENT_DIR);
  ASSERT_TRUE(c.ok()) << c.error().message;
  ASSERT_NE(c->find(c->default_code), nullptr);
  const auto* gb = c->find("GB");
  ASSERT_NE(gb, nullptr);
  EXPECT_EQ(gb->emergency.number, "999");
  ASSERT_TRUE(gb->urgent.has_value());
  EXPECT_EQ(gb->urgent->number, "111");
  const auto* us = c->find("US");
  ASSERT_NE(us, nullptr);
  EXPECT_FALSE(us->urgent.has_value());
  EXPECT_FALSE(us->urgent_note.empty());
  EXPECT_EQ(c->find("XX"), nullptr);
}

class BadContacts : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kc-contacts-" + std::to_string(::getpid()));
    fs::create_directories(root_ / "contacts");
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string load_error(const std::string& yaml) {
    std::ofstream(root_ / "contacts" / "numbers.yaml") << yaml;
    auto c = load_contacts(root_.string());
    return c.ok() ? "" : c.error().message;
  }
  fs::path root_;
};

constexpr const char* kCountry =
    "  - code: GB\n    name: UK\n    emergency: {number: \"999\", label: x}\n    urgent_note: GP\n    sources: [s]\n";

TEST_F(BadContacts, NumberThatCannotBeDialled) {
  std::string yaml = std::string("default: GB\ncountries:\n") + kCountry;
  yaml.replace(yaml.find("\"999\""), 5, "\"99-9\"");
  EXPECT_NE(load_error(yaml).find("numbers.yaml:5:"), std::string::npos) << load_error(yaml);
  EXPECT_NE(load_error(yaml).find("cannot be dialled"), std::string::npos);
}

TEST_F(BadContacts, CountryTwiceAndUnknownDefault) {
  const std::string twice = std::string("default: GB\ncountries:\n") + kCountry + kCountry;
  EXPECT_NE(load_error(twice).find("listed twice"), std::string::npos) << load_error(twice);
  const std::string def = std::string("default: FR\ncountries:\n") + kCountry;
  EXPECT_NE(load_error(def).find("numbers.yaml:1:"), std::string::npos) << load_error(def);
}

TEST_F(BadContacts, NoWayToGetHelpToday) {
  std::string yaml = std::string("default: GB\ncountries:\n") + kCountry;
  yaml.erase(yaml.find("    urgent_note: GP\n"), 20);
  EXPECT_NE(load_error(yaml).find("no urgent number and no urgent_note"), std::string::npos) << load_error(yaml);
}

}  // namespace
}  // namespace kc::content
