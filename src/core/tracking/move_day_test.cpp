// Moving a planned session: a strength plan on Mon, Wed, Fri with stretching on Tue.
#include "core/tracking/move_day.h"

#include <gtest/gtest.h>

#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

using testing::day;  // day(0) is Monday 3 March 2025

store::PlanRecord week_plan() {
  store::PlanRecord p;
  p.start = day(0);
  p.weeks = 2;
  p.sessions = {{"A", "strength", "Strength", {}}, {"B", "flexibility", "Stretching", {}}};
  for (int w = 0; w < 2; ++w) {
    const std::vector<std::pair<int, std::string>> week{{0, "A"}, {1, "B"}, {2, "A"}, {4, "A"}};
    for (const auto& [d, s] : week) p.calendar.push_back({day(7 * w + d), w + 1, s});
  }
  return p;
}

TEST(MoveDay, AStrengthSessionGoesOnlyWhereItKeeps48HoursFromTheOthers) {
  const auto p = week_plan();
  // Friday's strength session, seen on Tuesday: Thu is next to Wed's, Sat and Sun are free and
  // not next to a strength day except Sun, which is the day before Monday's.
  EXPECT_EQ(move_days(p, day(4), day(1)), (std::vector<CivilDate>{day(5)}));
  auto next_to = check_move(p, day(4), day(3), day(1));
  ASSERT_FALSE(next_to.ok());
  EXPECT_EQ(next_to.error().field, "to");
  EXPECT_NE(next_to.error().message.find("48 hours"), std::string::npos);
}

TEST(MoveDay, AStretchingSessionGoesToAnyFreeDayNearby) {
  const auto p = week_plan();
  EXPECT_EQ(move_days(p, day(1), day(1)), (std::vector<CivilDate>{day(3)}));
}

TEST(MoveDay, EveryRefusalSaysWhy) {
  const auto p = week_plan();
  EXPECT_EQ(check_move(p, day(3), day(5), day(1)).error().code, errc::kNotFound);
  EXPECT_EQ(check_move(p, day(0), day(3), day(1)).error().field, "from");  // Monday is past
  EXPECT_EQ(check_move(p, day(2), day(1), day(1)).error().code, errc::kConflict);
  EXPECT_NE(check_move(p, day(4), day(0), day(1)).error().message.find("past"), std::string::npos);
  EXPECT_NE(check_move(p, day(11), day(14), day(1)).error().message.find("outside the program"), std::string::npos);
  EXPECT_NE(check_move(p, day(4), day(8), day(1)).error().message.find("more than 3 days"), std::string::npos);
  EXPECT_TRUE(check_move(p, day(4), day(5), day(1)).ok());
}

}  // namespace
}  // namespace kc::tracking
