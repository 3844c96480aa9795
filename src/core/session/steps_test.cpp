#include "core/session/steps.h"

#include <gtest/gtest.h>

#include <numeric>

#include "core/session/test_exercises.h"

namespace kc::session {
namespace {

Millis total(const std::vector<Step>& steps) {
  return std::accumulate(steps.begin(), steps.end(), Millis{0},
                         [](Millis sum, const Step& s) { return sum + s.duration; });
}

TEST(BuildSteps, RepsArePacedAtTheTempoWithoutZeroPhases) {
  Dose d = rep_dose(1, 2, Sides::kBoth, Tempo{2, 0, 3});
  const auto steps = build_steps({make_exercise("bridge", d)});
  ASSERT_EQ(steps.size(), 5u);  // card, (up, down) x 2
  EXPECT_EQ(steps[0].kind, StepKind::kGetReady);
  EXPECT_EQ(steps[1].phase, Phase::kUp);
  EXPECT_EQ(steps[1].duration, Millis{2000});
  EXPECT_EQ(steps[2].phase, Phase::kDown);
  EXPECT_EQ(steps[2].duration, Millis{3000});
  EXPECT_FALSE(steps[1].completes_unit);
  EXPECT_TRUE(steps[2].completes_unit);
  EXPECT_TRUE(steps[4].completes_set);
  EXPECT_EQ(steps[3].rep, 2);
  EXPECT_EQ(total(steps), Timing{}.get_ready + Millis{10'000});
}

TEST(BuildSteps, EachSideSwitchesWithinEverySetAndRestsBetweenSets) {
  Dose d = rep_dose(2, 1, Sides::kEach, Tempo{1, 1, 1});
  d.rest_seconds = 30;
  const auto steps = build_steps({make_exercise("slr", d)});
  std::vector<StepKind> kinds;
  std::vector<Side> sides;
  for (const auto& s : steps) {
    if (s.kind == StepKind::kMove && s.phase != Phase::kUp) continue;
    kinds.push_back(s.kind);
    sides.push_back(s.side);
  }
  const std::vector<StepKind> want = {StepKind::kGetReady, StepKind::kMove, StepKind::kSwitch, StepKind::kMove,
                                      StepKind::kRest,     StepKind::kMove, StepKind::kSwitch, StepKind::kMove};
  EXPECT_EQ(kinds, want);
  EXPECT_EQ(sides[1], Side::kRight);
  EXPECT_EQ(sides[3], Side::kLeft);
  EXPECT_EQ(sides[5], Side::kRight);
  const auto rest = std::find_if(steps.begin(), steps.end(), [](const Step& s) { return s.kind == StepKind::kRest; });
  EXPECT_EQ(rest->duration, Millis{30'000});
  int sets_completed = 0;
  for (const auto& s : steps) sets_completed += s.completes_set ? 1 : 0;
  EXPECT_EQ(sets_completed, 2);
}

TEST(BuildSteps, AlternateSidesTakeTurnsRepByRep) {
  Dose d = rep_dose(1, 2, Sides::kAlternate, Tempo{1, 0, 1});
  const auto steps = build_steps({make_exercise("march", d)});
  std::vector<Side> order;
  for (const auto& s : steps)
    if (s.kind == StepKind::kMove && s.phase == Phase::kUp) order.push_back(s.side);
  EXPECT_EQ(order, (std::vector<Side>{Side::kRight, Side::kLeft, Side::kRight, Side::kLeft}));
  EXPECT_EQ(planned_units(d), 4);
}

TEST(BuildSteps, HoldsInSecondsHaveAReleaseBetweenThem) {
  const auto steps = build_steps({make_exercise("calf", hold_dose(1, 2, Sides::kBoth, 30))});
  ASSERT_EQ(steps.size(), 4u);  // card, hold, release, hold
  EXPECT_EQ(steps[1].kind, StepKind::kHold);
  EXPECT_EQ(steps[1].duration, Millis{30'000});
  EXPECT_EQ(steps[2].kind, StepKind::kRelease);
  EXPECT_EQ(steps[2].duration, Timing{}.release);
  EXPECT_TRUE(steps[3].completes_unit);
}

TEST(BuildSteps, AHoldDoseRestsItsRestSecondsBetweenHolds) {
  Dose d = hold_dose(1, 3, Sides::kBoth, 20);
  d.rest_seconds = 30;  // wall sit: "rest about 30 seconds between holds"
  const auto steps = build_steps({make_exercise("wall-sit", d)});
  int rests = 0;
  for (const auto& s : steps) rests += s.kind == StepKind::kRest && s.duration == Millis{30'000} ? 1 : 0;
  EXPECT_EQ(rests, 2);
}

TEST(BuildSteps, HoldsInBreathsAreCountedBreathByBreath) {
  Dose d = hold_dose(1, 1, Sides::kBoth, 0);
  d.hold_seconds.reset();
  d.hold_breaths = 5;
  const auto steps = build_steps({make_exercise("reach", d)});
  ASSERT_EQ(steps.size(), 11u);  // card + 5 x (in, out)
  EXPECT_EQ(steps[1].kind, StepKind::kBreath);
  EXPECT_EQ(steps[1].phase, Phase::kIn);
  EXPECT_EQ(steps[10].phase, Phase::kOut);
  EXPECT_EQ(steps[10].breath, 5);
  EXPECT_EQ(steps[10].breaths, 5);
  EXPECT_TRUE(steps[10].completes_unit);
  EXPECT_FALSE(steps[9].completes_unit);
  EXPECT_EQ(total(steps) - Timing{}.get_ready, Millis{30'000});
}

TEST(BuildSteps, EveryExerciseKeepsItsCardEvenWithNoGetReadyTime) {
  Timing t;
  t.get_ready = Millis{0};
  const auto steps = build_steps({make_exercise("a", rep_dose(1, 1, Sides::kBoth, Tempo{1, 0, 0})),
                                  make_exercise("b", rep_dose(1, 1, Sides::kBoth, Tempo{1, 0, 0}))},
                                 t);
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[2].kind, StepKind::kGetReady);
  EXPECT_EQ(steps[2].exercise, 1);
  for (const auto& s : steps) EXPECT_GT(s.duration, Millis{0});
}

TEST(SideWord, TrunkExercisesSwitchSidesOthersLegs) {
  Exercise twist;
  twist.regions = {"trunk", "lower-back", "hip"};
  Exercise calf;
  calf.regions = {"calf"};
  EXPECT_EQ(side_word_for(twist), "side");
  EXPECT_EQ(side_word_for(calf), "leg");
}

}  // namespace
}  // namespace kc::session
