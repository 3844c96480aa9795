// The weekly summary on scripted weeks (tracking_test_support.h: every day planned, session A).
#include "core/tracking/week_summary.h"

#include <gtest/gtest.h>

#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

using testing::day;
using testing::Script;

TEST(WeekSummary, CountsThisWeeksSessionsPainAndChangesAndSaysWhatComesNext) {
  const Catalog catalog = testing::test_catalog();
  Script s;
  s.rate(store::kPainNextMorning, 1, 5);  // week 1: 5 and 4, mean 4.5
  s.rate(store::kPainNextMorning, 2, 4);
  s.session(7, 1);            // week 2 (days 7-13): two finished, one stopped after something was done
  s.check_in(8, 2, catalog);  // steps the squat up on day 8
  s.session(8, 1, {store::ExerciseOutcome::kDone, store::ExerciseOutcome::kSkipped}, store::SessionStatus::kQuit);
  s.session(9, 1);
  s.session(9, 2);  // a repeat that day counts once
  s.rate(store::kPainNextMorning, 9, 2);

  const auto w = week_summary(s.h, day(9), catalog);
  EXPECT_EQ(w.week, 2);
  EXPECT_EQ(w.first, day(7));
  EXPECT_EQ(w.planned, 7);
  EXPECT_EQ(w.planned_so_far, 3);
  EXPECT_EQ(w.done, 2);
  EXPECT_EQ(w.partly, 1);
  EXPECT_DOUBLE_EQ(*w.pain_this_week, 2.0);
  EXPECT_DOUBLE_EQ(*w.pain_last_week, 4.5);
  EXPECT_EQ(w.pain_trend, "lower");
  ASSERT_EQ(w.changes.size(), 2u);               // both exercises of session A stepped up
  EXPECT_EQ(w.changes[1].exercise_id, "squat");  // in the order the rules gave them
  EXPECT_EQ(w.next->date, day(10));
  EXPECT_FALSE(w.review.has_value());
  ASSERT_EQ(w.lines.size(), 5u);
  EXPECT_EQ(w.lines[0],
            "Sessions: 2 of the 3 planned so far this week done, 1 stopped early (7 planned in the whole week).");
  EXPECT_EQ(w.lines[1], "Pain: 2.0/10 on average this week, lower than last week (4.5/10).");
  EXPECT_NE(w.lines[3].find("squat stepped up on Tue 11 Mar, 2 x 10 reps -> 2 x 12 reps"), std::string::npos);
  EXPECT_NE(w.lines[2].find("calf-stretch stepped up on Tue 11 Mar"), std::string::npos);
  EXPECT_EQ(w.lines[4], "Next: Strength on Thu 13 Mar.");
}

TEST(WeekSummary, AQuietFirstWeekSaysSoAndTheLastWeekNamesTheReview) {
  const Catalog catalog = testing::test_catalog();
  Script s;
  const auto first = week_summary(s.h, day(0), catalog);
  EXPECT_EQ(first.lines[0], "Sessions: 0 of the 1 planned so far this week done (7 planned in the whole week).");
  EXPECT_EQ(first.lines[1], "Pain: no ratings this week yet; the morning check-in adds one.");
  EXPECT_EQ(first.lines[2], "Doses: no changes this week.");
  const auto last = week_summary(s.h, day(41), catalog);
  EXPECT_FALSE(last.next.has_value());
  EXPECT_EQ(last.review, day(41));
  EXPECT_EQ(last.lines.back(), "Review on Sun 13 Apr: compare your pain with the start.");
}

}  // namespace
}  // namespace kc::tracking
