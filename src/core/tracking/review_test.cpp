// The week-6 review (Farrar 2001), adherence, summaries, today, charts and CSV.
#include "core/tracking/review.h"

#include <gtest/gtest.h>

#include "core/common/pain.h"
#include "core/tracking/charts.h"
#include "core/tracking/csv.h"
#include "core/tracking/today.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::tracking {
namespace {

using testing::day;
using testing::Script;

TEST(PainReview, NotDueBeforeTheReviewDate) {
  Script s(6);
  const auto r = pain_review(s.h, day(20));
  EXPECT_FALSE(r.due);
  EXPECT_FALSE(r.see_clinician);
}

TEST(PainReview, ImprovedByTwoPoints) {
  Script s(6);
  s.rate(store::kPainNextMorning, 38, 4);
  s.rate(store::kPainNow, 40, 4);
  const auto r = pain_review(s.h, day(41));
  EXPECT_TRUE(r.due);
  EXPECT_TRUE(r.improved);
  EXPECT_FALSE(r.see_clinician);
  EXPECT_DOUBLE_EQ(r.fell_points, 2.0);
}

TEST(PainReview, ImprovedByThirtyPercentThoughLessThanTwoPoints) {
  Script s(3);
  s.rate(store::kPainNextMorning, 40, 2);  // -1 point, -33%
  const auto r = pain_review(s.h, day(41));
  EXPECT_TRUE(r.improved);
  EXPECT_NEAR(r.fell_percent, 33.3, 0.1);
}

TEST(PainReview, NotImprovedAdvisesAClinician) {
  Script s(6);
  s.rate(store::kPainNextMorning, 39, 5);
  s.rate(store::kPainNextMorning, 40, 5);
  const auto r = pain_review(s.h, day(42));
  EXPECT_TRUE(r.due);
  EXPECT_FALSE(r.improved);  // 1 point, 17%
  EXPECT_TRUE(r.see_clinician);
  EXPECT_NE(r.message.find("physiotherapist or doctor"), std::string::npos);
}

TEST(PainReview, UsesTheLatestRatingWhenNoneThisWeek) {
  Script s(6);
  s.rate(store::kPainNow, 10, 6);
  const auto r = pain_review(s.h, day(45));
  ASSERT_TRUE(r.current);
  EXPECT_DOUBLE_EQ(*r.current, 6.0);
  EXPECT_TRUE(r.see_clinician);
}

TEST(PainReview, NoRatingsAsksForOne) {
  Script s(6);
  const auto r = pain_review(s.h, day(42));
  EXPECT_FALSE(r.see_clinician);
  EXPECT_NE(r.message.find("kneecoach measure pain"), std::string::npos);
}

TEST(PainReview, NoPainAtTheStartLooksAtFunction) {
  Script s(0);
  s.rate(store::kPainNow, 40, 0);
  const auto r = pain_review(s.h, day(42));
  EXPECT_FALSE(r.see_clinician);
  EXPECT_NE(r.message.find("function"), std::string::npos);
}

TEST(Adherence, CountsFinishedAndPartlyDoneSessionsUpToToday) {
  Script s;
  s.session(0, 1);
  s.session(1, 1, {store::ExerciseOutcome::kDone, store::ExerciseOutcome::kSkipped}, store::SessionStatus::kQuit);
  s.session(2, 1, {store::ExerciseOutcome::kSkipped, store::ExerciseOutcome::kSkipped}, store::SessionStatus::kQuit);
  s.session(3, 1);
  const auto a = adherence(s.h, day(3));
  EXPECT_EQ(a.planned, 4);
  EXPECT_EQ(a.done, 2);
  EXPECT_EQ(a.partly, 1);
  EXPECT_EQ(a.percent, 50);
}

TEST(Summary, PainByWeekAndTrend) {
  Script s;
  s.rate(store::kPainNextMorning, 1, 5);
  s.rate(store::kPainNextMorning, 3, 5);
  s.rate(store::kPainNextMorning, 15, 3);
  const auto weeks = pain_by_week(s.h, day(16));
  ASSERT_EQ(weeks.size(), 3u);
  EXPECT_DOUBLE_EQ(*weeks[0].next_morning, 5.0);
  EXPECT_FALSE(weeks[1].next_morning);
  EXPECT_EQ(pain_trend(weeks).rfind("falling", 0), 0u);
}

TEST(Summary, ChangeFromBaseline) {
  Script s;
  s.rate(store::kChairStand, 0, 9);
  EXPECT_FALSE(change_of(s.h, store::kChairStand).change());
  s.rate(store::kChairStand, 20, 12);
  EXPECT_DOUBLE_EQ(*change_of(s.h, store::kChairStand).change(), 3.0);
}

TEST(Today, ScheduledSessionWithCurrentDosesAndTheNextDay) {
  Script s;
  s.h.plan.calendar = {{day(0), 1, "A"}, {day(2), 1, "A"}};
  store::DoseChange c;
  c.plan = 1;
  c.exercise_id = "squat";
  c.now_doing = "squat";
  c.to = testing::reps_dose(2, 12, 15);
  c.reason = "more reps";
  c.date = day(-2);
  s.h.changes.push_back(c);
  auto t = today(s.h.plan, s.h.changes, s.h.sessions, day(0));
  ASSERT_TRUE(t.session);
  EXPECT_EQ(t.session->items[0].current.dose.reps, 12);
  EXPECT_EQ(t.session->items[0].current.reason, "more reps");
  EXPECT_EQ(t.session->items[0].current.changed_on, c.date);
  EXPECT_FALSE(t.session->items[1].current.changed_on);
  EXPECT_FALSE(t.done);
  ASSERT_TRUE(t.next);
  EXPECT_EQ(t.next->date, day(2));
  s.session(0, 1);
  EXPECT_TRUE(today(s.h.plan, s.h.changes, s.h.sessions, day(0)).done);
  t = today(s.h.plan, s.h.changes, s.h.sessions, day(1));
  EXPECT_FALSE(t.scheduled);
  EXPECT_TRUE(today(s.h.plan, s.h.changes, s.h.sessions, day(5)).after_end);
  EXPECT_TRUE(today(s.h.plan, s.h.changes, s.h.sessions, day(-1)).before_start);
}

TEST(Charts, AreStandaloneSvgWithEscapedText) {
  Script s;
  s.session(0, 3);
  s.rate(store::kPainNextMorning, 1, 2);
  s.rate(store::kChairStand, 1, 11);
  const std::string pain = pain_chart_svg(s.h, day(1), "Knee pain — Ann & <Bob>");
  EXPECT_EQ(pain.rfind("<?xml", 0), 0u);
  EXPECT_NE(pain.find("Ann &amp; &lt;Bob&gt;"), std::string::npos);
  EXPECT_NE(pain.find("0-2: safe"), std::string::npos);
  EXPECT_NE(pain.find("<polyline"), std::string::npos);
  EXPECT_NE(adherence_calendar_svg(s.h, day(1), "x").find("session done"), std::string::npos);
  EXPECT_NE(chair_stand_chart_svg(s.h, 12, "x").find("fewer than 12"), std::string::npos);
  EXPECT_NE(chair_stand_chart_svg(Script().h, std::nullopt, "x").find("No chair-stand results"), std::string::npos);
  // The norms are named only where their line is drawn.
  const std::string with_norm = chair_stand_chart_svg(s.h, 12, "x");
  EXPECT_NE(with_norm.find("Norm line: CDC STEADI"), std::string::npos);
  EXPECT_NE(with_norm.find("stroke-dasharray"), std::string::npos);
  const std::string without = chair_stand_chart_svg(s.h, std::nullopt, "x");
  EXPECT_EQ(without.find("STEADI"), std::string::npos);
  EXPECT_EQ(without.find("stroke-dasharray"), std::string::npos);
}

TEST(Csv, QuotesFieldsAndWritesEveryTable) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  Script s;
  s.session(0, 3);
  const auto files = export_csv(s.h);
  ASSERT_EQ(files.size(), 6u);
  EXPECT_EQ(files[0].first, "sessions.csv");
  EXPECT_NE(files[0].second.find("2025-03-03,A,"), std::string::npos);
  EXPECT_NE(files[1].second.find("squat,done"), std::string::npos);
}

// Counts the non-overlapping occurrences of `what` in `text`.
int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(Charts, NumberOnlyTheProgramsWeeksFromItsStartDate) {
  Script s;                                // 6 weeks from day(0)
  s.h.plan.start = day(2);                 // a mid-week start must not add a row or shift week 1
  s.rate(store::kPainNextMorning, 50, 3);  // a rating after the program's end
  const std::string adherence = adherence_calendar_svg(s.h, day(3), "x");
  EXPECT_EQ(count_of(adherence, ">week "), 6);
  EXPECT_NE(adherence.find(">week 6<"), std::string::npos);
  EXPECT_EQ(adherence.find(">week 7<"), std::string::npos);
  const std::string pain = pain_chart_svg(s.h, day(3), "x");
  EXPECT_EQ(count_of(pain, ">week "), 6);
  EXPECT_EQ(pain.find(">week 7<"), std::string::npos);
}

TEST(Charts, ShadeThePainBandsOfThePainModel) {
  const std::string pain = pain_chart_svg(Script().h, day(1), "x");
  EXPECT_EQ(count_of(pain, "class=\"pain-band\""), static_cast<int>(pain_band_ranges().size()));
  for (const auto& b : pain_band_ranges()) {
    EXPECT_NE(pain.find(band_label(b)), std::string::npos) << b.name;
  }
  EXPECT_EQ(band_label(pain_band_ranges().front()), "0-2: safe");
  EXPECT_EQ(band_label(pain_band_ranges().back()), "over 5: too much");
}

TEST(Summary, PainByWeekHasNoWeeksOutsideTheProgram) {
  Script s;
  s.rate(store::kPainNextMorning, 45, 2);  // after the 6 weeks
  EXPECT_TRUE(pain_by_week(s.h, day(-1)).empty());
  const auto weeks = pain_by_week(s.h, day(60));
  ASSERT_EQ(weeks.size(), 6u);
  EXPECT_FALSE(weeks.back().next_morning);  // the late rating belongs to no program week
}

}  // namespace
}  // namespace kc::tracking
