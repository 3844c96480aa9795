// When to make an exercise harder, in words: the step step_up takes, and the review's goal.
#include "core/tracking/next_step.h"

#include <gtest/gtest.h>

#include "core/tracking/review.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

const CanDo kAll = [](const Exercise&) { return true; };

TEST(NextStep, IsTheStepUpFromTheDoseInForce) {
  const Catalog c = testing::test_catalog();
  const Exercise& squat = *c.find("squat");
  EXPECT_EQ(next_step(squat, squat.dose, c, kAll, std::nullopt), "more reps: 10 -> 12 (up to 15)");
  EXPECT_EQ(next_step(squat, testing::reps_dose(2, 12, 15), c, kAll, testing::day(3)),
            "more reps: 12 -> 14 (up to 15), not before Thu 13 Mar");
}

TEST(NextStep, AtTheTopNamesTheHarderChangeOrAPhysiotherapist) {
  const Catalog c = testing::test_catalog();
  const Exercise& calf = *c.find("calf-stretch");
  EXPECT_EQ(next_step(calf, testing::hold_dose(1, 3, 45, 45), c, kAll, std::nullopt),
            "it is at its top dose; to make it harder: lean further into the wall");
  const Exercise& step = *c.find("step-up");
  EXPECT_EQ(next_step(step, testing::reps_dose(3, 12, 12), c, kAll, std::nullopt),
            "it is at its top dose; ask a physiotherapist what comes next");
}

TEST(NextStep, TheConditionCarriesTheRulesNumbers) {
  EXPECT_NE(step_up_condition().find("2/10 or less"), std::string::npos);
  EXPECT_NE(step_up_condition().find("every 7 days"), std::string::npos);
}

TEST(ReviewGoal, IsTwoPointsOrThirtyPercentWhicheverIsLess) {
  EXPECT_EQ(review_goal(6),
            "your usual pain should have fallen by at least 2 points or 30% (from 6/10 to 4/10 or less)");
  EXPECT_NE(review_goal(3).find("from 3/10 to 2/10 or less"), std::string::npos);
  EXPECT_NE(review_goal(0).find("no pain at the start"), std::string::npos);
}

}  // namespace
}  // namespace kc::tracking
