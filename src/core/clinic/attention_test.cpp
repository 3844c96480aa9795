// The caseload's flags, the attention sort key, recent adherence and the pain sparkline.
#include "core/clinic/attention.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

namespace kc::clinic {
namespace {

using date::days;
using std::chrono::hours;

const CivilDate kToday = date::sys_days{date::year{2026} / 12 / 6};

TimePoint at(CivilDate d, int hour = 8) { return TimePoint{d} + hours{hour}; }

// A 6-week plan (id 1) that started `ago` days before today, a session every other day.
PatientRecords on_plan(int ago) {
  PatientRecords r;
  r.person = 7;
  store::PlanRecord p;
  p.id = 1;
  p.person = 7;
  p.start = kToday - days{ago};
  p.weeks = 6;
  p.baseline_pain = 5;
  for (int i = 0; i < 42; i += 2) p.calendar.push_back({p.start + days{i}, i / 7 + 1, "A"});
  r.plan = p;
  return r;
}

void add_session(PatientRecords& r, int ago, store::SessionStatus status = store::SessionStatus::kFinished) {
  store::SessionLog s;
  s.id = static_cast<store::Id>(r.sessions.size() + 1);
  s.plan = 1;
  s.date = kToday - days{ago};
  s.started_at = at(s.date);
  s.status = status;
  r.sessions.push_back(s);
}

void add_pain(PatientRecords& r, int ago, double value, const char* measure = store::kPainNextMorning) {
  store::Measurement m;
  m.measure = measure;
  m.date = kToday - days{ago};
  m.taken_at = at(m.date);
  m.value = value;
  r.pain.push_back(m);
}

void add_check_in(PatientRecords& r, int ago, const std::string& level, int hour = 8) {
  store::CheckIn c;
  c.id = static_cast<store::Id>(r.check_ins.size() + 1);
  c.date = kToday - days{ago};
  c.at = at(c.date, hour);
  c.triage_level = level;
  if (level != "go") c.red_flags = {"hot_red_swollen"};
  r.check_ins.push_back(c);
}

FlagReview seen(FlagKind kind, TimePoint when, const std::string& note = "called them") {
  return FlagReview{1, 3, 7, kind, when, note};
}

std::optional<Flag> find(const std::vector<Flag>& flags, FlagKind kind) {
  for (const auto& f : flags)
    if (f.kind == kind) return f;
  return std::nullopt;
}

TEST(ClinicAttention, AWarningSignAtACheckInIsFlaggedUntilSeenAndANewerOneRaisesItAgain) {
  PatientRecords r = on_plan(10);
  add_session(r, 1);
  add_check_in(r, 3, "go");
  EXPECT_FALSE(find(flags(r, {}, kToday), FlagKind::kWarningSign).has_value());
  add_check_in(r, 2, "see_clinician");
  auto raised = flags(r, {}, kToday);
  auto f = find(raised, FlagKind::kWarningSign);
  ASSERT_TRUE(f.has_value());
  EXPECT_FALSE(f->seen);
  EXPECT_EQ(f->since, at(kToday - days{2}));
  EXPECT_NE(f->detail.find("see_clinician"), std::string::npos) << f->detail;
  EXPECT_NE(f->detail.find("hot red swollen"), std::string::npos) << f->detail;  // no name given: its words
  EXPECT_EQ(raised.front().kind, FlagKind::kWarningSign);                        // most serious first
  const SignNames names{{"hot_red_swollen", "hot, red, swollen knee"}};
  const auto named = find(flags(r, {}, kToday, names), FlagKind::kWarningSign);
  EXPECT_NE(named->detail.find("new signs: hot, red, swollen knee"), std::string::npos) << named->detail;

  const std::vector<FlagReview> reviews{seen(FlagKind::kWarningSign, at(kToday - days{1}))};
  f = find(flags(r, reviews, kToday), FlagKind::kWarningSign);
  ASSERT_TRUE(f.has_value());
  EXPECT_TRUE(f->seen);
  EXPECT_EQ(f->seen_note, "called them");
  // A review of another kind does not cover it.
  EXPECT_FALSE(find(flags(r, {seen(FlagKind::kNoSession, at(kToday))}, kToday), FlagKind::kWarningSign)->seen);

  add_check_in(r, 0, "urgent");
  f = find(flags(r, reviews, kToday), FlagKind::kWarningSign);
  ASSERT_TRUE(f.has_value());
  EXPECT_FALSE(f->seen);
  EXPECT_FALSE(f->seen_note.has_value());
  EXPECT_NE(f->detail.find("urgent"), std::string::npos);
}

TEST(ClinicAttention, ASeenWarningSignLeavesTheListAfterFourWeeks) {
  PatientRecords r = on_plan(40);
  add_check_in(r, 30, "see_clinician");
  EXPECT_TRUE(find(flags(r, {}, kToday), FlagKind::kWarningSign).has_value());  // unseen: stays
  const std::vector<FlagReview> long_ago{seen(FlagKind::kWarningSign, at(kToday - days{29}))};
  EXPECT_FALSE(find(flags(r, long_ago, kToday), FlagKind::kWarningSign).has_value());
}

TEST(ClinicAttention, PainAboveTheAcceptableBandInTheLastWeek) {
  PatientRecords r = on_plan(20);
  add_session(r, 1);
  add_pain(r, 3, 5);
  add_pain(r, 9, 8);  // too long ago
  EXPECT_FALSE(find(flags(r, {}, kToday), FlagKind::kPainAboveBand).has_value());
  add_pain(r, 4, 6, store::kPainDuring);
  add_pain(r, 2, 7);
  auto f = find(flags(r, {}, kToday), FlagKind::kPainAboveBand);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->since, at(kToday - days{4}));
  EXPECT_EQ(f->latest, at(kToday - days{2}));
  EXPECT_NE(f->detail.find("Pain 7/10 (next morning)"), std::string::npos) << f->detail;
  EXPECT_NE(f->detail.find("2 ratings"), std::string::npos) << f->detail;
  // Seen after the 7, then another rating above the band: raised again.
  const std::vector<FlagReview> reviews{seen(FlagKind::kPainAboveBand, at(kToday - days{1}))};
  EXPECT_TRUE(find(flags(r, reviews, kToday), FlagKind::kPainAboveBand)->seen);
  add_pain(r, 0, 6, store::kPainNow);
  EXPECT_FALSE(find(flags(r, reviews, kToday), FlagKind::kPainAboveBand)->seen);
}

// Issue 14: under a clinician's ceiling of 3 (the clearance the plan was built under), 4/10 is
// already above the acceptable band; without it, it is not.
TEST(ClinicAttention, PainAboveTheBandHonoursTheClinicianCeiling) {
  PatientRecords r = on_plan(20);
  add_session(r, 1);
  add_pain(r, 2, 4);
  EXPECT_FALSE(find(flags(r, {}, kToday), FlagKind::kPainAboveBand).has_value());
  r.clearance_json = R"({"clinician": "Ann Lee", "role": "GP", "cleared_on": "2025-01-02", "flags": ["gives-way"],
          "limits": {"pain_ceiling": 3}})";
  auto f = find(flags(r, {}, kToday), FlagKind::kPainAboveBand);
  ASSERT_TRUE(f.has_value());
  EXPECT_NE(f->detail.find("Pain 4/10"), std::string::npos) << f->detail;
  EXPECT_NE(f->detail.find("over 3 is too much: your clinician set a ceiling of 3/10"), std::string::npos) << f->detail;
}

TEST(ClinicAttention, NextMorningPainRisingWeekOnWeek) {
  PatientRecords r = on_plan(20);
  add_session(r, 1);
  for (int ago : {12, 10, 8}) add_pain(r, ago, 2);
  for (int ago : {5, 3}) add_pain(r, ago, 2.5);
  EXPECT_FALSE(find(flags(r, {}, kToday), FlagKind::kPainRising).has_value());  // half a point: steady
  add_pain(r, 1, 4);                                                            // this week 3.0 against 2.0
  auto f = find(flags(r, {}, kToday), FlagKind::kPainRising);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->since, TimePoint{kToday - days{1}});  // the day the rise began
  EXPECT_NE(f->detail.find("3.0/10"), std::string::npos) << f->detail;
  EXPECT_NE(f->detail.find("2.0/10"), std::string::npos) << f->detail;
}

TEST(ClinicAttention, NoSessionForSevenDaysWhileTheProgramRuns) {
  PatientRecords r = on_plan(20);
  add_session(r, 9);
  add_session(r, 2, store::SessionStatus::kInProgress);  // started, never ended: not a session done
  auto f = find(flags(r, {}, kToday), FlagKind::kNoSession);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->since, TimePoint{kToday - days{2}});
  EXPECT_NE(f->detail.find("No session for 9 days"), std::string::npos) << f->detail;
  add_session(r, 3, store::SessionStatus::kQuit);
  EXPECT_FALSE(find(flags(r, {}, kToday), FlagKind::kNoSession).has_value());

  PatientRecords fresh = on_plan(5);  // today is the program's 6th day
  EXPECT_FALSE(find(flags(fresh, {}, kToday), FlagKind::kNoSession).has_value());
  fresh = on_plan(6);
  ASSERT_TRUE(find(flags(fresh, {}, kToday), FlagKind::kNoSession).has_value());
  EXPECT_NE(find(flags(fresh, {}, kToday), FlagKind::kNoSession)->detail.find("No session yet"), std::string::npos);
  fresh.plan->stopped_at = at(kToday - days{1});
  EXPECT_FALSE(find(flags(fresh, {}, kToday), FlagKind::kNoSession).has_value());
  EXPECT_TRUE(flags(PatientRecords{}, {}, kToday).empty());  // no plan yet: nothing to flag
}

TEST(ClinicAttention, TheWeekSixReviewIsDueOnItsDate) {
  PatientRecords r = on_plan(40);  // the program's last day is tomorrow
  add_session(r, 1);
  EXPECT_FALSE(find(flags(r, {}, kToday), FlagKind::kReviewDue).has_value());
  r = on_plan(42);
  add_session(r, 1);
  add_pain(r, 2, 4, store::kPainNow);
  auto f = find(flags(r, {}, kToday), FlagKind::kReviewDue);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->since, TimePoint{kToday - days{1}});
  EXPECT_NE(f->detail.find("from 5/10 to 4.0/10"), std::string::npos) << f->detail;
}

TEST(ClinicAttention, UnseenFlagsWeighByKindSeenOnesBarely) {
  PatientRecords warned = on_plan(10);
  add_session(warned, 1);
  add_check_in(warned, 1, "see_clinician");
  PatientRecords idle = on_plan(20);
  add_pain(idle, 1, 8);
  const int w = attention(flags(warned, {}, kToday));
  const int i = attention(flags(idle, {}, kToday));
  EXPECT_GT(w, i);
  EXPECT_EQ(i, 300 + 50);  // above the band, no session
  EXPECT_EQ(attention(flags(warned, {seen(FlagKind::kWarningSign, at(kToday))}, kToday)), 1);
  EXPECT_EQ(attention({}), 0);
}

TEST(ClinicAttention, RecentAdherenceAndTheSparklineCoverTheLastFourWeeks) {
  PatientRecords r = on_plan(35);  // sessions planned every other day
  add_session(r, 30);              // before the 4 weeks
  add_session(r, 1);
  add_session(r, 1, store::SessionStatus::kQuit);  // a second sitting that day counts once
  add_session(r, 3);
  const RecentAdherence a = recent_adherence(r, kToday);
  EXPECT_EQ(a.done, 2);
  EXPECT_EQ(a.planned, 14);  // days 34, 32, ... 0 ago within the last 28 days: 27..1 odd ago
  EXPECT_EQ(a.weeks, 4);
  add_pain(r, 30, 3);
  add_pain(r, 2, 3);
  add_pain(r, 2, 6, store::kPainDuring);
  add_pain(r, 2, 9, store::kPainWorst24h);  // not a rating the bands apply to
  add_pain(r, 0, 2, store::kPainNow);
  const auto points = pain_sparkline(r, kToday);
  ASSERT_EQ(points.size(), 2U);
  EXPECT_EQ(points[0].date, kToday - days{2});
  EXPECT_EQ(points[0].pain, 6);
  EXPECT_EQ(points[1].pain, 2);
  add_check_in(r, 4, "go", 7);
  add_check_in(r, 2, "go", 9);
  ASSERT_TRUE(last_check_in(r).has_value());
  EXPECT_EQ(last_check_in(r)->at, at(kToday - days{2}, 9));
  EXPECT_FALSE(last_check_in(PatientRecords{}).has_value());
}

}  // namespace
}  // namespace kc::clinic
