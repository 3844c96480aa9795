#include "core/session/cues.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/session/test_exercises.h"

namespace kc::session {
namespace {

// Every entry cue of a one-exercise session, in order.
std::vector<Cue> cues_of(const SessionExercise& ex) {
  const std::vector<SessionExercise> all = {ex};
  const auto steps = build_steps(all);
  std::vector<Cue> out;
  for (std::size_t i = 0; i < steps.size(); ++i) out.push_back(entry_cue(steps[i], i ? &steps[i - 1] : nullptr, all));
  return out;
}

TEST(Cues, TheCardNamesTheExerciseAndItsDose) {
  SessionExercise ex = make_exercise("bridge", rep_dose(1, 10, Sides::kBoth, Tempo{2, 1, 2}));
  ex.name = "Bridge";
  const auto cues = cues_of(ex);
  EXPECT_EQ(cues[0].text, "First: Bridge — 10 reps (2 s lift, 1 s hold, 2 s lower)");
  EXPECT_EQ(cues[0].speech, "First: Bridge. Get ready.");
}

TEST(Cues, RepsSayLiftHoldLowerAndTheLastOne) {
  const auto cues = cues_of(make_exercise("x", rep_dose(1, 2, Sides::kBoth, Tempo{2, 1, 2})));
  ASSERT_EQ(cues.size(), 7u);
  EXPECT_EQ(cues[1].text, "Rep 1 of 2: Lift");
  EXPECT_EQ(cues[1].speech, "Lift");
  EXPECT_EQ(cues[2].text, "hold");
  EXPECT_EQ(cues[3].text, "lower");
  EXPECT_EQ(cues[4].speech, "Last one. Lift");
}

TEST(Cues, RepsSayTheExercisesOwnPhaseWords) {
  SessionExercise ex = make_exercise("partial-squat", rep_dose(1, 2, Sides::kBoth, Tempo{2, 1, 3}));
  ex.phase_words = PhaseWords{"Sit back", "Hold", "Stand up"};
  const auto cues = cues_of(ex);
  ASSERT_EQ(cues.size(), 7u);
  EXPECT_EQ(cues[1].text, "Rep 1 of 2: Sit back");
  EXPECT_EQ(cues[2].text, "hold");
  EXPECT_EQ(cues[3].text, "stand up");
  EXPECT_EQ(cues[4].speech, "Last one. Sit back");
}

TEST(Cues, EachSetSaysItsOwnWordsByTurns) {
  SessionExercise ex = make_exercise("ankle-circles", rep_dose(3, 1, Sides::kBoth, Tempo{2, 0, 2}));
  ex.phase_words = PhaseWords{"Circle", "Hold", "Finish the circle"};
  ex.set_words = {"Clockwise", "The other way round"};
  std::vector<std::string> texts;
  for (const auto& cue : cues_of(ex)) texts.push_back(cue.text);
  const auto has = [&](const std::string& text) { return std::find(texts.begin(), texts.end(), text) != texts.end(); };
  EXPECT_TRUE(has("Set 1 of 3. Clockwise. Rep 1 of 1: Circle"));
  EXPECT_TRUE(has("Set 2 of 3. The other way round. Rep 1 of 1: Circle"));
  EXPECT_TRUE(has("Set 3 of 3. Clockwise. Rep 1 of 1: Circle"));
  EXPECT_EQ(texts[0], "First: ankle-circles — 3 sets of 1 rep (2 s circle, 2 s finish the circle)");
}

TEST(Cues, AlternateSidesNameTheSideEveryRep) {
  const auto cues = cues_of(make_exercise("x", rep_dose(2, 1, Sides::kAlternate, Tempo{1, 0, 1})));
  EXPECT_EQ(cues[1].text, "Set 1 of 2. Right leg. Rep 1 of 1: Lift");
  EXPECT_EQ(cues[3].text, "Left leg. Rep 1 of 1: Lift");
}

TEST(Cues, HoldsCountAndSwitchSidesInTheExercisesWords) {
  SessionExercise ex = make_exercise("seated-twist", hold_dose(1, 2, Sides::kEach, 30));
  ex.side_word = "side";
  const auto cues = cues_of(ex);
  EXPECT_EQ(cues[1].text, "Right side. Hold for 30 seconds (1 of 2)");
  EXPECT_EQ(cues[1].speech, "Right side. Hold for 30 seconds");
  EXPECT_EQ(cues[2].text, "Release and relax");
  EXPECT_EQ(cues[3].text, "Hold for 30 seconds (2 of 2)");
  EXPECT_EQ(cues[4].text, "Switch to your left side");
}

TEST(Cues, RemindersOnlyForLongHoldsAndRests) {
  Step hold;
  hold.kind = StepKind::kHold;
  hold.duration = Millis{30'000};
  ASSERT_TRUE(reminder_cue(hold).has_value());
  EXPECT_EQ(reminder_cue(hold)->text, "10 seconds left");
  hold.duration = Millis{15'000};
  EXPECT_FALSE(reminder_cue(hold).has_value());
  Step move;
  move.kind = StepKind::kMove;
  move.duration = Millis{60'000};
  EXPECT_FALSE(reminder_cue(move).has_value());
}

}  // namespace
}  // namespace kc::session
