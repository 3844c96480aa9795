// A clinician's changes applied to the program, checked against the planner's rules, and the
// limit progression respects.
#include "core/plan/changes.h"

#include <gtest/gtest.h>

#include "core/tracking/today.h"
#include "core/tracking/tracking_test_support.h"

namespace kc {
namespace {

using store::ChangeKind;
using store::ProgramChange;
using tracking::testing::at;
using tracking::testing::day;
using tracking::testing::hold_dose;
using tracking::testing::reps_dose;
using tracking::testing::Script;

ProgramChange change(ChangeKind kind, const std::string& exercise, int on_day) {
  ProgramChange c;
  c.person = 1;
  c.plan = 1;
  c.at = at(on_day, 10);
  c.date = day(on_day);
  c.kind = kind;
  c.exercise = exercise;
  c.by = "grace";
  c.reason = "after the clinic visit";
  return c;
}

std::vector<std::string> ids(const store::PlanSession& s) {
  std::vector<std::string> out;
  for (const auto& e : s.exercises) out.push_back(e.exercise_id);
  return out;
}

class Changes : public ::testing::Test {
 protected:
  Catalog catalog = tracking::testing::test_catalog();
  Script s;
};

TEST_F(Changes, AddRemoveAndSwapEditTheSessionsAndSayWhoAndWhy) {
  auto add = change(ChangeKind::kAdd, "child-pose", 2);
  add.block = "flexibility";
  add.dose = catalog.find("child-pose")->dose;
  auto strength = change(ChangeKind::kAdd, "step-up", 2);
  strength.block = "strength";
  strength.dose = reps_dose(2, 8, 12);
  auto swap = change(ChangeKind::kSwap, "squat", 3);
  swap.replacement = "chair-squat";
  swap.block = "strength";
  swap.dose = catalog.find("chair-squat")->dose;
  auto remove = change(ChangeKind::kRemove, "calf-stretch", 4);
  auto other_plan = change(ChangeKind::kRemove, "squat", 4);
  other_plan.plan = 2;

  const auto plan = apply_changes(s.h.plan, {add, strength, swap, remove, other_plan});
  ASSERT_EQ(plan.sessions.size(), 1U);
  EXPECT_EQ(ids(plan.sessions[0]), (std::vector<std::string>{"chair-squat", "step-up", "child-pose"}));
  EXPECT_EQ(plan.sessions[0].exercises[2].reason, "Added by grace: after the clinic visit");
  EXPECT_EQ(plan.sessions[0].exercises[2].block, "flexibility");
  EXPECT_EQ(plan.sessions[0].exercises[1].dose.reps, 8);
  EXPECT_EQ(plan.sessions[0].exercises[0].reason, "Swapped in for squat by grace: after the clinic visit");
  EXPECT_EQ(s.h.plan.sessions[0].exercises.size(), 2U);  // the stored plan is untouched
}

TEST_F(Changes, APauseDropsTheSessionsUntilTheResume) {
  const auto paused = change(ChangeKind::kPause, "", 3);
  const auto plan = apply_changes(s.h.plan, {paused, change(ChangeKind::kResume, "", 6)});
  EXPECT_EQ(plan.calendar.size(), s.h.plan.calendar.size() - 3);
  for (const auto& d : plan.calendar) EXPECT_TRUE(d.date < day(3) || d.date >= day(6));
  EXPECT_FALSE(pause_of(plan, {paused, change(ChangeKind::kResume, "", 6)}));

  const auto still = apply_changes(s.h.plan, {paused});
  EXPECT_EQ(still.calendar.size(), 3U);
  ASSERT_TRUE(pause_of(still, {paused}));
  EXPECT_EQ(pause_of(still, {paused})->by, "grace");
}

TEST_F(Changes, ADoseSetByTheClinicianIsInForceWithItsReasonAndProgressionBuildsOnIt) {
  s.session(0, 1);
  s.check_in(1, 2, catalog);  // squat 2 x 10 -> 2 x 12
  auto dose = change(ChangeKind::kDose, "squat", 2);
  dose.dose = with_setting(s.h.plan.sessions[0].exercises[0].dose, 1, 8, std::nullopt);
  const auto merged = clinician_doses(s.h.plan, s.h.changes, {dose});
  ASSERT_EQ(merged.size(), s.h.changes.size() + 1);
  const auto now = tracking::current_doses(s.h.plan, merged).at("squat");
  EXPECT_EQ(now.dose.sets, 1);
  EXPECT_EQ(now.dose.reps, 8);
  EXPECT_EQ(now.dose.reps_max, 15);  // the ceiling stays
  EXPECT_EQ(now.reason, "Set by grace: after the clinic visit");
  EXPECT_EQ(merged.back().decision, store::DoseDecision::kEase);
  EXPECT_EQ(merged.back().from.reps, 12);
}

TEST_F(Changes, ALimitStopsProgressionAtIt) {
  auto limit = change(ChangeKind::kLimit, "squat", 0);
  limit.dose = reps_dose(2, 10, std::nullopt);
  s.h.limits = limits_of(s.h.plan, {limit});
  s.session(0, 1);
  const auto j = s.check_in(1, 2, catalog);
  const auto& squat = Script::of(j, "squat");
  EXPECT_EQ(squat.decision.rule, "clinician-limit");
  EXPECT_FALSE(squat.decision.changed());
  EXPECT_NE(squat.decision.reason.find("your clinician set its highest dose"), std::string::npos);
  EXPECT_EQ(Script::of(j, "calf-stretch").decision.rule, "step-up");  // no limit there

  auto lifted = change(ChangeKind::kLimit, "squat", 1);
  EXPECT_TRUE(limits_of(s.h.plan, {limit, lifted}).empty());
  EXPECT_TRUE(within_limit(std::nullopt, "squat", "step-up", reps_dose(3, 15, 15)));
  EXPECT_FALSE(within_limit(reps_dose(3, 15, 15), "squat", "step-up", reps_dose(1, 5, 15)));
  EXPECT_FALSE(within_limit(hold_dose(1, 3, 30, 45), "calf-stretch", "calf-stretch", hold_dose(1, 3, 35, 45)));
}

TEST_F(Changes, ThePlannersRulesNameWhatTheyRefuse) {
  Exercise kneel = tracking::testing::make_exercise("kneel-stretch", Kind::kStretch, hold_dose(1, 3, 30, 45));
  kneel.name = "Kneeling stretch";
  kneel.demands = {Demand::kKneeling};
  auto all = catalog.all();
  all.push_back(kneel);
  const Catalog with_kneel(all);
  Answers answers;
  answers.can_kneel = false;
  const Profile p = make_profile(answers, Level::kGo);

  auto add = change(ChangeKind::kAdd, "kneel-stretch", 1);
  EXPECT_EQ(rule_against(add, with_kneel, p),
            "the planner leaves out the Kneeling stretch for this person: it needs kneeling");
  auto fine = change(ChangeKind::kAdd, "child-pose", 1);
  EXPECT_EQ(rule_against(fine, with_kneel, p), "");
  auto dose = change(ChangeKind::kDose, "squat", 1);
  dose.dose = reps_dose(4, 20, 15);
  EXPECT_EQ(rule_against(dose, with_kneel, p),
            "the dose is above the most the progression rules give the squat: 4 sets (progression stops at 3), 20 "
            "reps or holds (progression stops at 15)");
  dose.dose = reps_dose(3, 15, 15);
  EXPECT_EQ(rule_against(dose, with_kneel, p), "");
}

}  // namespace
}  // namespace kc
