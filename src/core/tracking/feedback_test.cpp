// What the person said after a session, through the progression rules (docs/progression.md,
// "What the person said"), on scripted sessions.
#include "core/tracking/feedback.h"

#include <gtest/gtest.h>

#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

using store::DoseDecision;
using store::ExerciseFeedback;
using testing::Script;

class Feedback : public ::testing::Test {
 protected:
  // Session A on day n with pain during `pain`; the person says `said` of the squat.
  store::Id session(int n, int pain, ExerciseFeedback said) {
    const auto id = s.session(n, pain);
    for (auto& log : s.h.logs) {
      if (log.session == id && log.exercise_id == "squat") log.feedback = said;
    }
    return id;
  }
  Catalog catalog = testing::test_catalog();
  Script s;
};

TEST(FeedbackWords, ReadOnlyTheStoredWords) {
  EXPECT_EQ(feedback_from_word("too-easy"), ExerciseFeedback::kTooEasy);
  EXPECT_EQ(feedback_from_word("too-hard"), ExerciseFeedback::kTooHard);
  EXPECT_EQ(feedback_from_word("hurt"), ExerciseFeedback::kHurt);
  EXPECT_EQ(feedback_from_word(""), ExerciseFeedback::kNone);
  EXPECT_EQ(feedback_from_word("easy"), std::nullopt);
  EXPECT_EQ(feedback_words(ExerciseFeedback::kHurt), "it hurt");
}

TEST_F(Feedback, ItHurtEasesAtOnceEvenWithLowPainAndNeverStepsUp) {
  const auto id = session(0, 1, ExerciseFeedback::kHurt);
  const auto j = s.after(id, catalog);
  const auto& squat = Script::of(j, "squat").decision;
  EXPECT_EQ(squat.decision, DoseDecision::kEase);
  EXPECT_EQ(squat.rule, "said-it-hurt");
  EXPECT_EQ(squat.to.reps, 8);
  EXPECT_NE(squat.reason.find("you said it hurt"), std::string::npos);
  EXPECT_EQ(Script::of(j, "calf-stretch").decision.rule, "await-check-in");  // only what was said of
  EXPECT_EQ(Script::of(s.check_in(1, 1, catalog), "squat").decision.rule, "already-changed");
}

TEST_F(Feedback, ItHurtAtTheEasiestDoseHoldsAndSaysWhatToDo) {
  s.h.plan.sessions[0].exercises[0].dose = testing::reps_dose(1, 5, 15);
  catalog = Catalog({testing::make_exercise("squat", Kind::kStrength, testing::reps_dose(1, 5, 15)),
                     testing::make_exercise("calf-stretch", Kind::kStretch, testing::hold_dose(1, 3, 30, 45))});
  const auto j = s.after(session(0, 1, ExerciseFeedback::kHurt), catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "said-it-hurt-at-easiest");
  EXPECT_NE(Script::of(j, "squat").decision.reason.find("physiotherapist"), std::string::npos);
  // At the check-in the pain rules would step it up; what was said keeps it.
  const auto next = Script::of(s.check_in(1, 1, catalog), "squat").decision;
  EXPECT_EQ(next.rule, "said-it-hurt-no-step-up");
  EXPECT_FALSE(next.changed());
}

TEST_F(Feedback, TooMuchPainKeepsItsOwnReasonWhenThePersonAlsoSaidItHurt) {
  const auto j = s.after(session(0, 7, ExerciseFeedback::kHurt), catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "too-much-pain");
}

TEST_F(Feedback, TooHardEasesAfterTheSession) {
  const auto j = s.after(session(0, 0, ExerciseFeedback::kTooHard), catalog);
  const auto& squat = Script::of(j, "squat").decision;
  EXPECT_EQ(squat.decision, DoseDecision::kEase);
  EXPECT_EQ(squat.rule, "said-too-hard");
  EXPECT_NE(squat.reason.find("fewer reps: 10 -> 8"), std::string::npos);
}

TEST_F(Feedback, TooEasyWaitsForTheCheckInThenStepsUpWithinTheWeek) {
  session(0, 1, ExerciseFeedback::kNone);
  EXPECT_EQ(Script::of(s.check_in(1, 1, catalog), "squat").decision.rule, "step-up");  // 10 -> 12
  const auto id = session(2, 1, ExerciseFeedback::kTooEasy);
  EXPECT_EQ(Script::of(s.after(id, catalog), "squat").decision.rule, "said-too-easy-await-check-in");
  const auto j = s.check_in(3, 1, catalog);
  const auto& squat = Script::of(j, "squat").decision;
  EXPECT_EQ(squat.rule, "said-too-easy");
  EXPECT_EQ(squat.decision, DoseDecision::kProgress);
  EXPECT_EQ(squat.to.reps, 14);
  EXPECT_NE(squat.reason.find("too easy"), std::string::npos);
}

TEST_F(Feedback, TooEasyQuotesThePersonsSafePainNotTheUsualOne) {
  const auto usual = session(0, 1, ExerciseFeedback::kTooEasy);
  EXPECT_NE(Script::of(s.after(usual, catalog), "squat").decision.reason.find("was 2 or less"), std::string::npos);
  s.h.pain_limit = acceptable_pain(1);
  const auto id = session(2, 1, ExerciseFeedback::kTooEasy);
  const auto j = s.after(id, catalog);
  const auto& said = Script::of(j, "squat").decision;
  EXPECT_EQ(said.rule, "said-too-easy-await-check-in");
  EXPECT_NE(said.reason.find("was 1 or less and has settled by the morning (your clinician set a ceiling of 1/10)"),
            std::string::npos)
      << said.reason;
}

TEST_F(Feedback, TooEasyOfAnExerciseNotDoneSaysSoAndKeepsTheDose) {
  const auto id = s.session(0, 1, {store::ExerciseOutcome::kSkipped, store::ExerciseOutcome::kDone});
  for (auto& log : s.h.logs) log.feedback = ExerciseFeedback::kTooEasy;
  const auto j = s.after(id, catalog);
  const auto& squat = Script::of(j, "squat").decision;
  EXPECT_EQ(squat.rule, "said-too-easy-not-done");
  EXPECT_FALSE(squat.changed());
}

TEST_F(Feedback, TooEasyNeverOverridesThePainRules) {
  session(0, 4, ExerciseFeedback::kTooEasy);  // acceptable pain: hold until 2 or less
  EXPECT_EQ(Script::of(s.check_in(1, 1, catalog), "squat").decision.rule, "acceptable-pain");
  session(2, 1, ExerciseFeedback::kTooEasy);  // not settled by the morning: ease
  EXPECT_EQ(Script::of(s.check_in(3, 6, catalog), "squat").decision.rule, "not-settled");
}

}  // namespace
}  // namespace kc::tracking
