#include "adapters/content/sign_names_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/tracking/check_in_signs.h"

namespace kc::content {
namespace {

using ::testing::HasSubstr;

// `text` written to a fresh file; returns its path.
std::string file_with(const std::string& text) {
  static int n = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("kc-sign-names-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".yaml");
  std::ofstream(path) << text;
  return path.string();
}

std::string all_but(const std::string& left_out) {
  std::string text = "signs:\n";
  for (const auto& field : tracking::check_in_signs()) {
    if (field != left_out) text += "  " + field + ": a name\n";
  }
  return text;
}

TEST(SignNamesLoader, TheShippedFileNamesEveryCheckInSign) {
  auto names = load_sign_names(KNEECOACH_TEST_CONTENT_DIR);
  ASSERT_TRUE(names.ok()) << names.error().message;
  EXPECT_EQ(names->size(), tracking::check_in_signs().size());
  EXPECT_EQ(sign_name(*names, "fever_or_unwell"), "fever or feeling unwell");
}

TEST(SignNamesLoader, AMissingSignAnUnknownOneAndABadNameAreRefusedWithTheirLines) {
  auto missing = load_sign_names_file(file_with(all_but("locked")));
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().message, HasSubstr("missing field 'signs.locked'"));

  auto unknown = load_sign_names_file(file_with(all_but("") + "  sharp_pain: sharp pain\n"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.error().message, HasSubstr("unknown field 'signs.sharp_pain'"));

  auto shouting = load_sign_names_file(file_with(all_but("gives_way") + "  gives_way: Knee giving way.\n"));
  ASSERT_FALSE(shouting.ok());
  EXPECT_THAT(shouting.error().message, HasSubstr(":11: "));  // the line of gives_way, after signs: and the 9 others
  EXPECT_THAT(shouting.error().message, HasSubstr("expected lower case"));
}

TEST(SignNames, AFieldWithoutANameIsReadAsItsWords) {
  EXPECT_EQ(sign_name({{"gives_way", "knee giving way"}}, "gives_way"), "knee giving way");
  EXPECT_EQ(sign_name({}, "night_or_rest_pain"), "night or rest pain");
}

}  // namespace
}  // namespace kc::content
