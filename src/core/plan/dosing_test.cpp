#include "core/plan/dosing.h"

#include <gtest/gtest.h>

#include "core/plan/plan_test_support.h"

namespace kc {
namespace {

Profile profile(int pain, Level level) {
  Answers a = plan_test::well_equipped();
  a.pain_now = pain;
  return make_profile(a, level);
}

Exercise strength() { return plan_test::simple_exercise("s", Kind::kStrength, {"quadriceps"}); }

TEST(PlanDosing, PainBandsAndCautionStepTheDoseDown) {
  const Exercise e = strength();  // 2 sets of 10
  // The bands of core/common/pain.h: 0-2 low, 3-5 moderate, 6-10 high.
  EXPECT_EQ(profile(2, Level::kGo).dose_steps, 0);
  EXPECT_EQ(profile(3, Level::kGo).dose_steps, 1);
  EXPECT_EQ(profile(5, Level::kGo).dose_steps, 1);
  EXPECT_EQ(profile(6, Level::kGo).dose_steps, 2);
  EXPECT_EQ(profile(2, Level::kCaution).dose_steps, 1);
  EXPECT_EQ(profile(9, Level::kCaution).dose_steps, 3);
  Dose d = starting_dose(e, profile(0, Level::kGo));
  EXPECT_EQ(d.sets * d.reps, 20);
  d = starting_dose(e, profile(5, Level::kGo));
  EXPECT_EQ(d.sets, 1);
  EXPECT_EQ(d.reps, 10);
  d = starting_dose(e, profile(8, Level::kGo));
  EXPECT_EQ(d.reps, 8);
  d = starting_dose(e, profile(8, Level::kCaution));
  EXPECT_EQ(d.reps, 6);
}

TEST(PlanDosing, NeverBelowFiveRepsUnlessTheCatalogSaysFewer) {
  Exercise e = strength();
  e.dose.reps = 6;
  EXPECT_EQ(starting_dose(e, profile(9, Level::kCaution)).reps, 5);
  e.dose.reps = 3;
  EXPECT_EQ(starting_dose(e, profile(9, Level::kCaution)).reps, 3);
}

TEST(PlanDosing, StretchHoldsAreClampedTo30To60Seconds) {
  Exercise e = plan_test::simple_exercise("x", Kind::kStretch, {"hamstrings"});
  e.dose.hold_seconds = 20;
  e.dose.hold_seconds_max = 90;
  Dose d = starting_dose(e, profile(8, Level::kCaution));
  EXPECT_EQ(*d.hold_seconds, 30);
  EXPECT_EQ(*d.hold_seconds_max, 60);
  e.dose.hold_seconds.reset();
  e.dose.hold_seconds_max.reset();
  e.dose.hold_breaths = 3;
  d = starting_dose(e, profile(0, Level::kGo));
  EXPECT_EQ(hold_time(d), 30);
  e.dose.hold_breaths = 20;
  EXPECT_EQ(hold_time(starting_dose(e, profile(0, Level::kGo))), 60);
}

TEST(PlanDosing, MinimumAndStepping) {
  const Exercise e = strength();
  const Dose full = e.dose;
  Dose d = minimum_dose(e, full);
  EXPECT_EQ(d.sets, 1);
  EXPECT_TRUE(step_toward(d, full));
  EXPECT_EQ(d.sets, 2);
  EXPECT_FALSE(step_toward(d, full));
  const Exercise s = plan_test::simple_exercise("x", Kind::kStretch, {"hamstrings"});
  EXPECT_EQ(minimum_dose(s, s.dose).reps, 1);
  const Exercise m = plan_test::simple_exercise("m", Kind::kMobility, {"tibialis-anterior"});
  EXPECT_EQ(dose_time(minimum_dose(m, m.dose)), dose_time(m.dose));
}

}  // namespace
}  // namespace kc
