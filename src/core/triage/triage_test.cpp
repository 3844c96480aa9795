// The triage evaluator and the condition language, with small rule sets built in code.
// (The shipped rules are tested one by one in src/adapters/content/shipped_rules_test.cpp.)
#include "core/triage/triage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kc {
namespace {

using ::testing::HasSubstr;

Condition test_of(std::string_view field, TestOp test, const Operand& operand, bool unknown_matches = false) {
  auto c = field_test(field, test, operand, unknown_matches);
  EXPECT_TRUE(c.ok()) << field << ": " << (c.ok() ? "" : c.error().message);
  return c.ok() ? *c : Condition{};
}

std::string error_of(std::string_view field, TestOp test, const Operand& operand, bool unknown_matches = false) {
  auto c = field_test(field, test, operand, unknown_matches);
  EXPECT_FALSE(c.ok()) << field;
  return c.ok() ? "" : c.error().message;
}

Rule rule(std::string id, Level level, Condition condition) {
  Rule r;
  r.id = std::move(id);
  r.level = level;
  r.condition = std::move(condition);
  r.message = "message of " + r.id;
  r.sources = {"a source"};
  return r;
}

RuleSet rule_set(std::vector<Rule> rules) {
  RuleSet set;
  set.rules = std::move(rules);
  for (const auto& name : level_names()) set.advice[static_cast<std::size_t>(*parse_level(name))] = "advice " + name;
  return set;
}

// One rule per level, each on its own yes/no field, deliberately not in level order.
RuleSet one_rule_per_level() {
  return rule_set({
      rule("r-caution", Level::kCaution, test_of("runner", TestOp::kIs, true)),
      rule("r-emergency", Level::kEmergency, test_of("deformity", TestOp::kIs, true)),
      rule("r-see", Level::kSeeClinician, test_of("gives_way", TestOp::kIs, true)),
      rule("r-urgent", Level::kUrgent, test_of("locked", TestOp::kIs, true)),
  });
}

std::vector<std::string> rule_ids(const TriageResult& r) {
  std::vector<std::string> ids;
  for (const auto& reason : r.reasons) ids.push_back(reason.rule);
  return ids;
}

TEST(Level, NamesAndOrder) {
  EXPECT_EQ(level_names(), (std::vector<std::string>{"emergency", "urgent", "see_clinician", "caution", "go"}));
  for (const auto& name : level_names()) EXPECT_EQ(to_string(*parse_level(name)), name);
  EXPECT_FALSE(parse_level("severe").has_value());
  EXPECT_TRUE(more_serious(Level::kEmergency, Level::kUrgent));
  EXPECT_TRUE(more_serious(Level::kUrgent, Level::kSeeClinician));
  EXPECT_TRUE(more_serious(Level::kSeeClinician, Level::kCaution));
  EXPECT_TRUE(more_serious(Level::kCaution, Level::kGo));
  EXPECT_TRUE(may_start_program(Level::kGo));
  EXPECT_TRUE(may_start_program(Level::kCaution));
  EXPECT_FALSE(may_start_program(Level::kSeeClinician));
  EXPECT_FALSE(may_start_program(Level::kUrgent));
  EXPECT_FALSE(may_start_program(Level::kEmergency));
  EXPECT_EQ(level_meaning(Level::kEmergency), "go to an emergency department now");
  EXPECT_EQ(level_meaning(Level::kUrgent), "be seen by a doctor today");
}

TEST(Evaluate, NoRuleFiredIsGoWithNoReasons) {
  const auto result = evaluate(Answers{}, one_rule_per_level());
  EXPECT_EQ(result.level, Level::kGo);
  EXPECT_TRUE(result.reasons.empty());
  EXPECT_EQ(result.advice, "advice go");
}

TEST(Evaluate, EachLevelAlone) {
  const RuleSet set = one_rule_per_level();
  struct Case {
    bool Answers::*field;
    Level level;
    const char* id;
  };
  for (const Case& c :
       {Case{&Answers::runner, Level::kCaution, "r-caution"}, Case{&Answers::gives_way, Level::kSeeClinician, "r-see"},
        Case{&Answers::locked, Level::kUrgent, "r-urgent"},
        Case{&Answers::deformity, Level::kEmergency, "r-emergency"}}) {
    Answers a;
    a.*(c.field) = true;
    const auto result = evaluate(a, set);
    EXPECT_EQ(result.level, c.level) << c.id;
    EXPECT_EQ(rule_ids(result), std::vector<std::string>{c.id});
    EXPECT_EQ(result.reasons.front().message, std::string("message of ") + c.id);
    EXPECT_EQ(result.advice, "advice " + std::string(to_string(c.level)));
  }
}

TEST(Evaluate, MostSeriousWinsAndReasonsKeepRuleOrder) {
  Answers a;
  a.runner = a.deformity = a.gives_way = a.locked = true;
  const auto result = evaluate(a, one_rule_per_level());
  EXPECT_EQ(result.level, Level::kEmergency);
  // A referral lists only the reasons for it: the caution rule does not fire.
  EXPECT_EQ(rule_ids(result), (std::vector<std::string>{"r-emergency", "r-see", "r-urgent"}));
  EXPECT_EQ(result.advice, "advice emergency");

  a.deformity = false;
  EXPECT_EQ(evaluate(a, one_rule_per_level()).level, Level::kUrgent);
  a.locked = false;
  EXPECT_EQ(evaluate(a, one_rule_per_level()).level, Level::kSeeClinician);
  a.gives_way = false;
  EXPECT_EQ(evaluate(a, one_rule_per_level()).level, Level::kCaution);
}

TEST(Evaluate, CautionsFireOnlyWithoutAReferral) {
  Answers a;
  a.runner = true;
  EXPECT_EQ(rule_ids(evaluate(a, one_rule_per_level())), std::vector<std::string>{"r-caution"});
  a.gives_way = true;
  EXPECT_EQ(rule_ids(evaluate(a, one_rule_per_level())), std::vector<std::string>{"r-see"});
}

TEST(Evaluate, ReadsContradictoryAnswersTowardSafetyAndSaysSo) {
  Answers a;
  a.pain_now = 6;
  a.pain_worst_week = 1;
  const auto result = evaluate(a, one_rule_per_level());
  EXPECT_EQ(result.level, Level::kGo);
  EXPECT_TRUE(result.reasons.empty());
  ASSERT_EQ(result.notes.size(), 1U);
  EXPECT_EQ(result.advice, "advice go " + result.notes.front());
  EXPECT_EQ(triage_to_json(result)["advice"], result.advice);
}

TEST(Evaluate, IsDeterministic) {
  Answers a;
  a.runner = a.locked = true;
  const auto set = one_rule_per_level();
  EXPECT_EQ(triage_to_json(evaluate(a, set)).dump(), triage_to_json(evaluate(a, set)).dump());
}

TEST(TriageToJson, HasExactlyTheSpecShape) {
  Answers a;
  a.locked = true;
  const auto json = triage_to_json(evaluate(a, one_rule_per_level()));
  EXPECT_EQ(json.dump(), R"({"level":"urgent","reasons":[{"rule":"r-urgent","message":"message of r-urgent"}],)"
                         R"("advice":"advice urgent"})");
  EXPECT_EQ(triage_to_json(evaluate(Answers{}, one_rule_per_level())).dump(),
            R"({"level":"go","reasons":[],"advice":"advice go"})");
}

TEST(Condition, BooleanIs) {
  Answers a;
  EXPECT_FALSE(matches(test_of("swelling", TestOp::kIs, true), a));
  EXPECT_TRUE(matches(test_of("swelling", TestOp::kIs, false), a));
  EXPECT_TRUE(matches(test_of("can_kneel", TestOp::kIs, true), a));  // spec default true
  a.swelling = true;
  EXPECT_TRUE(matches(test_of("swelling", TestOp::kIs, true), a));
}

TEST(Condition, Comparisons) {
  Answers a;
  a.age = 55;
  EXPECT_TRUE(matches(test_of("age", TestOp::kAtLeast, 55.0), a));
  EXPECT_FALSE(matches(test_of("age", TestOp::kAbove, 55.0), a));
  EXPECT_TRUE(matches(test_of("age", TestOp::kAtMost, 55.0), a));
  EXPECT_FALSE(matches(test_of("age", TestOp::kBelow, 55.0), a));
  EXPECT_TRUE(matches(test_of("age", TestOp::kBelow, 55.5), a));
  EXPECT_TRUE(matches(test_of("minutes_per_session", TestOp::kAtLeast, 20.0), a));
}

TEST(Condition, UnknownNumbersMatchOnlyWhenAsked) {
  Answers a;  // injury_days_ago not known
  EXPECT_FALSE(matches(test_of("injury_days_ago", TestOp::kAtMost, 7.0), a));
  EXPECT_TRUE(matches(test_of("injury_days_ago", TestOp::kAtMost, 7.0, true), a));
  EXPECT_FALSE(matches(test_of("injury_days_ago", TestOp::kKnown, true), a));
  EXPECT_TRUE(matches(test_of("injury_days_ago", TestOp::kKnown, false), a));
  a.injury_days_ago = 9;
  EXPECT_FALSE(matches(test_of("injury_days_ago", TestOp::kAtMost, 7.0, true), a));
  EXPECT_TRUE(matches(test_of("injury_days_ago", TestOp::kKnown, true), a));
  a.injury_days_ago = 7;
  EXPECT_TRUE(matches(test_of("injury_days_ago", TestOp::kAtMost, 7.0), a));
  EXPECT_FALSE(matches(test_of("pain_worst_week", TestOp::kAtLeast, 0.0), Answers{}));
}

TEST(Condition, ChoicesAndLists) {
  Answers a;
  EXPECT_FALSE(matches(test_of("onset", TestOp::kIs, std::string("injury")), a));
  EXPECT_TRUE(matches(test_of("onset", TestOp::kIs, std::string("injury"), true), a));
  a.onset = Onset::kInjury;
  EXPECT_TRUE(matches(test_of("onset", TestOp::kIs, std::string("injury")), a));
  EXPECT_FALSE(matches(test_of("onset", TestOp::kIs, std::string("gradual")), a));
  EXPECT_TRUE(matches(test_of("knee", TestOp::kIs, std::string("both")), a));
  EXPECT_FALSE(matches(test_of("location", TestOp::kHas, std::string("front")), a));
  a.location = {PainLocation::kInner, PainLocation::kFront};
  EXPECT_TRUE(matches(test_of("location", TestOp::kHas, std::string("front")), a));
  EXPECT_TRUE(matches(test_of("days", TestOp::kHas, std::string("sun")), a));
}

TEST(Condition, AllAnyNot) {
  Answers a;
  a.locked = true;
  const Condition locked = test_of("locked", TestOp::kIs, true);
  const Condition swollen = test_of("swelling", TestOp::kIs, true);
  EXPECT_TRUE(matches(all_of({}), a));
  EXPECT_FALSE(matches(any_of({}), a));
  EXPECT_FALSE(matches(all_of({locked, swollen}), a));
  EXPECT_TRUE(matches(any_of({locked, swollen}), a));
  EXPECT_TRUE(matches(not_of(swollen), a));
  EXPECT_FALSE(matches(not_of(locked), a));
  EXPECT_TRUE(matches(all_of({locked, not_of(swollen), any_of({swollen, locked})}), a));
}

TEST(FieldTest, RejectsWhatDoesNotFit) {
  EXPECT_EQ(error_of("hot_red_swolen", TestOp::kIs, true),
            "unknown answer field 'hot_red_swolen'; did you mean 'hot_red_swollen'?");
  EXPECT_THAT(error_of("zzzz", TestOp::kIs, true), HasSubstr("unknown answer field 'zzzz'"));
  EXPECT_THAT(error_of("version", TestOp::kIs, true), HasSubstr("unknown answer field 'version'"));
  EXPECT_THAT(error_of("swelling", TestOp::kIs, std::string("yes")), HasSubstr("expects true or false"));
  EXPECT_THAT(error_of("swelling", TestOp::kAtLeast, 1.0), HasSubstr("'swelling' is not a number"));
  EXPECT_THAT(error_of("age", TestOp::kIs, 55.0), HasSubstr("'is' does not apply to 'age'"));
  EXPECT_THAT(error_of("age", TestOp::kAtLeast, std::string("old")), HasSubstr("expects a number"));
  EXPECT_THAT(error_of("onset", TestOp::kIs, std::string("fall")), HasSubstr("expects \"gradual\" or \"injury\""));
  EXPECT_THAT(error_of("location", TestOp::kHas, std::string("top")), HasSubstr("'has' for 'location' expects one of"));
  EXPECT_THAT(error_of("swelling", TestOp::kHas, std::string("front")), HasSubstr("is not a list"));
  EXPECT_THAT(error_of("age", TestOp::kKnown, true), HasSubstr("'age' always has a value"));
  EXPECT_THAT(error_of("minutes_per_session", TestOp::kKnown, true), HasSubstr("always has a value"));
  EXPECT_THAT(error_of("swelling", TestOp::kIs, true, true), HasSubstr("'unknown' does not apply"));
  EXPECT_THAT(error_of("injury_days_ago", TestOp::kKnown, true, true), HasSubstr("'unknown' does not apply"));
}

TEST(FieldTest, TestNamesRoundTrip) {
  for (const auto& name : test_names()) EXPECT_EQ(to_string(*parse_test(name)), name);
  EXPECT_FALSE(parse_test("equals").has_value());
}

}  // namespace
}  // namespace kc
