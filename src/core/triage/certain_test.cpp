// certain_at_least: proven against every way of answering the open fields of small rule sets.
#include "core/triage/certain.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace kc {
namespace {

Condition is(std::string_view field, const Operand& operand) {
  auto c = field_test(field, TestOp::kIs, operand);
  EXPECT_TRUE(c.ok());
  return c.ok() ? *c : Condition{};
}

Condition below(std::string_view field, double operand, bool unknown_matches = false) {
  auto c = field_test(field, TestOp::kBelow, operand, unknown_matches);
  EXPECT_TRUE(c.ok());
  return c.ok() ? *c : Condition{};
}

Rule rule(std::string id, Level level, Condition condition) {
  Rule r;
  r.id = std::move(id);
  r.level = level;
  r.condition = std::move(condition);
  return r;
}

// The shape of the shipped infection rules: a hot knee is urgent without a fever and an
// emergency with one, or after an operation.
RuleSet hot_knee_rules() {
  RuleSet set;
  set.rules = {
      rule("with-fever", Level::kEmergency, all_of({is("hot_red_swollen", true), is("fever_or_unwell", true)})),
      rule("operated", Level::kEmergency,
           all_of({is("hot_red_swollen", true),
                   any_of({is("joint_replacement", true), below("weeks_since_knee_surgery", 12)})})),
      rule("hot", Level::kUrgent,
           all_of({is("hot_red_swollen", true), is("fever_or_unwell", false), is("joint_replacement", false),
                   not_of(below("weeks_since_knee_surgery", 12))})),
      rule("locked", Level::kUrgent, is("locked", true)),
      rule("gives-way", Level::kSeeClinician, is("gives_way", true)),
  };
  return set;
}

std::vector<const AnswerField*> fields(std::initializer_list<std::string_view> names) {
  std::vector<const AnswerField*> out;
  for (auto name : names) out.push_back(find_answer_field(name));
  return out;
}

const std::vector<const AnswerField*> kOpen =
    fields({"fever_or_unwell", "joint_replacement", "weeks_since_knee_surgery", "locked", "gives_way"});

TEST(Certain, AHotKneeIsAtLeastUrgentWhateverComesNextThoughNoSingleRuleHasFired) {
  Answers a;
  a.hot_red_swollen = true;
  EXPECT_TRUE(certain_at_least(Level::kUrgent, a, kOpen, hot_knee_rules()));
  EXPECT_FALSE(certain_at_least(Level::kEmergency, a, kOpen, hot_knee_rules()))
      << "no fever and no operation leaves it urgent";
}

TEST(Certain, NothingIsCertainWhileEveryWarningSignIsStillOpen) {
  EXPECT_FALSE(certain_at_least(Level::kUrgent, Answers{}, kOpen, hot_knee_rules()));
  EXPECT_FALSE(certain_at_least(Level::kSeeClinician, Answers{}, kOpen, hot_knee_rules()));
  EXPECT_TRUE(certain_at_least(Level::kGo, Answers{}, kOpen, hot_knee_rules()));
}

TEST(Certain, AFiredRuleOnAnsweredFieldsIsCertain) {
  Answers a;
  a.hot_red_swollen = true;
  a.fever_or_unwell = true;
  EXPECT_TRUE(certain_at_least(Level::kEmergency, a, fields({"joint_replacement", "locked"}), hot_knee_rules()));
}

TEST(Certain, ANumberIsTriedAtTheThresholdsTheRulesName) {
  Answers a;
  a.hot_red_swollen = true;
  a.fever_or_unwell = false;
  a.joint_replacement = false;
  // 11.5 weeks after an operation is an emergency, 12 is not: not certain either way.
  EXPECT_FALSE(certain_at_least(Level::kEmergency, a, fields({"weeks_since_knee_surgery"}), hot_knee_rules()));
  a.weeks_since_knee_surgery = 3;
  EXPECT_TRUE(certain_at_least(Level::kEmergency, a, {}, hot_knee_rules()));
}

TEST(Certain, AnOpenAnswerTheReadingDependsOnKeepsTheReadFieldOpen) {
  // An injury rule with onset answered "gradual": a later "pop" would be read as an injury.
  RuleSet set;
  set.rules = {rule("injury", Level::kUrgent, is("onset", std::string("injury")))};
  Answers a;
  a.onset = Onset::kGradual;
  EXPECT_FALSE(certain_at_least(Level::kUrgent, a, fields({"pop_at_injury"}), set));
  a.pop_at_injury = true;
  EXPECT_TRUE(certain_at_least(Level::kUrgent, a, {}, set)) << "read as an injury";
  // And the other way: a rule that needs "not an injury" is not certain while a pop may come.
  RuleSet gradual;
  gradual.rules = {rule("gradual", Level::kUrgent, is("onset", std::string("gradual")))};
  a.pop_at_injury = false;
  EXPECT_FALSE(certain_at_least(Level::kUrgent, a, fields({"pop_at_injury"}), gradual));
  EXPECT_TRUE(certain_at_least(Level::kUrgent, a, {}, gradual));
}

// Every way of answering the boolean fields in `open`, checked one by one.
bool brute_force(Level level, Answers a, const std::vector<const AnswerField*>& open, std::size_t i,
                 const RuleSet& rules) {
  if (i == open.size()) return !more_serious(level, evaluate(a, rules).level);
  for (bool v : {false, true}) {
    open[i]->set(a, FieldValue{v});
    if (!brute_force(level, a, open, i + 1, rules)) return false;
  }
  return true;
}

TEST(Certain, AgreesWithEveryWayOfAnsweringOnBooleanFields) {
  const auto open_all = fields({"hot_red_swollen", "fever_or_unwell", "joint_replacement", "locked", "gives_way"});
  RuleSet rules = hot_knee_rules();
  // Each of the 3^5 mixes of yes / no / still open.
  for (int code = 0; code < 243; ++code) {
    Answers a;
    std::vector<const AnswerField*> open;
    int c = code;
    for (const AnswerField* f : open_all) {
      const int state = c % 3;
      c /= 3;
      if (state == 2)
        open.push_back(f);
      else
        f->set(a, FieldValue{state == 1});
    }
    for (Level level : {Level::kEmergency, Level::kUrgent, Level::kSeeClinician}) {
      EXPECT_EQ(certain_at_least(level, a, open, rules), brute_force(level, a, open, 0, rules))
          << "case " << code << " level " << to_string(level);
    }
  }
}

}  // namespace
}  // namespace kc
