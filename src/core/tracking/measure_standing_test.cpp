// The standing on a measure: start, latest, change against the meaningful change, in words.
#include "core/tracking/measure_standing.h"

#include <gtest/gtest.h>

namespace kc::tracking {
namespace {

MeasureDef def(const std::string& id, std::optional<double> points) {
  MeasureDef d;
  d.id = id;
  d.meaningful_change = points;
  if (id == store::kGrc) d.anchors = {{3, "somewhat better"}, {-2, "a little bit worse"}};
  return d;
}

void add(History& h, const std::string& measure, int day, double value) {
  store::Measurement m;
  m.measure = measure;
  m.date = make_date(2026, 12, day);
  m.value = value;
  h.measurements.push_back(m);
}

TEST(Standing, NothingMeasuredYet) {
  const auto s = standing_of(def(store::kPsfs, 2), History{});
  EXPECT_EQ(s.count, 0);
  EXPECT_FALSE(s.change);
  EXPECT_EQ(s.summary, "Not measured yet.");
}

TEST(Standing, OneRecordIsTheStartWithNoChangeYet) {
  History h;
  add(h, store::kPsfs, 7, 3.5);
  add(h, store::kChairStand, 7, 9);  // another measure: not counted
  const auto s = standing_of(def(store::kPsfs, 2), h);
  EXPECT_EQ(s.count, 1);
  EXPECT_FALSE(s.change);
  EXPECT_EQ(s.direction, "");
  EXPECT_EQ(s.summary,
            "Your start: 3.5 points on Mon 7 Dec. Measure again in a few weeks to see the change; a change of 2 "
            "points or more is meaningful.");
}

TEST(Standing, ChangeFromTheFirstToTheLatestAgainstTheThreshold) {
  History h;
  add(h, store::kChairStand, 7, 9);
  add(h, store::kChairStand, 14, 10);
  add(h, store::kChairStand, 21, 12);
  const auto s = standing_of(def(store::kChairStand, 3), h);
  EXPECT_EQ(s.count, 3);
  EXPECT_DOUBLE_EQ(*s.change, 3);
  EXPECT_TRUE(s.meaningful);
  EXPECT_EQ(s.direction, "better");
  EXPECT_EQ(s.summary,
            "From 9 stands on Mon 7 Dec to 12 stands on Mon 21 Dec: up 3 stands. That is a meaningful improvement (a "
            "change of 3 stands or more counts).");

  History small;
  add(small, store::kPsfs, 7, 4);
  add(small, store::kPsfs, 21, 3);
  const auto d = standing_of(def(store::kPsfs, 2), small);
  EXPECT_DOUBLE_EQ(*d.change, -1);
  EXPECT_FALSE(d.meaningful);
  EXPECT_EQ(d.direction, "worse");
  EXPECT_EQ(d.summary,
            "From 4 points on Mon 7 Dec to 3 points on Mon 21 Dec: down 1 point. That is less than the 2 points "
            "that count as a meaningful change.");
}

TEST(Standing, NoChangeAndNoThreshold) {
  History h;
  add(h, store::kPsfs, 7, 4);
  add(h, store::kPsfs, 8, 4);
  const auto s = standing_of(def(store::kPsfs, std::nullopt), h);
  EXPECT_DOUBLE_EQ(*s.change, 0);
  EXPECT_EQ(s.direction, "same");
  EXPECT_FALSE(s.meaningful);
  EXPECT_EQ(s.summary, "No change since your start on Mon 7 Dec (4 points).");
  EXPECT_EQ(threshold_text(def(store::kPsfs, std::nullopt)), "");
}

TEST(Standing, TheGlobalRatingIsItselfTheChange) {
  History h;
  add(h, store::kGrc, 14, 3);
  const auto s = standing_of(def(store::kGrc, 2), h);
  EXPECT_DOUBLE_EQ(*s.change, 3);
  EXPECT_TRUE(s.meaningful);
  EXPECT_EQ(s.summary,
            "Your latest rating, on Mon 14 Dec: +3 (somewhat better). It is itself the change since you started. "
            "That is a meaningful improvement (a change of 2 points or more counts).");
  add(h, store::kGrc, 21, -1);
  const auto worse = standing_of(def(store::kGrc, 2), h);
  EXPECT_EQ(worse.direction, "worse");
  EXPECT_FALSE(worse.meaningful);
}

}  // namespace
}  // namespace kc::tracking

namespace kc::tracking {
namespace {

TEST(ChairStandNorm, FewerThanTheBandsCountForTheSexIsBelowAverage) {
  const NormBand band{60, 64, 14, 12};
  EXPECT_TRUE(compare_to_norm(band, true, 13).below);
  EXPECT_EQ(compare_to_norm(band, true, 13).under, 14);
  EXPECT_EQ(compare_to_norm(band, true, 14).words, "average or better");
  EXPECT_FALSE(compare_to_norm(band, false, 12).below);
  EXPECT_EQ(compare_to_norm(band, false, 11).words, "below average");
}

}  // namespace
}  // namespace kc::tracking
