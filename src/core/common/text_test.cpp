#include "core/common/text.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("wall-sit", "wall-sit"), 0u);
  EXPECT_EQ(edit_distance("wall-sit", "wal-sit"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(ClosestMatches, SuggestsNearestFirstAndDropsFarOnes) {
  const std::vector<std::string> ids{"wall-sit", "bridge", "step-up", "calf-stretch"};
  EXPECT_EQ(closest_matches("wal-sit", ids), std::vector<std::string>{"wall-sit"});
  EXPECT_EQ(closest_matches("stepup", ids).front(), "step-up");
  EXPECT_TRUE(closest_matches("zzzzzzzz", ids).empty());
}

TEST(ClosestMatches, PrefixOrLongSharedPieceCountsAsClose) {
  const std::vector<std::string> ids{"calf-stretch", "bridge", "numb_or_cold_foot"};
  EXPECT_EQ(closest_matches("calf", ids), std::vector<std::string>{"calf-stretch"});
  EXPECT_EQ(closest_matches("stretch", ids), std::vector<std::string>{"calf-stretch"});
  EXPECT_TRUE(closest_matches("foo", ids).empty()) << "a short piece inside a long name is no suggestion";
}

TEST(JoinOr, ReadsLikeEnglish) {
  EXPECT_EQ(join_or({}), "");
  EXPECT_EQ(join_or({"a"}), "a");
  EXPECT_EQ(join_or({"a", "b"}), "a or b");
  EXPECT_EQ(join_or({"a", "b", "c"}), "a, b or c");
}

TEST(XmlEscape, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(xml_escape(R"(a<b & "c" 'd'>)"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  EXPECT_EQ(xml_escape("plain"), "plain");
}

TEST(Wrap, BreaksAtWidthAndIndents) {
  EXPECT_EQ(wrap("one two three four", 9, "  "), "  one two\n  three\n  four\n");
  EXPECT_EQ(wrap("", 10), "");
}

TEST(WrapHanging, ShowsTheMarkerOnceAndLinesUpTheRest) {
  EXPECT_EQ(wrap_hanging("  - ", "one two three four", 13), "  - one two\n    three\n    four\n");
  EXPECT_EQ(wrap_hanging(" 1. ", "one", 20), " 1. one\n");
}

TEST(SignedNumber, ShowsASignAndReadsBack) {
  EXPECT_EQ(signed_number(3), "+3");
  EXPECT_EQ(signed_number(0), "0");
  EXPECT_EQ(signed_number(-7), "\u22127");
  EXPECT_EQ(range_text(-7, 7), "\u22127 to +7");
  EXPECT_EQ(range_text(0, 10), "0-10");
  for (int v = -7; v <= 7; ++v) EXPECT_EQ(parse_signed(signed_number(v)), v);
  EXPECT_EQ(parse_signed(" +3 "), 3);
  EXPECT_EQ(parse_signed("-3"), -3);
  EXPECT_EQ(parse_signed("3"), 3);
  for (const char* bad : {"", "+", "++3", "+-3", "-+3", "3.5", "three", "\u2212", "3 4"})
    EXPECT_EQ(parse_signed(bad), std::nullopt) << bad;
}

}  // namespace
}  // namespace kc
