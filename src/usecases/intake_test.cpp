#include "usecases/intake.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "adapters/content/triage_loader.h"

namespace kc::usecases {
namespace {

std::vector<std::string> ids(const std::vector<const Question*>& qs) {
  std::vector<std::string> out;
  out.reserve(qs.size());
  for (const Question* q : qs) out.push_back(q->id);
  return out;
}

// The shipped rules (content/triage/rules.yaml).
const RuleSet& rules() {
  static const RuleSet kRules = [] {
    auto loaded = content::load_rule_set(KNEECOACH_TEST_CONTENT_DIR);
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    return loaded.ok() ? std::move(loaded).value() : RuleSet{};
  }();
  return kRules;
}

bool has(const std::vector<const Question*>& qs, const std::string& id) {
  const auto list = ids(qs);
  return std::find(list.begin(), list.end(), id) != list.end();
}

TEST(IntakeTurn, StartsAtTheFirstQuestion) {
  auto turn = intake_turn({}, "", rules());
  ASSERT_TRUE(turn.ok());
  ASSERT_NE(turn->next, nullptr);
  EXPECT_EQ(turn->next->id, questionnaire().front().id);
  EXPECT_FALSE(has(turn->relevant, "injury_days_ago")) << "injury questions wait for an injury";
  EXPECT_TRUE(has(turn->relevant, "joint_replacement"));
}

TEST(IntakeTurn, NamesTheNextRelevantQuestionInTheTerminalsOrder) {
  auto turn = intake_turn({{"age", "46"}, {"knee", "right"}}, "knee", rules());
  ASSERT_TRUE(turn.ok());
  ASSERT_NE(turn->next, nullptr);
  EXPECT_EQ(turn->next->id, "pain_now");
  EXPECT_EQ(turn->answers.age, 46);
}

TEST(IntakeTurn, AnInjuryOpensItsQuestionsAndAGradualStartDropsTheirAnswers) {
  auto injury = intake_turn({{"onset", "injury"}}, "onset", rules());
  ASSERT_TRUE(injury.ok());
  ASSERT_NE(injury->next, nullptr);
  EXPECT_EQ(injury->next->id, "injury_days_ago");
  auto changed = intake_turn({{"onset", "gradual"}, {"pop_at_injury", "yes"}}, "onset", rules());
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed->answers.pop_at_injury) << "an answer to a question no longer asked is dropped";
  EXPECT_EQ(changed->given.size(), 1U);
  EXPECT_NE(changed->next->id, "injury_days_ago");
}

TEST(IntakeTurn, RefusesAnAnswerWithTheTerminalsWords) {
  auto turn = intake_turn({{"age", "200"}}, "age", rules());
  ASSERT_FALSE(turn.ok());
  EXPECT_EQ(turn.error().code, errc::kInvalid);
  EXPECT_EQ(turn.error().field, "age");
  EXPECT_EQ(turn.error().message, validate_answer(*find_question("age"), "200").error().message);
  auto unknown = intake_turn({{"shoe_size", "9"}}, "", rules());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "shoe_size");
}

TEST(IntakeTurn, EndsAfterTheLastRelevantQuestion) {
  auto turn = intake_turn({}, questionnaire().back().id, rules());
  ASSERT_TRUE(turn.ok());
  EXPECT_EQ(turn->next, nullptr);
}

TEST(IntakeTurn, ASkipWordLeavesTheAnswerNotKnown) {
  auto turn = intake_turn({{"pain_worst_week", "not sure"}}, "pain_worst_week", rules());
  ASSERT_TRUE(turn.ok());
  ASSERT_EQ(turn->given.size(), 1U);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(turn->given[0].second));
}

// The walk-through: a gradual pain, then "yes" to a hot, red, swollen knee at question 13.
TypedAnswers gradual_until_hot_knee() {
  return {{"age", "46"},
          {"knee", "right"},
          {"pain_now", "6"},
          {"pain_worst_week", "8"},
          {"duration_weeks", "2"},
          {"location", "front"},
          {"onset", "gradual"},
          {"can_walk_4_steps_now", "yes"},
          {"can_bend_to_90", "yes"},
          {"locked", "no"},
          {"gives_way", "no"},
          {"swelling", "yes"},
          {"hot_red_swollen", "yes"}};
}

TEST(IntakeTurn, AHotSwollenKneeStopsTheQuestionsAtOnceWithTheReferral) {
  auto before = gradual_until_hot_knee();
  before.pop_back();
  auto going = intake_turn(before, "swelling", rules());
  ASSERT_TRUE(going.ok());
  ASSERT_NE(going->next, nullptr);
  EXPECT_EQ(going->next->id, "hot_red_swollen");
  EXPECT_FALSE(going->stopped.has_value());

  auto turn = intake_turn(gradual_until_hot_knee(), "hot_red_swollen", rules());
  ASSERT_TRUE(turn.ok());
  EXPECT_EQ(turn->next, nullptr) << "no fever question or 17 more after it";
  ASSERT_TRUE(turn->stopped.has_value());
  EXPECT_EQ(turn->stopped->level, Level::kUrgent);
  ASSERT_FALSE(turn->stopped->reasons.empty());
  EXPECT_EQ(turn->stopped->reasons.front().rule, "hot-swollen-knee");
  EXPECT_EQ(turn->given.size(), 13U);
}

// Issue 14: a person the hot knee stopped, later cleared for it, answers the questions left; a
// new warning sign still stops them.
TEST(IntakeTurn, AClearedSignNoLongerStopsButANewOneDoes) {
  const std::vector<std::string> cleared{"hot-swollen-knee"};
  auto turn = intake_turn(gradual_until_hot_knee(), "hot_red_swollen", rules(), cleared);
  ASSERT_TRUE(turn.ok());
  EXPECT_FALSE(turn->stopped.has_value());
  ASSERT_NE(turn->next, nullptr);
  EXPECT_EQ(turn->next->id, "fever_or_unwell");

  auto typed = gradual_until_hot_knee();
  typed.emplace_back("fever_or_unwell", "no");
  typed.emplace_back("calf_pain_or_swelling", "yes");
  auto calf = intake_turn(typed, "calf_pain_or_swelling", rules(), cleared);
  ASSERT_TRUE(calf.ok());
  EXPECT_EQ(calf->next, nullptr);
  ASSERT_TRUE(calf->stopped.has_value());
  ASSERT_FALSE(calf->stopped->reasons.empty());
  EXPECT_EQ(calf->stopped->reasons.front().rule, "calf-pain-or-swelling");
}

TEST(IntakeTurn, AnEmergencySignStopsWithTheEmergency) {
  auto typed = gradual_until_hot_knee();
  typed.back().second = "no";
  typed.emplace_back("fever_or_unwell", "no");
  typed.emplace_back("calf_pain_or_swelling", "no");
  typed.emplace_back("numb_or_cold_foot", "yes");
  auto turn = intake_turn(typed, "numb_or_cold_foot", rules());
  ASSERT_TRUE(turn.ok());
  ASSERT_TRUE(turn->stopped.has_value());
  EXPECT_EQ(turn->stopped->level, Level::kEmergency);
}

TEST(IntakeTurn, NoWarningSignAsksEveryQuestion) {
  TypedAnswers typed;
  std::string last;
  int asked = 0;
  while (true) {
    auto turn = intake_turn(typed, last, rules());
    ASSERT_TRUE(turn.ok());
    EXPECT_FALSE(turn->stopped.has_value()) << "stopped after " << last;
    if (turn->next == nullptr) break;
    const Question& q = *turn->next;
    std::string answer = q.kind == AnswerKind::kYesNo ? "no" : q.skip_word.empty() ? "1" : q.skip_word;
    if (q.id == "age") answer = "40";
    if (q.id == "can_walk_4_steps_now" || q.id == "can_bend_to_90" || q.id == "can_kneel" ||
        q.id == "can_get_down_to_floor")
      answer = "yes";
    if (q.id == "minutes_per_session") answer = "20";
    typed.emplace_back(q.id, answer);
    last = q.id;
    ++asked;
  }
  EXPECT_EQ(asked, 32) << "every question of a gradual knee pain";
}

// A plausible typed answer to `q`, chosen at random (warning signs included).
std::string random_answer(const Question& q, std::mt19937& rng) {
  auto pick = [&](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
  };
  const std::string skip = q.skip_word.empty() ? "1" : q.skip_word;
  switch (q.kind) {
    case AnswerKind::kYesNo:
      return pick({"yes", "no", "no", "no"});
    case AnswerKind::kWholeNumber:
      if (q.id == "age") return pick({"20", "54", "55", "80"});
      if (q.id == "minutes_per_session") return "20";
      return pick({"0", "3", "5", "8", "10", skip});
    case AnswerKind::kNumber:
      return pick({"0", "3", "7", "7.5", "11.5", "12", "20", "42", "43", skip});
    case AnswerKind::kOneOf:
    case AnswerKind::kManyOf:
      return std::to_string(std::uniform_int_distribution<std::size_t>(1, q.choices.size())(rng));
  }
  return "";
}

TEST(IntakeTurn, EveryStopHoldsWhateverTheQuestionsLeftWouldHaveBeenAnswered) {
  std::mt19937 rng(14);
  int stops = 0;
  for (int walk = 0; walk < 80; ++walk) {
    TypedAnswers typed;
    std::string last;
    std::optional<IntakeTurn> stopped;
    while (true) {
      auto turn = intake_turn(typed, last, rules());
      ASSERT_TRUE(turn.ok()) << turn.error().message;
      if (turn->stopped) {
        stopped = std::move(turn).value();
        break;
      }
      if (turn->next == nullptr) break;
      typed.emplace_back(turn->next->id, random_answer(*turn->next, rng));
      last = turn->next->id;
    }
    if (!stopped) continue;
    ++stops;
    EXPECT_FALSE(may_start_program(stopped->stopped->level));
    // Finish the questionnaire at random many times: never below the stop level.
    for (int finish = 0; finish < 10; ++finish) {
      TypedAnswers all = typed;
      std::string at = last;
      while (true) {
        auto turn = intake_turn(all, at, rules());
        ASSERT_TRUE(turn.ok());
        const Question* next = turn->next;
        if (next == nullptr) {
          // Past the stop: the questions the person was spared, answered one way.
          const auto* q = [&]() -> const Question* {
            for (const Question* r : turn->relevant)
              if (std::none_of(all.begin(), all.end(), [&](const auto& t) { return t.first == r->id; })) return r;
            return nullptr;
          }();
          if (q == nullptr) {
            const TriageResult result = evaluate(turn->answers, rules());
            EXPECT_FALSE(more_serious(kStopLevel, result.level)) << "walk " << walk << " finish " << finish;
            break;
          }
          next = q;
        }
        all.emplace_back(next->id, random_answer(*next, rng));
        at = next->id;
      }
    }
  }
  EXPECT_GT(stops, 10) << "the walks meet warning signs";
}

// The answers of `typed` read into a document's values, and the ids it gives.
std::pair<Answers, std::vector<std::string>> document_of(const TypedAnswers& typed) {
  auto turn = intake_turn(typed, "", rules());
  EXPECT_TRUE(turn.ok());
  std::vector<std::string> given;
  given.reserve(turn->given.size());
  for (const auto& [id, value] : turn->given) given.push_back(id);
  return {turn->answers, given};
}

// Issue 14: `kneecoach intake` stopped at the hot knee writes the 13 answers given; `kneecoach
// cleared` must ask the 18 never asked, not build from their defaults.
TEST(EarlyStop, FindsADocumentThatEndsAtItsWarningSign) {
  const auto [answers, given] = document_of(gradual_until_hot_knee());
  auto early = early_stop(answers, given, rules());
  ASSERT_TRUE(early.ok()) << early.error().message;
  ASSERT_TRUE(early->has_value());
  EXPECT_EQ((*early)->question, "hot_red_swollen");
  EXPECT_EQ((*early)->typed.size(), 13U);
  EXPECT_EQ((*early)->stopped.level, Level::kUrgent);
  ASSERT_FALSE((*early)->stopped.reasons.empty());
  EXPECT_EQ((*early)->stopped.reasons.front().rule, "hot-swollen-knee");
  // Going on from it asks the question after the stop.
  auto turn = intake_turn((*early)->typed, (*early)->question, rules(), {"hot-swollen-knee"});
  ASSERT_TRUE(turn.ok());
  ASSERT_NE(turn->next, nullptr);
  EXPECT_EQ(turn->next->id, "fever_or_unwell");
}

TEST(EarlyStop, ADocumentThatGoesOnPastItsSignIsWhole) {
  auto typed = gradual_until_hot_knee();
  typed.emplace_back("equipment", "chair, wall");  // a later question answered: not stopped there
  const auto [answers, given] = document_of(typed);
  auto early = early_stop(answers, given, rules());
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->has_value());
}

TEST(EarlyStop, ADocumentWithNoStopIsWhole) {
  auto typed = gradual_until_hot_knee();
  typed.back().second = "no";
  const auto [answers, given] = document_of(typed);
  auto early = early_stop(answers, given, rules());
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->has_value());
}

}  // namespace
}  // namespace kc::usecases
