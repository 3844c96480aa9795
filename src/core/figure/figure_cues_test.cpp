#include <gtest/gtest.h>

#include "core/figure/cues.h"

namespace kc::figure {
namespace {

Cue trunk_upright() {
  Cue c;
  c.id = "trunk-upright";
  c.fault = "trunk-leaning";
  c.measure = Measure::kTilt;
  c.from = "lower-back";
  c.to = "neck-base";
  c.min = -15;
  c.max = 15;
  c.tolerance = 5;
  c.fault_change = {{"trunk", 35}, {"left-hip", 35}, {"right-hip", 35}};
  return c;
}

Cue knee_not_past_toes() {
  Cue c;
  c.id = "knee-not-past-toes";
  c.fault = "knee-past-toes";
  c.measure = Measure::kForwardOffset;
  c.from = "{leg}-toe";
  c.to = "{leg}-knee";
  c.max = 0.0;
  c.tolerance = 0.02;
  c.per_leg = true;
  c.fault_change = {{"{leg}-ankle", 25}, {"{leg}-knee", 30}};
  return c;
}

PosedBody placed(const Pose& p) {
  Keyframe k;
  k.pose = p;
  k.anchor = {"left-heel", "floor"};
  return *place(k, {});
}

TEST(FigureCues, BindsTheLeg) {
  EXPECT_EQ(bind_leg("{leg}-knee", Side::kRight), "right-knee");
  EXPECT_EQ(bind_leg("{other}-knee", Side::kRight), "left-knee");
}

TEST(FigureCues, TrunkUprightHoldsStandingAndBreaksWhenLeaning) {
  const Cue c = trunk_upright();
  Pose p;
  EXPECT_FALSE(cue_problem(c, std::nullopt, p, placed(p)).has_value());
  const Pose lean = apply_fault(p, c.fault_change, std::nullopt, 1.0);
  const auto problem = cue_problem(c, std::nullopt, lean, placed(lean));
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("trunk-upright"), std::string::npos);
  EXPECT_NEAR(*measure_cue(c, std::nullopt, lean, placed(lean)), 35, 0.5);
}

TEST(FigureCues, KneePastToesIsMeasuredAlongTheFacingDirection) {
  const Cue c = knee_not_past_toes();
  Pose squat;
  squat[Joint::kTrunk] = 35;
  squat[Joint::kLeftHip] = 90;
  squat[Joint::kLeftKnee] = 75;
  squat[Joint::kLeftAnkle] = 20;
  EXPECT_FALSE(cue_problem(c, Side::kLeft, squat, placed(squat)).has_value());
  const Pose faulted = apply_fault(squat, c.fault_change, Side::kLeft, 1.0);
  EXPECT_TRUE(cue_problem(c, Side::kLeft, faulted, placed(faulted)).has_value());
  // Turned to face the other way, the same pose still keeps the knee behind the toes.
  Pose turned = squat;
  turned[Joint::kYaw] = 180;
  EXPECT_FALSE(cue_problem(c, Side::kLeft, turned, placed(turned)).has_value());
}

TEST(FigureCues, FaultsScaleWithAmountAndStayWithinLimits) {
  Pose p;
  const Pose half = apply_fault(p, {{"left-knee", 40}}, std::nullopt, 0.5);
  EXPECT_DOUBLE_EQ(half[Joint::kLeftKnee], 20);
  const Pose over = apply_fault(p, {{"left-knee", 400}}, std::nullopt, 1.0);
  EXPECT_DOUBLE_EQ(over[Joint::kLeftKnee], spec(Joint::kLeftKnee).max);
}

TEST(FigureCues, UnknownLandmarksAreErrors) {
  Cue c = trunk_upright();
  c.from = "elbow-of-doom";
  Pose p;
  EXPECT_FALSE(measure_cue(c, std::nullopt, p, placed(p)).ok());
}

}  // namespace
}  // namespace kc::figure
