#include "adapters/calendar/ics.h"

#include <gtest/gtest.h>

#include "core/catalog/describe.h"
#include "core/plan/plan_test_support.h"
#include "core/tracking/plan_record.h"

namespace kc::calendar {
namespace {

using std::chrono::hours;
using std::chrono::seconds;
using std::chrono::sys_seconds;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(PlanIcs, ResolvesZonesFromTheOptionThenTzThenTheSystem) {
  auto london = resolve_zone("Europe/London", nullptr);
  ASSERT_TRUE(london.ok());
  EXPECT_EQ(london->name, "Europe/London");
  EXPECT_FALSE(london->utc());
  EXPECT_FALSE(resolve_zone("Nowhere/Atlantis", nullptr).ok());
  EXPECT_TRUE(resolve_zone("UTC", nullptr)->utc());
  EXPECT_TRUE(resolve_zone("", "UTC")->utc());
  EXPECT_EQ(resolve_zone("", ":Asia/Tokyo")->name, "Asia/Tokyo");
  EXPECT_TRUE(resolve_zone("", "not a zone").ok());  // falls back to the system zone or UTC
}

TEST(PlanIcs, ObservancesFollowTheClockChange) {
  const auto london = resolve_zone("Europe/London", nullptr).value();
  const sys_seconds from{date::sys_days{date::year{2025} / 3 / 24}};
  const sys_seconds to{date::sys_days{date::year{2025} / 4 / 10}};
  const auto list = observances(london, from, to);
  ASSERT_EQ(list.size(), 2U);
  EXPECT_FALSE(list[0].daylight);
  EXPECT_EQ(list[0].offset_to, seconds{0});
  EXPECT_TRUE(list[1].daylight);
  EXPECT_EQ(list[1].abbreviation, "BST");
  EXPECT_EQ(list[1].offset_from, seconds{0});
  EXPECT_EQ(list[1].offset_to, seconds{3600});
  EXPECT_EQ(list[1].onset, sys_seconds{date::sys_days{date::year{2025} / 3 / 30}} + hours{1});
}

TEST(PlanIcs, UidsAreStableAndDistinct) {
  EXPECT_EQ(stable_uid("seed", "2025-03-03|A"), stable_uid("seed", "2025-03-03|A"));
  EXPECT_NE(stable_uid("seed", "2025-03-03|A"), stable_uid("seed", "2025-03-04|A"));
  EXPECT_NE(stable_uid("seed", "x"), stable_uid("other", "x"));
  EXPECT_EQ(stable_uid("", "").size(), std::string("kc-0123456789abcdef@kneecoach").size());
}

TEST(PlanIcs, OneEventPerSessionAndReview) {
  const Catalog catalog = plan_test::small_catalog();
  const Answers answers = plan_test::well_equipped();
  auto outcome = build_plan(answers, catalog, PlanOptions{make_date(2025, 3, 3), 2, Level::kGo, {}});
  ASSERT_TRUE(outcome.ok() && outcome->ok());
  const Plan& plan = *outcome->plan;
  IcsOptions options;
  options.zone = resolve_zone("Europe/Paris", nullptr).value();
  options.version = "test";
  const auto model = usecases::calendar_of_new_plan(plan, catalog, "person");
  const std::string text = calendar_to_ics(model, options);
  EXPECT_EQ(count(text, "BEGIN:VEVENT"), plan.calendar.size() + plan.reviews.size());
  EXPECT_EQ(count(text, "BEGIN:VTIMEZONE"), 1U);
  EXPECT_NE(text.find("DTSTART;TZID=Europe/Paris:20250303T180000"), std::string::npos);
  EXPECT_NE(text.find("DTSTAMP:20250303T000000Z"), std::string::npos);
  EXPECT_EQ(text, calendar_to_ics(model, options));
  ASSERT_FALSE(model.sessions.empty());
  EXPECT_EQ(model.sessions[0].minutes, plan.session(SessionKind::kStrength)->minutes());
  const std::string description = session_description(model.sessions[0], "", model.pain_limit);
  for (const auto& item : plan.sessions[0].exercises)
    EXPECT_NE(description.find(item.exercise->name + ": "), std::string::npos);
}

// Issue 14: the stop rule quotes the person's acceptable pain: a clinician's ceiling of 3, not 5.
TEST(PlanIcs, TheStopRuleQuotesTheClinicianCeiling) {
  const Catalog catalog = plan_test::small_catalog();
  auto outcome = build_plan(plan_test::well_equipped(), catalog, PlanOptions{make_date(2025, 3, 3), 2, Level::kGo, {}});
  ASSERT_TRUE(outcome.ok() && outcome->ok());
  Plan plan = *outcome->plan;
  const auto usual = usecases::calendar_of_new_plan(plan, catalog, "person");
  EXPECT_NE(session_description(usual.sessions[0], "", usual.pain_limit).find("above 5 out of 10"), std::string::npos);
  plan.clearance = Clearance{};
  plan.clearance->limits.pain_ceiling = 3;
  const auto model = usecases::calendar_of_new_plan(plan, catalog, "person");
  EXPECT_EQ(model.pain_limit.most, 3);
  const std::string text = session_description(model.sessions[0], "", model.pain_limit);
  EXPECT_NE(text.find("Stop an exercise if the pain goes above 3 out of 10 (your clinician set a ceiling of 3/10)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("5/10"), std::string::npos);
}

TEST(PlanIcs, DescriptionsShowTheDosesInForceAndWhyTheyChanged) {
  const Catalog catalog = plan_test::small_catalog();
  auto outcome = build_plan(plan_test::well_equipped(), catalog, PlanOptions{make_date(2025, 3, 3), 2, Level::kGo, {}});
  ASSERT_TRUE(outcome.ok() && outcome->ok());
  const store::PlanRecord record = tracking::to_record(*outcome->plan, 1, 3, TimePoint{}, "");
  const store::PlanExercise& first = record.sessions[0].exercises[0];
  store::DoseChange change;
  change.plan = record.id;
  change.date = make_date(2025, 3, 6);
  change.exercise_id = first.exercise_id;
  change.to = first.dose;
  change.to.sets += 1;
  change.reason = "safe pain, settled by morning";
  const auto model = usecases::calendar_of(record, {change}, catalog, "seed", "Doses in force on today.");
  const std::string text = session_description(model.sessions[0], model.as_of, model.pain_limit);
  EXPECT_NE(text.find(describe_dose(change.to, catalog.find(first.exercise_id)->phase_words)), std::string::npos);
  EXPECT_NE(text.find("Changed on Thu 6 Mar 2025: safe pain, settled by morning"), std::string::npos);
  EXPECT_NE(text.find("Doses in force on today."), std::string::npos);
  EXPECT_EQ(model.sessions[0].week, 1);
  EXPECT_EQ(model.sessions.back().week, 2);
}

}  // namespace
}  // namespace kc::calendar
