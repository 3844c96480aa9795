#include "adapters/content/triage_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

namespace kc::content {
namespace {

using ::testing::HasSubstr;

std::string fixture(const std::string& name) { return std::string(KNEECOACH_TEST_DATA_DIR) + "/triage/" + name; }

std::string error_of(const std::string& name) {
  auto result = load_rule_file(fixture(name));
  EXPECT_FALSE(result.ok()) << name << " loaded";
  return result.ok() ? "" : result.error().message;
}

TEST(TriageLoader, LoadsAValidFile) {
  auto set = load_rule_file(fixture("valid.yaml"));
  ASSERT_TRUE(set.ok()) << set.error().message;
  ASSERT_EQ(set->rules.size(), 3u);
  EXPECT_EQ(set->rules[0].id, "locked-knee");
  EXPECT_EQ(set->rules[0].level, Level::kUrgent);
  EXPECT_EQ(set->rules[0].message, "Stuck knee.");
  EXPECT_EQ(set->rules[0].sources, std::vector<std::string>{"a source"});
  EXPECT_EQ(set->rules[2].level, Level::kCaution);
  EXPECT_EQ(set->advice_for(Level::kGo), "Start the program.");
  EXPECT_EQ(set->advice_for(Level::kEmergency), "Go to an emergency department now.");

  Answers a;
  a.onset = Onset::kInjury;
  a.age = 60;
  EXPECT_EQ(evaluate(a, *set).level, Level::kUrgent);  // injury_days_ago unknown counts as recent
  a.location = {PainLocation::kBack};
  EXPECT_EQ(evaluate(a, *set).level, Level::kGo);
  a.pain_now = 6;
  EXPECT_EQ(evaluate(a, *set).level, Level::kCaution);
  a.pain_now = 8;
  EXPECT_EQ(evaluate(a, *set).level, Level::kGo);  // both tests of one map must hold
}

TEST(TriageLoader, UnknownAnswerFieldGivesFileLineAndSuggestion) {
  EXPECT_EQ(error_of("unknown-field.yaml"),
            fixture("unknown-field.yaml") +
                ":12: rules[1].condition.any[1].field: unknown answer field 'hot_red_swolen'; did you mean "
                "'hot_red_swollen'?\n");
}

TEST(TriageLoader, UnknownKeysAreRejected) {
  const std::string message = error_of("unknown-key.yaml");
  EXPECT_THAT(message, HasSubstr(fixture("unknown-key.yaml") + ":12: unknown field 'rules[1].sourcez'; did you mean "
                                                               "'sources'?"));
  EXPECT_THAT(message, HasSubstr(":8: missing field 'rules[1].sources'"));
}

TEST(TriageLoader, BadLevelsAreRejected) {
  const std::string message = error_of("bad-level.yaml");
  EXPECT_THAT(message, HasSubstr(":9: 'rules[1].level' has unknown value \"severe\"; expected emergency, urgent, "
                                 "see_clinician or caution"));
  EXPECT_THAT(message, HasSubstr(":14: 'rules[2].level' has unknown value \"go\""));
}

TEST(TriageLoader, DuplicateIdsAreRejected) {
  EXPECT_THAT(error_of("duplicate-id.yaml"),
              HasSubstr(":13: rule id \"hot-knee\" is used twice (first at line 8); expected every id to be unique"));
}

TEST(TriageLoader, EveryRuleNeedsASource) {
  const std::string message = error_of("missing-source.yaml");
  EXPECT_THAT(message, HasSubstr(":8: missing field 'rules[1].sources'; expected a list"));
  EXPECT_THAT(message, HasSubstr(":16: 'rules[2].sources' has 0 item(s); expected at least 1"));
}

TEST(TriageLoader, OperandsAreCheckedAgainstTheFieldType) {
  const std::string message = error_of("bad-operands.yaml");
  EXPECT_THAT(message, HasSubstr(":12: 'rules[1].condition.all[1].is' is \"maybe\"; expected true or false"));
  EXPECT_THAT(message, HasSubstr(":13: 'rules[1].condition.all[2].at_least' is \"old\"; expected a number"));
  EXPECT_THAT(message, HasSubstr(":14: rules[1].condition.all[3].has: 'swelling' is not a list"));
  EXPECT_THAT(message, HasSubstr(":15: rules[1].condition.all[4].is: 'unknown' does not apply"));
  EXPECT_THAT(message, HasSubstr(":16: rules[1].condition.all[5].is: 'is' for 'onset' expects \"gradual\" or "
                                 "\"injury\""));
  EXPECT_THAT(message, HasSubstr(":17: 'rules[1].condition.all[6].field' has no test; expected one of is, at_least"));
  EXPECT_THAT(message, HasSubstr(":18: unknown field 'rules[1].condition.all[7].equals'"));
  EXPECT_THAT(message, HasSubstr(":19: 'rules[1].condition.all[8]' mixes all or field"));
  EXPECT_THAT(message, HasSubstr(":20: 'rules[1].condition.all[9].any' must be a list of one or more conditions"));
}

TEST(TriageLoader, YamlSyntaxErrorsGiveTheLine) {
  EXPECT_THAT(error_of("syntax-error.yaml"), HasSubstr(fixture("syntax-error.yaml") + ":"));
  EXPECT_THAT(error_of("syntax-error.yaml"), HasSubstr("YAML syntax error"));
}

TEST(TriageLoader, AdviceForEveryLevelAndWellFormedIds) {
  const std::string message = error_of("missing-advice.yaml");
  EXPECT_THAT(message, HasSubstr(":2: missing field 'advice.see_clinician'"));
  EXPECT_THAT(message, HasSubstr(":6: unknown field 'advice.soon'"));
  EXPECT_THAT(message, HasSubstr(":8: 'rules[1].id' is \"Hot_Knee\"; expected lower-case words joined by hyphens"));
  EXPECT_THAT(message, HasSubstr(":8: missing field 'rules[1].condition'"));
}

TEST(TriageLoader, MissingFileIsAnError) {
  EXPECT_THAT(error_of("no-such-file.yaml"), HasSubstr("cannot open the file"));
  EXPECT_EQ(triage_rules_path("/c"), "/c/triage/rules.yaml");
}

TEST(TriageLoader, LoadsTheShippedRules) {
  auto set = load_rule_set(KNEECOACH_TEST_CONTENT_DIR);
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_GE(set->rules.size(), 30u);
  std::set<Level> levels;
  for (const auto& rule : set->rules) {
    levels.insert(rule.level);
    EXPECT_FALSE(rule.sources.empty()) << rule.id;
    EXPECT_GE(rule.message.size(), 40u) << rule.id;
  }
  EXPECT_EQ(levels.size(), 4u);  // emergency, urgent, see_clinician and caution are all used
  for (const auto& name : level_names()) EXPECT_FALSE(set->advice_for(*parse_level(name)).empty()) << name;
}

}  // namespace
}  // namespace kc::content
