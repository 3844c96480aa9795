#include "core/session/input.h"

#include <gtest/gtest.h>

namespace kc::session {
namespace {

TEST(KeyForChar, MapsTheSessionKeys) {
  EXPECT_EQ(key_for_char(' '), Key::kPause);
  EXPECT_EQ(key_for_char('N'), Key::kNext);
  EXPECT_EQ(key_for_char('b'), Key::kBack);
  EXPECT_EQ(key_for_char('q'), Key::kQuit);
  EXPECT_EQ(key_for_char('x'), std::nullopt);
}

TEST(KeyScript, ParsesKeysAndWaits) {
  auto script = parse_key_script("45s n, 1.5s space 200ms p 2m q");
  ASSERT_TRUE(script.ok()) << script.error().message;
  ASSERT_EQ(script->size(), 8u);
  EXPECT_EQ(std::get<Wait>((*script)[0]).duration, Millis{45'000});
  EXPECT_EQ(std::get<Key>((*script)[1]), Key::kNext);
  EXPECT_EQ(std::get<Wait>((*script)[2]).duration, Millis{1500});
  EXPECT_EQ(std::get<Key>((*script)[3]), Key::kPause);
  EXPECT_EQ(std::get<Wait>((*script)[4]).duration, Millis{200});
  EXPECT_EQ(std::get<Wait>((*script)[6]).duration, Millis{120'000});
  EXPECT_EQ(std::get<Key>((*script)[7]), Key::kQuit);
  EXPECT_TRUE(parse_key_script("").ok());
}

TEST(KeyScript, RejectsUnknownItemsNamingThem) {
  auto script = parse_key_script("n x q");
  ASSERT_FALSE(script.ok());
  EXPECT_NE(script.error().message.find("'x'"), std::string::npos);
  EXPECT_FALSE(parse_key_script("-3s").ok());
  EXPECT_FALSE(parse_key_script("s").ok());
}

TEST(PainRating, AcceptsWholeNumbersFromZeroToTen) {
  EXPECT_EQ(*parse_pain_rating("0"), 0);
  EXPECT_EQ(*parse_pain_rating(" 7 \n"), 7);
  EXPECT_EQ(*parse_pain_rating("10"), 10);
}

TEST(PainRating, RejectsAnythingElseWithWhatIsExpected) {
  for (const char* bad : {"", "11", "-1", "3.5", "seven", "4 5"}) {
    auto r = parse_pain_rating(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("from 0 (no pain) to 10"), std::string::npos);
  }
}

}  // namespace
}  // namespace kc::session
