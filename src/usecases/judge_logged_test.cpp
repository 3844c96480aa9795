// The web app's sessions are judged by the server with the terminal player's rule.
#include <gtest/gtest.h>

#include "usecases/log_session.h"

namespace kc::usecases {
namespace {

Dose reps(int sets, int n) {
  Dose d;
  d.sets = sets;
  d.reps = n;
  d.tempo = Tempo{2, 1, 2};
  return d;
}

Dose holds(int n, int seconds) {
  Dose d;
  d.reps = n;
  d.hold_seconds = seconds;
  d.sides = Sides::kEach;
  return d;
}

LoggedExercise done(int reps_done, int holds_done, int seconds) {
  LoggedExercise e;
  e.reps = reps_done;
  e.holds = holds_done;
  e.seconds = seconds;
  return e;
}

TEST(JudgeLogged, EveryPlannedRepIsDone) {
  EXPECT_EQ(judge_logged(done(20, 0, 90), reps(2, 10)), store::ExerciseOutcome::kDone);
  EXPECT_EQ(judge_logged(done(12, 0, 60), reps(2, 10)), store::ExerciseOutcome::kPartly);
  EXPECT_EQ(judge_logged(done(0, 0, 40), reps(2, 10)), store::ExerciseOutcome::kSkipped);
}

TEST(JudgeLogged, HoldsCountHoldsOnBothSides) {
  // 2 holds of 30 s on each side: 4 holds in all.
  EXPECT_EQ(judge_logged(done(0, 4, 140), holds(2, 30)), store::ExerciseOutcome::kDone);
  EXPECT_EQ(judge_logged(done(0, 2, 70), holds(2, 30)), store::ExerciseOutcome::kPartly);
  EXPECT_EQ(judge_logged(done(0, 0, 12), holds(2, 30)), store::ExerciseOutcome::kPartly);  // a hold was started
  EXPECT_EQ(judge_logged(done(0, 0, 0), holds(2, 30)), store::ExerciseOutcome::kSkipped);
}

}  // namespace
}  // namespace kc::usecases
