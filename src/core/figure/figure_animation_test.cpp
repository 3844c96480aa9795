#include <gtest/gtest.h>

#include "core/figure/animation.h"

namespace kc::figure {
namespace {

ExercisePoses squat() {
  ExercisePoses p;
  p.exercise = "partial-squat";
  Keyframe start;
  start.name = "start";
  start.anchor = {"left-heel", "floor"};
  start.anchor_x = 0.3;
  Keyframe end = start;
  end.name = "end";
  end.pose[Joint::kTrunk] = 35;
  end.pose[Joint::kLeftHip] = end.pose[Joint::kRightHip] = 90;
  end.pose[Joint::kLeftKnee] = end.pose[Joint::kRightKnee] = 75;
  end.pose[Joint::kLeftAnkle] = end.pose[Joint::kRightAnkle] = 20;
  p.keyframes = {start, end};
  return p;
}

TEST(FigureAnimation, TimingFollowsTheTempoOrTheHold) {
  Dose reps;
  reps.tempo = Tempo{2, 1, 3};
  const RepTiming r = rep_timing(reps, 3);
  EXPECT_DOUBLE_EQ(r.up + r.hold + r.down, 6);
  Dose hold;
  hold.hold_seconds = 30;
  EXPECT_DOUBLE_EQ(rep_timing(hold, 3).hold, 3);
  EXPECT_DOUBLE_EQ(rep_timing(hold, 100).hold, 30);
}

TEST(FigureAnimation, PhasesRunStartToEndAndBack) {
  const RepTiming t{0.5, 2, 1, 2};
  EXPECT_EQ(rep_phase(t, 3, 0.2).from, 0u);
  const RepPhase up = rep_phase(t, 3, 0.5 + 1.5);  // second half of the way up: middle -> end
  EXPECT_EQ(up.from, 1u);
  EXPECT_EQ(up.to, 2u);
  const RepPhase hold = rep_phase(t, 3, 3.0);
  EXPECT_EQ(hold.from, 2u);
  const RepPhase down = rep_phase(t, 3, 3.5 + 0.5);  // first half of the way down: end -> middle
  EXPECT_EQ(down.from, 2u);
  EXPECT_EQ(down.to, 1u);
}

TEST(FigureAnimation, AnchoredFootStaysPutThroughTheMovement) {
  const ExercisePoses p = squat();
  const RepTiming t{0.5, 2, 1, 2};
  for (double s = 0; s <= t.total(); s += 0.25) {
    const auto body = body_at(p, t, s, std::nullopt, std::nullopt);
    ASSERT_TRUE(body.ok());
    const Sphere* heel = body->find("left-heel");
    EXPECT_NEAR(heel->center.y - heel->radius, 0, 1e-9) << s;
    EXPECT_NEAR(heel->center.x, 0.3, 1e-9) << s;
  }
}

TEST(FigureAnimation, RepSpansAreContiguousAndMarkFaults) {
  const RepTiming t{0.6, 2, 1, 3};
  const auto spans = rep_spans(3, t, 10, {2});
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].first_frame, 0);
  EXPECT_EQ(spans[0].last_frame, 65);
  EXPECT_EQ(spans[1].first_frame, 66);
  EXPECT_TRUE(spans[1].faulted);
  EXPECT_FALSE(spans[2].faulted);
}

TEST(FigureAnimation, AFaultShowsOnlyOnFaultedReps) {
  const ExercisePoses p = squat();
  const RepTiming t{0.5, 2, 1, 2};
  Cue c;
  c.id = "knee-not-past-toes";
  c.fault = "knee-past-toes";
  c.per_leg = true;
  c.fault_change = {{"{leg}-knee", 30}, {"{leg}-ankle", 25}};
  CueUse use;
  use.cue = c.id;
  use.both_legs = true;
  const Fault f{c, use};
  const auto clean = body_at(p, t, 3.0, std::nullopt, std::nullopt);
  const auto faulted = body_at(p, t, 3.0, f, std::nullopt);
  EXPECT_GT(faulted->find("left-knee")->center.x, clean->find("left-knee")->center.x + 0.1);
}

}  // namespace
}  // namespace kc::figure
