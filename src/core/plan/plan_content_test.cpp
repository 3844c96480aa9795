// Plans from the shipped exercise content (content/exercises), across many profiles.
#include <gtest/gtest.h>

#include <algorithm>

#include "adapters/content/exercise_loader.h"
#include "core/plan/plan.h"
#include "core/plan/plan_test_support.h"

namespace kc {
namespace {

using plan_test::violations;
using plan_test::well_equipped;

class PlanContent : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = content::load_catalog(content::exercises_dir(KNEECOACH_TEST_CONTENT_DIR));
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    catalog_ = new Catalog(std::move(loaded).value());
  }
  static void TearDownTestSuite() {
    delete catalog_;
    catalog_ = nullptr;
  }
  static PlanOutcome plan(const Answers& a, Level level = Level::kGo) {
    auto r = build_plan(a, *catalog_, PlanOptions{make_date(2025, 3, 3), 6, level, {}});
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : PlanOutcome{};
  }
  static Catalog* catalog_;
};

Catalog* PlanContent::catalog_ = nullptr;

std::vector<std::string> strength_ids(const Plan& p) {
  std::vector<std::string> out;
  for (const auto& item : p.session(SessionKind::kStrength)->exercises)
    if (item.block == Block::kStrength) out.push_back(item.exercise->id);
  return out;
}

bool has(const std::vector<std::string>& list, const char* id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

TEST_F(PlanContent, InnerKneePainGetsTheInnerKneeSet) {
  Answers a = well_equipped();
  a.location = {PainLocation::kInner};
  a.minutes_per_session = 30;
  const auto outcome = plan(a);
  ASSERT_TRUE(outcome.ok());
  const auto ids = strength_ids(*outcome.plan);
  EXPECT_TRUE(has(ids, "partial-squat"));
  EXPECT_TRUE(has(ids, "step-up"));
  EXPECT_TRUE(has(ids, "prone-straight-leg-raise"));
  EXPECT_TRUE(has(ids, "hamstring-curl-lying") || has(ids, "hamstring-curl-standing"));
  for (const auto& item : outcome.plan->session(SessionKind::kStrength)->exercises) {
    if (item.block == Block::kStrength) {
      EXPECT_TRUE(in_inner_knee_set(*item.exercise)) << item.exercise->id;
    }
  }
  EXPECT_EQ(violations(*outcome.plan, a), std::vector<std::string>{});
}

TEST_F(PlanContent, TheDefaultTwentyMinutesIsEnoughForABalancedPlan) {
  Answers a = well_equipped();
  a.minutes_per_session = 20;
  for (Level level : {Level::kGo, Level::kCaution}) {
    const auto outcome = plan(a, level);
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(violations(*outcome.plan, a), std::vector<std::string>{});
  }
}

TEST_F(PlanContent, NoEquipmentAtAllStillGivesAProgramFromWhatNeedsNone) {
  Answers a = well_equipped();
  a.equipment = {};
  a.can_get_down_to_floor = false;
  const auto outcome = plan(a);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(violations(*outcome.plan, a), std::vector<std::string>{});
  for (const auto& s : outcome.plan->sessions)
    for (const auto& item : s.exercises) EXPECT_TRUE(item.exercise->equipment_needed.empty()) << item.exercise->id;
  const auto& d = outcome.plan->decisions;
  EXPECT_TRUE(std::any_of(d.begin(), d.end(), [](const std::string& s) {
    return s.find("only exercises that need no equipment") != std::string::npos;
  }));
}

TEST_F(PlanContent, CannotBendTo90KeepsOutEveryKneeBendPastARightAngle) {
  Answers a = well_equipped();
  a.can_bend_to_90 = false;
  const auto outcome = plan(a);
  ASSERT_TRUE(outcome.ok());
  for (const auto& s : outcome.plan->sessions)
    for (const auto& item : s.exercises) {
      EXPECT_NE(item.exercise->id, "quad-pull");
      EXPECT_NE(item.exercise->id, "side-lying-quad-stretch");
      EXPECT_FALSE(item.exercise->has_demand(Demand::kKneeBendPast90)) << item.exercise->id;
    }
}

TEST_F(PlanContent, FiveToFourteenMinutesGiveAShortProgram) {
  for (int minutes = 5; minutes <= 14; ++minutes) {
    Answers a = well_equipped();
    a.minutes_per_session = minutes;
    const auto outcome = plan(a);
    ASSERT_TRUE(outcome.ok()) << minutes;
    EXPECT_EQ(violations(*outcome.plan, a), std::vector<std::string>{}) << minutes;
    for (const auto& s : outcome.plan->sessions) EXPECT_LE(s.seconds, minutes * 60);
  }
  Answers a = well_equipped();
  a.minutes_per_session = 5;
  const PlanOutcome outcome = plan(a);
  ASSERT_TRUE(outcome.ok());
  const auto& d = outcome.plan->decisions;
  EXPECT_TRUE(std::any_of(d.begin(), d.end(),
                          [](const std::string& s) { return s.find("a short program") != std::string::npos; }));
}

// Every combination of abilities, equipment, pain, age, pain location, days, minutes and triage
// level below gives a plan with every property; only days that cannot hold two strength days
// apart give none, and say so.
TEST_F(PlanContent, EveryProfileGivesAPropertyPlanOrSaysWhatIsMissing) {
  using Q = Equipment;
  const std::vector<std::vector<Q>> kits{
      {}, {Q::kChair}, {Q::kChair, Q::kWall}, {Q::kMat, Q::kStep, Q::kBooks}, plan_test::all_equipment()};
  const std::vector<std::vector<Weekday>> day_sets{
      {Weekday::kMon, Weekday::kTue, Weekday::kWed, Weekday::kThu, Weekday::kFri, Weekday::kSat, Weekday::kSun},
      {Weekday::kSat, Weekday::kSun, Weekday::kWed},
      {Weekday::kSun, Weekday::kMon}};
  int plans = 0;
  int shortfalls = 0;
  int short_or_limited = 0;
  int cannot_bend = 0;
  for (bool kneel : {true, false})
    for (bool floor : {true, false})
      for (bool bend : {true, false})
        for (const auto& kit : kits)
          for (int pain : {1, 5, 8})
            for (int age : {40, 70})
              for (auto location : {PainLocation::kInner, PainLocation::kFront})
                for (const auto& days : day_sets)
                  for (int minutes : {5, 9, 14, 20, 45})
                    for (Level level : {Level::kGo, Level::kCaution}) {
                      Answers a = well_equipped();
                      a.can_kneel = kneel;
                      a.can_get_down_to_floor = floor;
                      a.can_bend_to_90 = bend;
                      a.equipment = kit;
                      a.pain_now = pain;
                      a.age = age;
                      a.location = {location};
                      a.days = days;
                      a.minutes_per_session = minutes;
                      const auto outcome = plan(a, level);
                      if (outcome.ok()) {
                        ++plans;
                        if (!outcome.plan->complete) ++short_or_limited;
                        if (!bend) ++cannot_bend;
                        const auto bad = violations(*outcome.plan, a);
                        ASSERT_TRUE(bad.empty()) << bad.front() << " (kneel " << kneel << ", floor " << floor
                                                 << ", kit " << kit.size() << ", pain " << pain << ", age " << age
                                                 << ", days " << days.size() << ", minutes " << minutes << ")";
                      } else {
                        ++shortfalls;
                        ASSERT_FALSE(outcome.missing.empty());
                        ASSERT_EQ(days.size(), 2U) << "only adjacent days may give no plan";
                        for (const auto& m : outcome.missing) ASSERT_FALSE(m.what.empty() || m.fix.empty());
                      }
                    }
  EXPECT_GT(plans, 5000);
  EXPECT_GT(shortfalls, 0);
  EXPECT_GT(short_or_limited, 1000);
  EXPECT_GT(cannot_bend, 2000);
  RecordProperty("plans", plans);
  RecordProperty("short_or_limited", short_or_limited);
}

}  // namespace
}  // namespace kc
