#include "core/plan/program_calendar.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

// A 6-week program starting on a Wednesday: week 1 is Wed 5 Mar to Tue 11 Mar 2025.
const ProgramCalendar kCal{make_date(2025, 3, 5), 6};

TEST(ProgramCalendar, WeekOneStartsOnTheStartDate) {
  EXPECT_EQ(kCal.week_of(make_date(2025, 3, 5)), 1);
  EXPECT_EQ(kCal.week_of(make_date(2025, 3, 11)), 1);
  EXPECT_EQ(kCal.week_of(make_date(2025, 3, 12)), 2);
}

TEST(ProgramCalendar, OnlyTheProgramsWeeksExist) {
  EXPECT_EQ(kCal.week_of(make_date(2025, 4, 15)), 6);  // the last day
  EXPECT_EQ(kCal.end(), make_date(2025, 4, 15));
  EXPECT_EQ(kCal.week_of(make_date(2025, 4, 16)), std::nullopt);  // no week 7
  EXPECT_EQ(kCal.week_of(make_date(2025, 3, 4)), std::nullopt);   // no week 0
}

TEST(ProgramCalendar, FirstAndLastDays) {
  EXPECT_EQ(kCal.first_day(3), make_date(2025, 3, 19));
  EXPECT_EQ(kCal.last_day(3), make_date(2025, 3, 25));
  EXPECT_EQ(kCal.week_of(kCal.first_day(3)), 3);
  EXPECT_EQ(kCal.week_of(kCal.last_day(3)), 3);
}

TEST(ProgramCalendar, DescribeSaysWhereADateFalls) {
  EXPECT_EQ(kCal.describe(make_date(2025, 3, 20)), "week 3 of 6");
  EXPECT_EQ(kCal.describe(make_date(2025, 3, 1)), "before the program starts (week 1 starts Wed 5 Mar 2025)");
  EXPECT_EQ(kCal.describe(make_date(2025, 5, 1)), "after the program (it ended Tue 15 Apr 2025)");
}

}  // namespace
}  // namespace kc
