// Tests for core/triage/advice: the level's advice with the person's acceptable pain filled in.
#include "core/triage/advice.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

RuleSet with_go_advice(std::string text) {
  RuleSet set;
  set.advice[static_cast<std::size_t>(Level::kGo)] = std::move(text);
  return set;
}

TEST(LevelAdvice, FillsTheMostPainAcceptableAndAddsTheNotes) {
  const RuleSet rules = with_go_advice("Keep pain at {pain_most} out of 10 or less ({pain_most}/10).");
  EXPECT_EQ(level_advice(rules, Level::kGo, {}), "Keep pain at 5 out of 10 or less (5/10).");
  EXPECT_EQ(level_advice(rules, Level::kGo, {"A note."}, acceptable_pain(3)),
            "Keep pain at 3 out of 10 or less (3/10). A note.");
  EXPECT_EQ(level_advice(rules, Level::kCaution, {}), "");  // no advice for that level here
}

TEST(LevelAdvice, NamesAMisspeltPlaceholder) {
  EXPECT_EQ(unknown_placeholder("at {pain_most} out of 10"), "");
  EXPECT_EQ(unknown_placeholder("at {pain_max} out of 10"), "{pain_max}");
  EXPECT_EQ(unknown_placeholder("{pain_most} then {oops"), "{");
  EXPECT_EQ(unknown_placeholder("no braces"), "");
}

}  // namespace
}  // namespace kc
