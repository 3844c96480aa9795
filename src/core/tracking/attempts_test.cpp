// The better attempt of a day (docs/progression.md, Repeats), rule by rule.
#include "core/tracking/attempts.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/tracking/review.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

using store::ExerciseOutcome;
using store::SessionStatus;
using testing::Script;

TEST(BetterAttempt, FinishedThenDoneThenPartlyThenRatedAndLowerPainThenLater) {
  Script s;
  const auto quit = s.session(0, 1, {ExerciseOutcome::kDone, ExerciseOutcome::kDone}, SessionStatus::kQuit);
  const auto finished = s.session(0, 6, {ExerciseOutcome::kSkipped, ExerciseOutcome::kSkipped});
  const auto more_done = s.session(0, 6, {ExerciseOutcome::kDone, ExerciseOutcome::kPartly});
  const auto more_partly = s.session(0, 6, {ExerciseOutcome::kPartly, ExerciseOutcome::kPartly});
  const auto unrated = s.session(0, std::nullopt, {ExerciseOutcome::kDone, ExerciseOutcome::kPartly});
  const auto less_pain = s.session(0, 2, {ExerciseOutcome::kDone, ExerciseOutcome::kPartly});
  const auto later = s.session(0, 2, {ExerciseOutcome::kDone, ExerciseOutcome::kPartly});
  const auto& h = s.h;
  auto of = [&](store::Id id) {
    return *std::find_if(h.sessions.begin(), h.sessions.end(), [&](auto& x) { return x.id == id; });
  };
  EXPECT_TRUE(better_attempt(of(finished), of(quit), h.logs));
  EXPECT_TRUE(better_attempt(of(more_done), of(more_partly), h.logs));
  EXPECT_TRUE(better_attempt(of(more_partly), of(finished), h.logs));
  EXPECT_TRUE(better_attempt(of(less_pain), of(more_done), h.logs));
  EXPECT_TRUE(better_attempt(of(more_done), of(unrated), h.logs));
  EXPECT_FALSE(better_attempt(of(unrated), of(more_done), h.logs));
  EXPECT_TRUE(better_attempt(of(later), of(less_pain), h.logs));  // same start: the later record
  EXPECT_FALSE(better_attempt(of(less_pain), of(later), h.logs));
}

TEST(BestAttempts, OnePerDayInDateOrder) {
  Script s;
  s.session(1, 3);
  const auto quit = s.session(0, 1, {ExerciseOutcome::kDone, ExerciseOutcome::kSkipped}, SessionStatus::kQuit);
  const auto redo = s.session(0, 4);
  const auto best = best_attempts(s.h.sessions, s.h.logs, s.h.plan.id);
  ASSERT_EQ(best.size(), 2U);
  EXPECT_EQ(best[0].id, redo);
  EXPECT_NE(best[0].id, quit);
  EXPECT_EQ(best[1].date, testing::day(1));
  const auto adherence_days = adherence(s.h, testing::day(1));
  EXPECT_EQ(adherence_days.done, 2);
}

}  // namespace
}  // namespace kc::tracking
