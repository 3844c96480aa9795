#include "core/plan/schedule.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

using W = Weekday;

TEST(Schedule, SundayAndMondayAreAdjacent) {
  EXPECT_TRUE(adjacent(W::kSun, W::kMon));
  EXPECT_TRUE(adjacent(W::kMon, W::kSun));
  EXPECT_TRUE(adjacent(W::kTue, W::kWed));
  EXPECT_FALSE(adjacent(W::kMon, W::kWed));
  EXPECT_FALSE(adjacent(W::kSat, W::kMon));
  EXPECT_EQ(days_forward(W::kSun, W::kMon), 1);
  EXPECT_EQ(days_forward(W::kMon, W::kSun), 6);
  EXPECT_FALSE(spaced_apart({W::kMon, W::kWed, W::kSun}));
  EXPECT_TRUE(spaced_apart({W::kMon, W::kWed, W::kFri}));
}

TEST(Schedule, TwoStrengthDaysAreSpreadAcrossTheWeek) {
  const std::vector<W> all{W::kMon, W::kTue, W::kWed, W::kThu, W::kFri, W::kSat, W::kSun};
  EXPECT_EQ(choose_strength_days(all, 2), (std::vector<W>{W::kMon, W::kThu}));
  EXPECT_EQ(choose_strength_days(all, 3), (std::vector<W>{W::kMon, W::kWed, W::kFri}));
}

TEST(Schedule, NeverPicksAdjacentDaysEvenAcrossTheWeekBoundary) {
  // Wednesday and Sunday (3 and 4 days apart) spread better than Monday and Wednesday (2 and 5).
  EXPECT_EQ(choose_strength_days({W::kSun, W::kMon, W::kWed}, 3), (std::vector<W>{W::kWed, W::kSun}));
  EXPECT_EQ(choose_strength_days({W::kSat, W::kSun, W::kMon}, 2), (std::vector<W>{W::kMon, W::kSat}));
  EXPECT_EQ(choose_strength_days({W::kFri, W::kSat, W::kSun}, 2), (std::vector<W>{W::kFri, W::kSun}));
  EXPECT_EQ(choose_strength_days({W::kSun, W::kMon}, 2).size(), 1U);
}

TEST(Schedule, EveryDaySubsetGivesSpacedStrengthDays) {
  for (unsigned mask = 1; mask < 128; ++mask) {
    std::vector<W> days;
    for (int i = 0; i < 7; ++i)
      if ((mask & (1U << i)) != 0) days.push_back(static_cast<W>(i));
    for (int wanted : {2, 3}) {
      const auto chosen = choose_strength_days(days, wanted);
      EXPECT_TRUE(spaced_apart(chosen)) << mask;
      EXPECT_LE(chosen.size(), static_cast<std::size_t>(wanted));
      for (W d : chosen) EXPECT_NE(std::find(days.begin(), days.end(), d), days.end());
    }
  }
}

TEST(Schedule, SuggestsDaysThatWouldAllowTwoStrengthDays) {
  // Saturday and Monday are 48 hours apart, so Monday works, and so does Friday with Sunday.
  EXPECT_EQ(days_allowing_two({W::kSat, W::kSun}), (std::vector<W>{W::kMon, W::kTue, W::kWed, W::kThu, W::kFri}));
  EXPECT_EQ(days_allowing_two({W::kMon}), (std::vector<W>{W::kWed, W::kThu, W::kFri, W::kSat}));
}

TEST(Schedule, LaysOutWeeksFromAnyStartDay) {
  const CivilDate wednesday = make_date(2025, 1, 1);
  const auto sessions = lay_out(wednesday, 1, {W::kMon, W::kWed}, {W::kWed});
  ASSERT_EQ(sessions.size(), 2U);
  EXPECT_EQ(sessions[0].date, wednesday);
  EXPECT_EQ(sessions[0].kind, SessionKind::kStrength);
  EXPECT_EQ(sessions[1].date, make_date(2025, 1, 6));
  EXPECT_EQ(sessions[1].kind, SessionKind::kFlexibility);
  EXPECT_EQ(sessions[1].week, 1);
}

TEST(Schedule, ReviewPoints) {
  const CivilDate start = make_date(2025, 3, 3);
  auto reviews = review_points(start, 6);
  ASSERT_EQ(reviews.size(), 1U);
  EXPECT_EQ(reviews[0].date, make_date(2025, 4, 13));
  reviews = review_points(start, 8);
  ASSERT_EQ(reviews.size(), 2U);
  EXPECT_EQ(reviews[1].week, 8);
  reviews = review_points(start, 1);
  ASSERT_EQ(reviews.size(), 1U);
  EXPECT_EQ(reviews[0].week, 1);
}

TEST(PlanDates, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(parse_iso_date("2025-03-03"), make_date(2025, 3, 3));
  EXPECT_EQ(to_iso(make_date(2024, 2, 29)), "2024-02-29");
  EXPECT_FALSE(parse_iso_date("2025-02-29"));
  EXPECT_FALSE(parse_iso_date("2025-13-01"));
  EXPECT_FALSE(parse_iso_date("2025-3-3"));
  EXPECT_FALSE(parse_iso_date("03/03/2025"));
  EXPECT_FALSE(parse_iso_date("2025-03-0x"));
  EXPECT_EQ(weekday_of(make_date(2025, 3, 3)), W::kMon);
  EXPECT_EQ(weekday_of(make_date(2025, 3, 9)), W::kSun);
  EXPECT_EQ(describe_date(make_date(2025, 3, 9)), "Sun 9 Mar 2025");
}

}  // namespace
}  // namespace kc
