// The shipped triage rules (content/triage/rules.yaml), each alone and in combination.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <set>

#include "adapters/content/triage_loader.h"
#include "core/intake/parse.h"
#include "core/triage/advice.h"

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
       {"hot-swollen-operated-knee"}},
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
      {R"("fever_or_unwell": true, "swelling": true, "joint_replacement": true)",
       70,
       2,
       Level::kEmergency,
       {"hot-swollen-operated-knee", "swollen-knee"}},
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
      // Urgent: Ottawa findings that have not settled after the first week.
      {R"("onset": "injury", "injury_days_ago": 8, "can_bend_to_90": false)",
       33,
       2,
       Level::kUrgent,
       {"injury-cannot-bend-90"}},
      {R"("onset": "injury", "injury_days_ago": 42, "kneecap_or_fibula_tender": true)",
       40,
       2,
       Level::kUrgent,
       {"injury-tender-bone"}},
      // Urgent: other red flags.
      {R"("hot_red_swollen": true)", 40, 2, Level::kUrgent, {"hot-swollen-knee"}},
      {R"("fever_or_unwell": true, "swelling": true)",
       40,
       2,
       Level::kUrgent,
       {"fever-with-swollen-knee", "swollen-knee"}},
      {R"("fever_or_unwell": true)", 40, 2, Level::kUrgent, {"fever-or-unwell"}},
      {R"("calf_pain_or_swelling": true)", 40, 2, Level::kUrgent, {"calf-pain-or-swelling"}},
      {R"("calf_pain_or_swelling": true, "weeks_since_knee_surgery": 12)",
       40,
       2,
       Level::kUrgent,
       {"calf-pain-or-swelling"}},
      {R"("locked": true)", 40, 2, Level::kUrgent, {"locked-knee"}},
      {R"("can_walk_4_steps_now": false)", 40, 2, Level::kUrgent, {"cannot-bear-weight"}},
      {R"("onset": "gradual", "can_walk_4_steps_now": false)", 40, 2, Level::kUrgent, {"cannot-bear-weight"}},
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
      {R"("night_or_rest_pain": true)", 40, 2, Level::kUrgent, {"night-or-rest-pain"}},
      {R"("unexplained_weight_loss": true)", 40, 2, Level::kUrgent, {"unexplained-weight-loss"}},
      {R"("cancer_history": true, "pain_getting_worse": true)",
       40,
       2,
       Level::kUrgent,
       {"cancer-history-with-worsening-pain", "pain-getting-worse"}},
      {R"("cancer_history": true)", 40, 2, Level::kUrgent, {"cancer-history-with-new-pain"}},
      {R"("cancer_history": true, "duration_weeks": 11)", 40, 2, Level::kUrgent, {"cancer-history-with-new-pain"}},
      // See a clinician before starting.
      {R"("can_bend_to_90": false, "onset": "gradual")", 40, 2, Level::kSeeClinician, {"cannot-bend-90"}},
      {R"("can_bend_to_90": false, "onset": "injury", "injury_days_ago": 43)",
       40,
       2,
       Level::kSeeClinician,
       {"cannot-bend-90"}},
      {R"("kneecap_or_fibula_tender": true, "onset": "injury", "injury_days_ago": 100)",
       40,
       2,
       Level::kSeeClinician,
       {"tender-bone"}},
      {R"("kneecap_or_fibula_tender": true)", 40, 2, Level::kSeeClinician, {"tender-bone"}},  // onset not known
      {R"("onset": "injury", "injury_days_ago": 20, "pop_at_injury": true, "swelled_within_hours": true)",
       40,
       2,
       Level::kSeeClinician,
       {"pop-with-rapid-swelling"}},
      {R"("onset": "injury", "injury_days_ago": 20, "swelled_within_hours": true)",
       40,
       2,
       Level::kSeeClinician,
       {"rapid-swelling-after-injury"}},
      {R"("onset": "injury", "injury_days_ago": 20, "pop_at_injury": true)",
       40,
       2,
       Level::kSeeClinician,
       {"pop-at-injury"}},
      {R"("gives_way": true)", 40, 2, Level::kSeeClinician, {"gives-way"}},
      {R"("morning_stiffness_over_30_min": true)", 40, 2, Level::kSeeClinician, {"morning-stiffness"}},
      {R"("weeks_since_knee_surgery": 11.9)", 40, 2, Level::kSeeClinician, {"recent-knee-surgery"}},
      {R"("cancer_history": true, "duration_weeks": 12)", 40, 2, Level::kSeeClinician, {"cancer-history"}},
      {R"("sharp_pain": true)", 40, 2, Level::kSeeClinician, {"sharp-pain"}},
      {R"("pain_getting_worse": true)", 40, 2, Level::kSeeClinician, {"pain-getting-worse"}},
      {R"("swelling": true)", 40, 2, Level::kSeeClinician, {"swollen-knee"}},
      {R"("underlying_condition": true)", 40, 2, Level::kSeeClinician, {"underlying-condition"}},
      {"", 40, 8, Level::kSeeClinician, {"severe-pain"}},
      {R"("pain_worst_week": 9)", 40, 2, Level::kSeeClinician, {"severe-pain"}},
      {"", 15, 2, Level::kSeeClinician, {"young-person"}},
      {"", 12, 2, Level::kSeeClinician, {"young-person"}},
      {R"("onset": "gradual", "location": ["front", "back"])", 14, 2, Level::kSeeClinician, {"young-person"}},
      {R"("onset": "injury", "injury_days_ago": 30, "location": ["front"])",
       14,
       2,
       Level::kSeeClinician,
       {"young-person"}},
      // Caution: a gentle program may start.
      {R"("onset": "gradual", "location": ["front"])", 14, 2, Level::kCaution, {"young-person-front-knee"}},
      {R"("onset": "injury", "injury_days_ago": 13.9)", 40, 2, Level::kCaution, {"recent-injury"}},
      {R"("onset": "injury")", 40, 2, Level::kCaution, {"recent-injury"}},
      {"", 40, 6, Level::kCaution, {"high-pain"}},
      {"", 40, 7, Level::kCaution, {"high-pain"}},
      {R"("pain_worst_week": 8)", 40, 2, Level::kCaution, {"high-pain"}},
      {"", 75, 2, Level::kCaution, {"older-adult"}},
      {R"("joint_replacement": true)", 40, 2, Level::kCaution, {"knee-replacement"}},
      {R"("joint_replacement": true, "weeks_since_knee_surgery": 40)", 40, 2, Level::kCaution, {"knee-replacement"}},
      {R"("duration_weeks": 12.5)", 40, 2, Level::kCaution, {"long-lasting-pain"}},
      {R"("runner": true, "location": ["inner", "front"])", 40, 2, Level::kCaution, {"runner-front-knee-pain"}},
      // Go: nothing fires.
      {"", 40, 2, Level::kGo, {}},
      {"", 40, 5, Level::kGo, {}},  // 5 is the top of the acceptable band
      {"", 16, 2, Level::kGo, {}},
      {"", 74, 2, Level::kGo, {}},
      {"", 54, 2, Level::kGo, {}},
      {R"("onset": "gradual")", 60, 2, Level::kGo, {}},  // age alone is no flag without an injury
      {R"("onset": "gradual", "kneecap_or_fibula_tender": true)", 40, 2, Level::kGo, {}},  // kneecap pain
      {R"("onset": "injury", "injury_days_ago": 14)", 60, 2, Level::kGo, {}},
      {R"("weeks_since_knee_surgery": 12)", 40, 2, Level::kGo, {}},
      {R"("duration_weeks": 12)", 40, 2, Level::kGo, {}},
      {R"("runner": true, "location": ["inner"])", 40, 2, Level::kGo, {}},
      {R"("pain_worst_week": 5, "can_kneel": false, "can_get_down_to_floor": false)", 40, 2, Level::kGo, {}},
  };
  return kCases;
}

TEST(ShippedRules, EachCaseFiresExactlyItsRules) {
  for (const Case& c : cases()) {
    const auto result = triage(c.extra, c.age, c.pain_now);
    EXPECT_EQ(ids(result), c.rules) << c.extra << " age " << c.age << " pain " << c.pain_now;
    EXPECT_EQ(result.level, c.level) << c.extra << " age " << c.age << " pain " << c.pain_now;
    EXPECT_EQ(result.advice.rfind(level_advice(shipped(), c.level, {}), 0), 0U) << result.advice;
    EXPECT_EQ(result.advice.find('{'), std::string::npos) << result.advice;  // every placeholder filled
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
  // A referral lists only the reasons for it: the cautions do not fire.
  EXPECT_EQ(ids(result), (std::vector<std::string>{"deformity", "locked-knee", "sharp-pain"}));
  EXPECT_EQ(triage(R"("locked": true, "sharp_pain": true)", 80, 6).level, Level::kUrgent);
  EXPECT_EQ(triage(R"("sharp_pain": true)", 80, 6).level, Level::kSeeClinician);
  const auto caution = triage("", 80, 6);
  EXPECT_EQ(caution.level, Level::kCaution);
  EXPECT_EQ(ids(caution), (std::vector<std::string>{"high-pain", "older-adult"}));
}

TEST(ShippedRules, OttawaCriteriaCombine) {
  const auto result = triage(
      R"("onset": "injury", "injury_days_ago": 1, "kneecap_or_fibula_tender": true, "can_bend_to_90": false,
         "could_walk_4_steps_after_injury": false, "can_walk_4_steps_now": false, "pop_at_injury": true,
         "swelled_within_hours": true)",
      60, 6);
  EXPECT_EQ(result.level, Level::kUrgent);
  EXPECT_EQ(ids(result), (std::vector<std::string>{"ottawa-age-55", "ottawa-bony-tenderness", "ottawa-cannot-bend-90",
                                                   "ottawa-cannot-bear-weight", "pop-with-rapid-swelling"}));
}

TEST(ShippedRules, SevereAndHighPainDoNotBothFire) {
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

// ---- property: a referral says one thing -------------------------------------------------

// Words meant only for someone who may start exercising now.
const std::vector<std::string> kExerciseOnly{
    "easier versions", "fewer repetitions", "of this program",      "start gently", "start the",  "build up",
    "build strength",  "lighter effort",    "exercises like these", "cut back on",  "repetitions"};

// Timing words that contradict the headline of each referral level.
std::vector<std::string> too_slow_for(Level level) {
  switch (level) {
    case Level::kEmergency:
      return {"within days", "within weeks", "within the next week", "soon", "book an appointment"};
    case Level::kUrgent:
      return {"within weeks", "within the next week", " soon", "book an appointment"};
    case Level::kSeeClinician:
      return {"today", "same day", "straight away", " now"};
    default:
      return {};
  }
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A random but reproducible set of answers: every field of intake format v1 at a random value.
Answers random_answers(std::mt19937& rng) {
  auto coin = [&](int percent) { return std::uniform_int_distribution<int>(0, 99)(rng) < percent; };
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Answers a;
  a.age = pick(12, 110);
  a.pain_now = pick(0, 10);
  if (coin(70)) a.pain_worst_week = pick(0, 10);
  if (coin(70)) a.duration_weeks = pick(0, 200) / 2.0;
  if (coin(80)) a.onset = coin(50) ? Onset::kGradual : Onset::kInjury;
  if (coin(50)) a.injury_days_ago = pick(0, 120) / 2.0;
  for (int l = 0; l <= static_cast<int>(PainLocation::kWhole); ++l)
    if (coin(30)) a.location.push_back(static_cast<PainLocation>(l));
  for (bool* flag : {&a.kneecap_or_fibula_tender,
                     &a.pop_at_injury,
                     &a.swelled_within_hours,
                     &a.fever_or_unwell,
                     &a.hot_red_swollen,
                     &a.calf_pain_or_swelling,
                     &a.locked,
                     &a.gives_way,
                     &a.numb_or_cold_foot,
                     &a.deformity,
                     &a.night_or_rest_pain,
                     &a.unexplained_weight_loss,
                     &a.cancer_history,
                     &a.pain_getting_worse,
                     &a.sharp_pain,
                     &a.swelling,
                     &a.joint_replacement,
                     &a.morning_stiffness_over_30_min,
                     &a.underlying_condition,
                     &a.runner})
    *flag = coin(12);
  for (bool* flag : {&a.could_walk_4_steps_after_injury, &a.can_walk_4_steps_now, &a.can_bend_to_90}) *flag = !coin(10);
  if (coin(30)) a.weeks_since_knee_surgery = pick(0, 100);
  return a;
}

TEST(ReferralProperty, EveryReferralHoldsOnlyItsOwnReasonsAndTiming) {
  std::mt19937 rng(20261206);
  constexpr int kProfiles = 20000;
  int referrals = 0;
  for (int i = 0; i < kProfiles; ++i) {
    const Answers a = random_answers(rng);
    const TriageResult r = evaluate(a, shipped());
    ASSERT_EQ(r.reasons.empty(), r.level == Level::kGo) << "profile " << i;
    if (may_start_program(r.level)) continue;
    ++referrals;
    for (const auto& reason : r.reasons) {
      const auto rule = std::find_if(shipped().rules.begin(), shipped().rules.end(),
                                     [&](const Rule& x) { return x.id == reason.rule; });
      ASSERT_NE(rule, shipped().rules.end());
      EXPECT_FALSE(may_start_program(rule->level)) << reason.rule << " in a " << to_string(r.level) << " result";
      const std::string text = lower(reason.message);
      for (const auto& words : kExerciseOnly)
        EXPECT_EQ(text.find(words), std::string::npos) << reason.rule << " says \"" << words << "\" in a referral";
      for (const auto& words : too_slow_for(r.level))
        EXPECT_EQ(text.find(words), std::string::npos)
            << reason.rule << " says \"" << words << "\" under " << to_string(r.level);
    }
  }
  EXPECT_GT(referrals, kProfiles / 2);
  RecordProperty("referrals", referrals);
}

// Every referral rule's message on its own, whatever fires with it.
TEST(ReferralProperty, NoReferralRuleCarriesExerciseAdvice) {
  for (const auto& rule : shipped().rules) {
    if (may_start_program(rule.level)) continue;
    const std::string text = lower(rule.message);
    for (const auto& words : kExerciseOnly) EXPECT_EQ(text.find(words), std::string::npos) << rule.id;
    for (const auto& words : too_slow_for(rule.level)) EXPECT_EQ(text.find(words), std::string::npos) << rule.id;
  }
}

}  // namespace
}  // namespace kc
