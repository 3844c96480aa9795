// Every branch of the progression rules (docs/progression.md), on scripted weeks of pain.
#include "core/tracking/progression.h"

#include <gtest/gtest.h>

#include "core/plan/dosing.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

using store::DoseDecision;
using store::ExerciseOutcome;
using testing::Script;

class Progression : public ::testing::Test {
 protected:
  Catalog catalog = testing::test_catalog();
  Script s;
};

TEST(PainZones, BoundariesFollowThePainMonitoringModel) {
  EXPECT_EQ(pain_band(0), PainBand::kLow);
  EXPECT_EQ(pain_band(2), PainBand::kLow);
  EXPECT_EQ(pain_band(3), PainBand::kModerate);
  EXPECT_EQ(pain_band(5), PainBand::kModerate);
  EXPECT_EQ(pain_band(6), PainBand::kHigh);
  EXPECT_EQ(pain_band(10), PainBand::kHigh);
}

TEST(PainZones, AClinicianCeilingLowersTheAcceptableBand) {
  const PainLimit usual = acceptable_pain(std::nullopt);
  EXPECT_EQ(usual.most, kModeratePainMax);
  EXPECT_FALSE(usual.from_clinician());
  const PainLimit three = acceptable_pain(3);
  EXPECT_EQ(three.most, 3);
  EXPECT_EQ(pain_band(2, three), PainBand::kLow);
  EXPECT_EQ(pain_band(3, three), PainBand::kModerate);
  EXPECT_EQ(pain_band(4, three), PainBand::kHigh);
  const PainLimit one = acceptable_pain(1);
  EXPECT_EQ(pain_band(1, one), PainBand::kLow);
  EXPECT_EQ(pain_band(2, one), PainBand::kHigh);
  EXPECT_EQ(pain_band(0, acceptable_pain(0)), PainBand::kLow);
  EXPECT_EQ(pain_band(1, acceptable_pain(0)), PainBand::kHigh);
  EXPECT_EQ(acceptable_pain(9).most, kModeratePainMax);  // a ceiling never raises the limit
  EXPECT_EQ(pain_limit_why(three), "your clinician set a ceiling of 3/10");
  EXPECT_EQ(pain_stop_advice(three),
            "Stop an exercise if the pain goes above 3 out of 10 (your clinician set a ceiling of 3/10), or turns "
            "sharp.");
  EXPECT_NE(pain_scale_help(three).find("above 3 is too much"), std::string::npos);
  EXPECT_EQ(pain_stop_advice(usual), "Stop an exercise if the pain goes above 5 out of 10, or turns sharp.");
}

TEST_F(Progression, AClinicianCeilingEasesPainTheUsualBandWouldAccept) {
  s.h.pain_limit = acceptable_pain(3);
  const auto id = s.session(0, 4);  // acceptable under the usual 5, too much under a ceiling of 3
  const auto j = s.after(id, catalog);
  const auto& squat = Script::of(j, "squat");
  EXPECT_EQ(squat.decision.decision, DoseDecision::kEase);
  EXPECT_EQ(squat.decision.rule, "too-much-pain");
  EXPECT_NE(squat.decision.reason.find("4/10 (too much), above 3: your clinician set a ceiling of 3/10"),
            std::string::npos)
      << squat.decision.reason;
}

TEST_F(Progression, AClinicianCeilingExplainsTheHoldAndTheStepUp) {
  s.h.pain_limit = acceptable_pain(3);
  s.session(0, 3);
  auto j = s.check_in(1, 2, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "acceptable-pain");
  EXPECT_NE(Script::of(j, "squat").decision.reason.find("your clinician set a ceiling of 3/10"), std::string::npos)
      << Script::of(j, "squat").decision.reason;
  s.session(8, 1);
  j = s.check_in(9, 2, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "step-up");
  EXPECT_NE(Script::of(j, "squat").decision.reason.find("within the ceiling of 3/10 your clinician set"),
            std::string::npos)
      << Script::of(j, "squat").decision.reason;
}

TEST_F(Progression, AfterSessionTooMuchPainEasesAtOnce) {
  const auto id = s.session(0, 7);
  const auto j = s.after(id, catalog);
  const auto& squat = Script::of(j, "squat");
  EXPECT_EQ(squat.decision.decision, DoseDecision::kEase);
  EXPECT_EQ(squat.decision.rule, "too-much-pain");
  EXPECT_EQ(squat.decision.to.reps, 8);  // 10 - max(2, 10/5)
  EXPECT_NE(squat.decision.reason.find("7/10"), std::string::npos);
  const auto& calf = Script::of(j, "calf-stretch");
  EXPECT_EQ(calf.decision.rule, "too-much-pain");
  EXPECT_EQ(*calf.decision.to.hold_seconds, 23);  // 30 - max(5, 30/4)
  EXPECT_EQ(s.dose("squat").dose.reps, 8);
}

TEST_F(Progression, AfterSessionAcceptablePainWaitsForTheCheckIn) {
  const auto id = s.session(0, 4);
  const auto j = s.after(id, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "await-check-in");
  EXPECT_FALSE(Script::of(j, "squat").decision.changed());
}

TEST_F(Progression, AfterSessionSkippedExerciseIsNotJudged) {
  const auto id = s.session(0, 8, {ExerciseOutcome::kSkipped, ExerciseOutcome::kDone});
  const auto j = s.after(id, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "not-done");
  EXPECT_EQ(Script::of(j, "calf-stretch").decision.rule, "too-much-pain");
}

TEST_F(Progression, CheckInDoesNotChangeTwiceForOneSession) {
  const auto id = s.session(0, 7);
  s.after(id, catalog);
  const auto j = s.check_in(1, 6, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "already-changed");
  EXPECT_EQ(s.dose("squat").dose.reps, 8);
}

TEST_F(Progression, SafePainSettledByMorningStepsUpReps) {
  s.session(0, 1);
  const auto j = s.check_in(1, 2, catalog);
  const auto& squat = Script::of(j, "squat");
  EXPECT_EQ(squat.decision.decision, DoseDecision::kProgress);
  EXPECT_EQ(squat.decision.rule, "step-up");
  EXPECT_EQ(squat.decision.to.reps, 12);
  EXPECT_NE(squat.decision.reason.find("more reps: 10 -> 12 (up to 15)"), std::string::npos);
}

TEST_F(Progression, NextMorningAboveUsualEases) {
  s.session(0, 2);
  const auto j = s.check_in(1, 5, catalog);  // usual = baseline 4
  const auto& squat = Script::of(j, "squat");
  EXPECT_EQ(squat.decision.decision, DoseDecision::kEase);
  EXPECT_EQ(squat.decision.rule, "not-settled");
  EXPECT_NE(squat.decision.reason.find("above your usual 4/10"), std::string::npos);
}

TEST_F(Progression, UsualLevelIsTheLatestPainNowBeforeTheSession) {
  s.rate(store::kPainNow, 0, 1, 7);
  s.session(0, 1);
  const auto j = s.check_in(1, 2, catalog);  // 2 > usual 1
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "not-settled");
}

TEST_F(Progression, TooMuchPainReportedOnlyAtCheckInEases) {
  // The session ended without the after-session step (e.g. the player was killed).
  s.session(0, 6);
  const auto j = s.check_in(1, 3, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "too-much-pain");
  EXPECT_EQ(Script::of(j, "squat").decision.decision, DoseDecision::kEase);
}

TEST_F(Progression, AcceptablePainHolds) {
  s.session(0, 4);
  const auto j = s.check_in(1, 3, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "acceptable-pain");
  EXPECT_FALSE(Script::of(j, "squat").decision.changed());
}

TEST_F(Progression, NoPainRatingHolds) {
  s.session(0, std::nullopt);
  const auto j = s.check_in(1, 1, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "no-pain-rating");
}

TEST_F(Progression, PartlyDoneHolds) {
  s.session(0, 1, {ExerciseOutcome::kPartly, ExerciseOutcome::kDone});
  const auto j = s.check_in(1, 1, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "not-completed");
  EXPECT_EQ(Script::of(j, "calf-stretch").decision.rule, "step-up");
}

TEST_F(Progression, NoSessionYesterdayHolds) {
  s.session(0, 1);
  const auto j = s.check_in(3, 1, catalog);  // three days later: not a next-morning check-in
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "not-done");
}

TEST_F(Progression, ASecondCheckInDoesNotJudgeTheSameSessionAgain) {
  s.session(0, 1);
  s.check_in(1, 1, catalog);
  const auto j = s.check_in(1, 1, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "not-done");
}

TEST_F(Progression, AtMostOneStepUpAWeek) {
  s.session(0, 1);
  s.check_in(1, 1, catalog);  // step up
  s.session(2, 1);
  const auto j = s.check_in(3, 1, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "changed-this-week");
  s.session(7, 1);
  const auto k = s.check_in(8, 1, catalog);
  EXPECT_EQ(Script::of(k, "squat").decision.rule, "step-up");
  EXPECT_EQ(s.dose("squat").dose.reps, 14);
}

TEST_F(Progression, PainRisingWeekOnWeekEases) {
  // Week 1: settled mornings at 1; week 2: mornings at 3 (still at or below the usual 4).
  s.session(0, 1);
  s.check_in(1, 1, catalog);  // step up (day 1)
  s.check_in(3, 1, catalog);
  s.check_in(8, 3, catalog);
  s.session(9, 1);
  const auto j = s.check_in(10, 3, catalog);
  const auto& squat = Script::of(j, "squat");
  EXPECT_EQ(squat.decision.rule, "rising-week-on-week");
  EXPECT_EQ(squat.decision.decision, DoseDecision::kEase);
  EXPECT_NE(squat.decision.reason.find("rose from 1.0 to"), std::string::npos);
}

TEST_F(Progression, PainRisingRightAfterAChangeHolds) {
  s.check_in(1, 1, catalog);
  s.check_in(3, 1, catalog);
  s.session(7, 7);
  s.after(s.h.sessions.back().id, catalog);  // eased on day 7
  s.check_in(8, 3, catalog);                 // already changed for that session
  const auto j = s.check_in(10, 3, catalog);
  EXPECT_EQ(Script::of(j, "squat").decision.rule, "rising-recently-changed");
  EXPECT_FALSE(Script::of(j, "squat").decision.changed());
}

TEST_F(Progression, StepUpOrderRepsThenHoldsThenSetsThenHarderVariant) {
  std::string why;
  const Exercise& squat = *catalog.find("squat");
  Dose d = testing::reps_dose(2, 14, 15);
  auto up = step_up(squat, d, catalog, s.all, why);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->second.reps, 15);  // capped at reps_max
  d.reps = 15;
  up = step_up(squat, d, catalog, s.all, why);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->second.sets, 3);  // strength: another set, up to 3
  EXPECT_NE(why.find("another set"), std::string::npos);
  d.sets = 3;
  up = step_up(squat, d, catalog, s.all, why);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->first, "step-up");
  EXPECT_EQ(up->second.sets, 2);  // the variant's catalog dose, one set fewer
  EXPECT_NE(why.find("harder version"), std::string::npos);

  const Exercise& calf = *catalog.find("calf-stretch");
  Dose h = testing::hold_dose(1, 3, 40, 45);
  up = step_up(calf, h, catalog, s.all, why);
  ASSERT_TRUE(up);
  EXPECT_EQ(*up->second.hold_seconds, 45);
  EXPECT_NE(why.find("longer holds"), std::string::npos);
}

TEST_F(Progression, HarderVariantTheyCannotDoIsNotOffered) {
  std::string why;
  const CanDo no_step = [](const Exercise& e) { return e.id != "step-up"; };
  EXPECT_FALSE(step_up(*catalog.find("squat"), testing::reps_dose(3, 15, 15), catalog, no_step, why));
}

TEST_F(Progression, AtTheTopHoldsAndNamesTheHarderParameter) {
  store::DoseChange top;
  top.plan = 1;
  top.exercise_id = "calf-stretch";
  top.now_doing = "calf-stretch";
  top.decision = DoseDecision::kProgress;
  top.to = testing::hold_dose(1, 3, 45, 45);
  top.date = testing::day(-10);
  s.h.changes.push_back(top);
  s.session(0, 0);
  const auto j = s.check_in(1, 0, catalog);
  const auto& calf = Script::of(j, "calf-stretch");
  EXPECT_EQ(calf.decision.rule, "at-top");
  EXPECT_NE(calf.decision.reason.find("lean further into the wall"), std::string::npos);
}

TEST_F(Progression, StepDownOrderRepsHoldsBreathsHoldCountSetsThenEasierVariant) {
  std::string why;
  const Exercise& squat = *catalog.find("squat");
  auto down = step_down(squat, testing::reps_dose(2, 6, 15), catalog, s.all, why);
  ASSERT_TRUE(down);
  EXPECT_EQ(down->second.reps, kc::kMinReps);
  down = step_down(squat, testing::reps_dose(2, 5, 15), catalog, s.all, why);
  ASSERT_TRUE(down);
  EXPECT_EQ(down->second.sets, 1);
  down = step_down(squat, testing::reps_dose(1, 5, 15), catalog, s.all, why);
  ASSERT_TRUE(down);
  EXPECT_EQ(down->first, "chair-squat");
  EXPECT_NE(why.find("easier version"), std::string::npos);

  const Exercise& calf = *catalog.find("calf-stretch");
  down = step_down(calf, testing::hold_dose(1, 3, 12, 45), catalog, s.all, why);
  ASSERT_TRUE(down);
  EXPECT_EQ(*down->second.hold_seconds, kMinHoldSeconds);
  down = step_down(calf, testing::hold_dose(1, 3, 10, 45), catalog, s.all, why);
  ASSERT_TRUE(down);
  EXPECT_EQ(down->second.reps, 2);
  EXPECT_NE(why.find("fewer holds"), std::string::npos);
  EXPECT_FALSE(step_down(calf, testing::hold_dose(1, 1, 10, 45), catalog, s.all, why));

  const Exercise& pose = *catalog.find("child-pose");
  down = step_down(pose, pose.dose, catalog, s.all, why);
  ASSERT_TRUE(down);
  EXPECT_EQ(*down->second.hold_breaths, 4);
}

TEST_F(Progression, EaseAtTheEasiestHoldsAndSaysSo) {
  store::DoseChange bottom;
  bottom.plan = 1;
  bottom.exercise_id = "calf-stretch";
  bottom.now_doing = "calf-stretch";
  bottom.decision = DoseDecision::kEase;
  bottom.to = testing::hold_dose(1, 1, 10, 45);
  bottom.date = testing::day(-10);
  s.h.changes.push_back(bottom);
  const auto id = s.session(0, 8);
  const auto j = s.after(id, catalog);
  const auto& calf = Script::of(j, "calf-stretch");
  EXPECT_EQ(calf.decision.rule, "too-much-pain-at-easiest");
  EXPECT_FALSE(calf.decision.changed());
  EXPECT_NE(calf.decision.reason.find("physiotherapist"), std::string::npos);
}

TEST_F(Progression, AVariantSwapIsFollowedByLaterRules) {
  store::DoseChange swap;
  swap.plan = 1;
  swap.exercise_id = "squat";
  swap.now_doing = "step-up";
  swap.decision = DoseDecision::kProgress;
  swap.to = testing::reps_dose(2, 10, 12);
  swap.date = testing::day(-10);
  s.h.changes.push_back(swap);
  s.session(0, 1);
  const auto j = s.check_in(1, 1, catalog);
  const auto& squat = Script::of(j, "squat");
  EXPECT_EQ(squat.name, "step-up");
  EXPECT_EQ(squat.decision.to.reps, 12);  // the step-up's own ceiling
  EXPECT_EQ(s.dose("squat").exercise_id, "step-up");
}

TEST_F(Progression, SixScriptedWeeksOfSettledSafePainProgressSteadily) {
  for (int week = 0; week < 6; ++week) {
    for (int d : {0, 2, 4}) {
      s.session(week * 7 + d, 1);
      s.check_in(week * 7 + d + 1, 1, catalog);
    }
  }
  // One step a week: 10 -> 12 -> 14 -> 15 reps, then a third set, then the harder variant.
  EXPECT_EQ(s.dose("squat").exercise_id, "step-up");
  int steps = 0;
  for (const auto& c : s.h.changes) {
    if (c.exercise_id == "squat") {
      EXPECT_EQ(c.decision, DoseDecision::kProgress);
      ++steps;
    }
  }
  EXPECT_EQ(steps, 6);
}

}  // namespace
}  // namespace kc::tracking
