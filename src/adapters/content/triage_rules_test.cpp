// The shipped triage rules (content/triage/rules.yaml), each alone and in combination.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "adapters/content/triage_loader.h"
#include "core/intake/parse.h"

namespace kc {
namespace {

const RuleSet& shipped() {
  static const RuleSet kRules = [] {
    auto set = content::load_rule_set(KNEECOACH_TEST_CONTENT_DIR);
    EXPECT_TRUE(set.ok()) << set.error().message;
    return set.ok() ? *set : RuleSet{};
  }();
  return kRules;
}

// Triage of the base answers (age 40, left knee, pain 2) with `extra` JSON fields added.
TriageResult triage(const std::string& extra, int age = 40, int pain_now = 2) {
  std::string json = "{\"version\": 1, \"age\": " + std::to_string(age) +
                     ", \"knee\": \"left\", \"pain_now\": " + std::to_string(pain_now);
  if (!extra.empty()) json += ", " + extra;
  json += "}";
  auto answers = parse_answers(json);
  EXPECT_TRUE(answers.ok()) << json << ": " << (answers.ok() ? "" : answers.error().message);
  return evaluate(answers.ok() ? *answers : Answers{}, shipped());
}

std::vector<std::string> ids(const TriageResult& r) {
  std::vector<std::string> out;
  for (const auto& reason : r.reasons) out.push_back(reason.rule);
  return out;
}

struct Case {
  std::string extra;
  int age;
  int pain_now;
  Level level;
  std::vector<std::string> rules;
};

// Each case fires exactly `rules` (in file order) with the result `level`.
const std::vector<Case>& cases() {
  static const std::vector<Case> kCases{
      // Emergency.
      {R"("numb_or_cold_foot": true)", 40, 2, Level::kEmergency, {"numb-or-cold-foot"}},
      {R"("deformity": true)", 40, 2, Level::kEmergency, {"deformity"}},
      {R"("hot_red_swollen": true, "fever_or_unwell": true)",
       40,
       2,
       Level::kEmergency,
       {"hot-swollen-knee-with-fever"}},
      {R"("hot_red_swollen": true, "joint_replacement": true)",
       40,
       2,
       Level::kEmergency,
       {"hot-swollen-operated-knee", "knee-replacement"}},
      {R"("hot_red_swollen": true, "weeks_since_knee_surgery": 3)",
       40,
       2,
       Level::kEmergency,
       {"hot-swollen-operated-knee", "recent-knee-surgery"}},
      {R"("calf_pain_or_swelling": true, "weeks_since_knee_surgery": 4)",
       40,
       2,
       Level::kEmergency,
       {"calf-pain-after-surgery", "recent-knee-surgery"}},
      // Urgent: the Ottawa knee rule within 7 days of an injury.
      {R"("onset": "injury", "injury_days_ago": 3)", 55, 2, Level::kUrgent, {"ottawa-age-55"}},
      {R"("onset": "injury", "injury_days_ago": 7, "kneecap_or_fibula_tender": true)",
       40,
       2,
       Level::kUrgent,
       {"ottawa-bony-tenderness"}},
      {R"("onset": "injury", "kneecap_or_fibula_tender": true)",
       40,
       2,
       Level::kUrgent,
       {"ottawa-bony-tenderness"}},  // days not known: counted as recent
      {R"("injury_days_ago": 2, "kneecap_or_fibula_tender": true)",
       40,
       2,
       Level::kUrgent,
       {"ottawa-bony-tenderness"}},  // onset left out, but an injury date given
      {R"("onset": "injury", "injury_days_ago": 1, "can_bend_to_90": false)",
       40,
       2,
       Level::kUrgent,
       {"ottawa-cannot-bend-90"}},
      {R"("onset": "injury", "injury_days_ago": 0, "could_walk_4_steps_after_injury": false,
          "can_walk_4_steps_now": false)",
       40,
       2,
       Level::kUrgent,
       {"ottawa-cannot-bear-weight"}},
      {R"("onset": "injury", "injury_days_ago": 2, "can_walk_4_steps_now": false)",
       40,
       2,
       Level::kUrgent,
       {"cannot-walk-after-injury"}},
      {R"("onset": "injury", "injury_days_ago": 30, "could_walk_4_steps_after_injury": false,
          "can_walk_4_steps_now": false)",
       40,
       2,
       Level::kUrgent,
       {"cannot-walk-after-injury"}},
      // Urgent: other red flags.
      {R"("hot_red_swollen": true)", 40, 2, Level::kUrgent, {"hot-swollen-knee"}},
      {R"("fever_or_unwell": true, "swelling": true)",
       40,
       2,
       Level::kUrgent,
       {"fever-with-swollen-knee", "swollen-knee"}},
      {R"("calf_pain_or_swelling": true)", 40, 2, Level::kUrgent, {"calf-pain-or-swelling"}},
      {R"("calf_pain_or_swelling": true, "weeks_since_knee_surgery": 12)",
       40,
       2,
       Level::kUrgent,
       {"calf-pain-or-swelling"}},
      {R"("locked": true)", 40, 2, Level::kUrgent, {"locked-knee"}},
      {R"("night_or_rest_pain": true, "unexplained_weight_loss": true)",
       40,
       2,
       Level::kUrgent,
       {"night-pain-with-weight-loss-or-cancer"}},
      {R"("night_or_rest_pain": true, "cancer_history": true)",
       40,
       2,
       Level::kUrgent,
       {"night-pain-with-weight-loss-or-cancer"}},
      {R"("cancer_history": true, "pain_getting_worse": true)",
       40,
       2,
       Level::kUrgent,
       {"cancer-history-with-worsening-pain", "pain-getting-worse"}},
      // See a clinician before starting.
      {R"("can_walk_4_steps_now": false)", 40, 2, Level::kSeeClinician, {"cannot-bear-weight"}},
      {R"("onset": "gradual", "can_walk_4_steps_now": false)", 40, 2, Level::kSeeClinician, {"cannot-bear-weight"}},
      {R"("fever_or_unwell": true)", 40, 2, Level::kSeeClinician, {"fever-or-unwell"}},
      {R"("onset": "injury", "injury_days_ago": 20, "pop_at_injury": true, "swelled_within_hours": true)",
       40,
       2,
       Level::kSeeClinician,
       {"pop-with-rapid-swelling"}},
      {R"("onset": "injury", "injury_days_ago": 20, "pop_at_injury": true)",
       40,
       2,
       Level::kSeeClinician,
       {"pop-at-injury"}},
      {R"("gives_way": true)", 40, 2, Level::kSeeClinician, {"gives-way"}},
      {R"("morning_stiffness_over_30_min": true)", 40, 2, Level::kSeeClinician, {"morning-stiffness"}},
      {R"("weeks_since_knee_surgery": 11.9)", 40, 2, Level::kSeeClinician, {"recent-knee-surgery"}},
      {R"("unexplained_weight_loss": true)", 40, 2, Level::kSeeClinician, {"unexplained-weight-loss"}},
      {R"("night_or_rest_pain": true)", 40, 2, Level::kSeeClinician, {"night-or-rest-pain"}},
      {R"("cancer_history": true)", 40, 2, Level::kSeeClinician, {"cancer-history"}},
      {R"("sharp_pain": true)", 40, 2, Level::kSeeClinician, {"sharp-pain"}},
      {R"("pain_getting_worse": true)", 40, 2, Level::kSeeClinician, {"pain-getting-worse"}},
      {R"("swelling": true)", 40, 2, Level::kSeeClinician, {"swollen-knee"}},
      {R"("underlying_condition": true)", 40, 2, Level::kSeeClinician, {"underlying-condition"}},
      {"", 40, 8, Level::kSeeClinician, {"severe-pain"}},
      {R"("pain_worst_week": 9)", 40, 2, Level::kSeeClinician, {"severe-pain"}},
      {"", 15, 2, Level::kSeeClinician, {"young-person"}},
      {"", 12, 2, Level::kSeeClinician, {"young-person"}},
      // Caution: a gentle program may start.
      {"", 40, 5, Level::kCaution, {"moderate-pain"}},
      {"", 40, 7, Level::kCaution, {"moderate-pain"}},
      {R"("pain_worst_week": 8)", 40, 2, Level::kCaution, {"moderate-pain"}},
      {"", 75, 2, Level::kCaution, {"older-adult"}},
      {R"("joint_replacement": true)", 40, 2, Level::kCaution, {"knee-replacement"}},
      {R"("joint_replacement": true, "weeks_since_knee_surgery": 40)", 40, 2, Level::kCaution, {"knee-replacement"}},
      {R"("duration_weeks": 12.5)", 40, 2, Level::kCaution, {"long-lasting-pain"}},
      {R"("runner": true, "location": ["inner", "front"])", 40, 2, Level::kCaution, {"runner-front-knee-pain"}},
      // Go: nothing fires.
      {"", 40, 2, Level::kGo, {}},
      {"", 40, 4, Level::kGo, {}},
      {"", 16, 2, Level::kGo, {}},
      {"", 74, 2, Level::kGo, {}},
      {"", 54, 2, Level::kGo, {}},
      {R"("onset": "gradual")", 60, 2, Level::kGo, {}},  // age alone is no flag without an injury
      {R"("onset": "injury", "injury_days_ago": 8, "kneecap_or_fibula_tender": true, "can_bend_to_90": false)",
       60,
       2,
       Level::kGo,
       {}},  // Ottawa applies within 7 days only
      {R"("weeks_since_knee_surgery": 12)", 40, 2, Level::kGo, {}},
      {R"("duration_weeks": 12)", 40, 2, Level::kGo, {}},
      {R"("runner": true, "location": ["inner"])", 40, 2, Level::kGo, {}},
      {R"("pain_worst_week": 6, "can_kneel": false, "can_get_down_to_floor": false)", 40, 2, Level::kGo, {}},
  };
  return kCases;
}

TEST(ShippedRules, EachCaseFiresExactlyItsRules) {
  for (const Case& c : cases()) {
    const auto result = triage(c.extra, c.age, c.pain_now);
    EXPECT_EQ(ids(result), c.rules) << c.extra << " age " << c.age << " pain " << c.pain_now;
    EXPECT_EQ(result.level, c.level) << c.extra << " age " << c.age << " pain " << c.pain_now;
    EXPECT_EQ(result.advice, shipped().advice_for(c.level));
  }
}

TEST(ShippedRules, EveryRuleIsCoveredByACase) {
  std::set<std::string> fired;
  for (const Case& c : cases()) fired.insert(c.rules.begin(), c.rules.end());
  for (const auto& rule : shipped().rules) EXPECT_TRUE(fired.count(rule.id)) << "no case for " << rule.id;
}

TEST(ShippedRules, MostSeriousWinsWhenCombined) {
  const auto result =
      triage(R"("deformity": true, "locked": true, "sharp_pain": true, "runner": true, "location": ["front"])", 80, 6);
  EXPECT_EQ(result.level, Level::kEmergency);
  EXPECT_EQ(ids(result), (std::vector<std::string>{"deformity", "locked-knee", "sharp-pain", "moderate-pain",
                                                   "older-adult", "runner-front-knee-pain"}));
  EXPECT_EQ(triage(R"("locked": true, "sharp_pain": true)", 80, 6).level, Level::kUrgent);
  EXPECT_EQ(triage(R"("sharp_pain": true)", 80, 6).level, Level::kSeeClinician);
  const auto caution = triage("", 80, 6);
  EXPECT_EQ(caution.level, Level::kCaution);
  EXPECT_EQ(ids(caution), (std::vector<std::string>{"moderate-pain", "older-adult"}));
}

TEST(ShippedRules, OttawaCriteriaCombine) {
  const auto result = triage(
      R"("onset": "injury", "injury_days_ago": 1, "kneecap_or_fibula_tender": true, "can_bend_to_90": false,
         "could_walk_4_steps_after_injury": false, "can_walk_4_steps_now": false, "pop_at_injury": true,
         "swelled_within_hours": true)",
      60, 6);
  EXPECT_EQ(result.level, Level::kUrgent);
  EXPECT_EQ(ids(result),
            (std::vector<std::string>{"ottawa-age-55", "ottawa-bony-tenderness", "ottawa-cannot-bend-90",
                                      "ottawa-cannot-bear-weight", "pop-with-rapid-swelling", "moderate-pain"}));
}

TEST(ShippedRules, SevereAndModeratePainDoNotBothFire) {
  EXPECT_EQ(ids(triage(R"("pain_worst_week": 9)", 40, 6)), std::vector<std::string>{"severe-pain"});
  EXPECT_EQ(ids(triage(R"("pain_worst_week": 7)", 40, 8)), std::vector<std::string>{"severe-pain"});
}

TEST(ShippedRules, EmergencyAndUrgentResultsAlwaysExplainThemselves) {
  for (const Case& c : cases()) {
    const auto result = triage(c.extra, c.age, c.pain_now);
    if (result.level == Level::kGo) {
      EXPECT_TRUE(result.reasons.empty());
    } else {
      EXPECT_FALSE(result.reasons.empty());
    }
  }
}

}  // namespace
}  // namespace kc
