#include "usecases/intake.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kc::usecases {
namespace {

std::vector<std::string> ids(const std::vector<const Question*>& qs) {
  std::vector<std::string> out;
  out.reserve(qs.size());
  for (const Question* q : qs) out.push_back(q->id);
  return out;
}

bool has(const std::vector<const Question*>& qs, const std::string& id) {
  const auto list = ids(qs);
  return std::find(list.begin(), list.end(), id) != list.end();
}

TEST(IntakeTurn, StartsAtTheFirstQuestion) {
  auto turn = intake_turn({}, "");
  ASSERT_TRUE(turn.ok());
  ASSERT_NE(turn->next, nullptr);
  EXPECT_EQ(turn->next->id, questionnaire().front().id);
  EXPECT_FALSE(has(turn->relevant, "injury_days_ago")) << "injury questions wait for an injury";
  EXPECT_TRUE(has(turn->relevant, "joint_replacement"));
}

TEST(IntakeTurn, NamesTheNextRelevantQuestionInTheTerminalsOrder) {
  auto turn = intake_turn({{"age", "46"}, {"knee", "right"}}, "knee");
  ASSERT_TRUE(turn.ok());
  ASSERT_NE(turn->next, nullptr);
  EXPECT_EQ(turn->next->id, "pain_now");
  EXPECT_EQ(turn->answers.age, 46);
}

TEST(IntakeTurn, AnInjuryOpensItsQuestionsAndAGradualStartDropsTheirAnswers) {
  auto injury = intake_turn({{"onset", "injury"}}, "onset");
  ASSERT_TRUE(injury.ok());
  ASSERT_NE(injury->next, nullptr);
  EXPECT_EQ(injury->next->id, "injury_days_ago");
  auto changed = intake_turn({{"onset", "gradual"}, {"pop_at_injury", "yes"}}, "onset");
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed->answers.pop_at_injury) << "an answer to a question no longer asked is dropped";
  EXPECT_EQ(changed->given.size(), 1U);
  EXPECT_NE(changed->next->id, "injury_days_ago");
}

TEST(IntakeTurn, RefusesAnAnswerWithTheTerminalsWords) {
  auto turn = intake_turn({{"age", "200"}}, "age");
  ASSERT_FALSE(turn.ok());
  EXPECT_EQ(turn.error().code, errc::kInvalid);
  EXPECT_EQ(turn.error().field, "age");
  EXPECT_EQ(turn.error().message, validate_answer(*find_question("age"), "200").error().message);
  auto unknown = intake_turn({{"shoe_size", "9"}}, "");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "shoe_size");
}

TEST(IntakeTurn, EndsAfterTheLastRelevantQuestion) {
  auto turn = intake_turn({}, questionnaire().back().id);
  ASSERT_TRUE(turn.ok());
  EXPECT_EQ(turn->next, nullptr);
}

TEST(IntakeTurn, ASkipWordLeavesTheAnswerNotKnown) {
  auto turn = intake_turn({{"pain_worst_week", "not sure"}}, "pain_worst_week");
  ASSERT_TRUE(turn.ok());
  ASSERT_EQ(turn->given.size(), 1U);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(turn->given[0].second));
}

}  // namespace
}  // namespace kc::usecases
