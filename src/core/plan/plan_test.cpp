#include "core/plan/plan.h"

#include <gtest/gtest.h>

#include "core/common/text.h"
#include "core/plan/plan_json.h"
#include "core/plan/plan_test_support.h"

namespace kc {
namespace {

using plan_test::small_catalog;
using plan_test::violations;
using plan_test::well_equipped;

const CivilDate kMonday = make_date(2025, 3, 3);

PlanOutcome plan_for(const Answers& a, const Catalog& c, Level level = Level::kGo, int weeks = 6) {
  auto r = build_plan(a, c, PlanOptions{kMonday, weeks, level, {}});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : PlanOutcome{};
}

Plan plan_ok(const Answers& a, const Catalog& c, Level level = Level::kGo, int weeks = 6) {
  auto outcome = plan_for(a, c, level, weeks);
  if (!outcome.ok()) {
    std::string all;
    for (const auto& m : outcome.missing) all += m.what + " / " + m.fix + "\n";
    ADD_FAILURE() << "no plan:\n" << all;
    return Plan{};
  }
  return *outcome.plan;
}

std::vector<std::string> ids(const Plan& p, SessionKind kind) {
  std::vector<std::string> out;
  if (const SessionTemplate* s = p.session(kind))
    for (const auto& item : s->exercises) out.push_back(item.exercise->id);
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

const PlannedExercise* find_item(const Plan& p, const std::string& id) {
  for (const auto& s : p.sessions)
    for (const auto& item : s.exercises)
      if (item.exercise->id == id) return &item;
  return nullptr;
}

TEST(Plan, TheSmallCatalogIsValid) { EXPECT_TRUE(check_catalog(plan_test::small_exercises()).empty()); }

TEST(Plan, AWellEquippedPersonGetsABalancedPlan) {
  const Catalog c = small_catalog();
  const Answers a = well_equipped();
  const Plan p = plan_ok(a, c);
  EXPECT_EQ(violations(p, a), std::vector<std::string>{});
  ASSERT_EQ(p.sessions.size(), 2U);
  EXPECT_EQ(p.sessions[0].id, "A");
  EXPECT_EQ(p.sessions[1].id, "B");
  EXPECT_TRUE(has(ids(p, SessionKind::kStrength), "squat"));
  EXPECT_TRUE(has(ids(p, SessionKind::kFlexibility), "ankle-circles"));
}

TEST(Plan, NoKneelingForSomeoneWhoCannotKneel) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.can_kneel = false;
  const Plan p = plan_ok(a, c);
  EXPECT_EQ(violations(p, a), std::vector<std::string>{});
  for (const auto& s : p.sessions)
    for (const auto& item : s.exercises)
      EXPECT_FALSE(item.exercise->has_demand(Demand::kKneeling)) << item.exercise->id;
}

TEST(Plan, TheStandingVersionSaysWhyWhenKneelingIsHard) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.can_kneel = false;
  const Plan p = plan_ok(a, c);
  const PlannedExercise* item = find_item(p, "standing-hip-stretch");
  ASSERT_NE(item, nullptr);
  EXPECT_NE(item->reason.find("the standing version of the The kneel-hip-stretch, because kneeling is hard for you"),
            std::string::npos)
      << item->reason;
}

TEST(Plan, NothingOnTheFloorForSomeoneWhoCannotGetDown) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.can_get_down_to_floor = false;
  const Plan p = plan_ok(a, c);
  EXPECT_EQ(violations(p, a), std::vector<std::string>{});
  for (const auto& s : p.sessions)
    for (const auto& item : s.exercises) EXPECT_FALSE(item.exercise->has_demand(Demand::kFloor)) << item.exercise->id;
  EXPECT_TRUE(has(ids(p, SessionKind::kFlexibility), "chair-ham-stretch"));
}

TEST(Plan, NoStepUpsWithoutAStep) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.location = {PainLocation::kInner};  // the inner-knee set would otherwise include step-ups
  EXPECT_TRUE(has(ids(plan_ok(a, c), SessionKind::kStrength), "step-up"));
  a.equipment.erase(std::find(a.equipment.begin(), a.equipment.end(), Equipment::kStep));
  const Plan p = plan_ok(a, c);
  EXPECT_FALSE(has(ids(p, SessionKind::kStrength), "step-up"));
  EXPECT_EQ(violations(p, a), std::vector<std::string>{});
}

TEST(Plan, InnerKneePainLeansOnTheInnerKneeSet) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.location = {PainLocation::kInner};
  a.minutes_per_session = 40;
  const Plan p = plan_ok(a, c);
  const auto strength = ids(p, SessionKind::kStrength);
  EXPECT_TRUE(has(strength, "squat"));
  EXPECT_TRUE(has(strength, "step-up"));
  EXPECT_TRUE(has(strength, "curl-lying") || has(strength, "curl-standing"));
  const PlannedExercise* squat = find_item(p, "squat");
  ASSERT_NE(squat, nullptr);
  EXPECT_NE(squat->reason.find("inner-knee pain"), std::string::npos);
  // Without inner-knee pain the extra step-ups are not added.
  a.location = {PainLocation::kFront};
  EXPECT_FALSE(has(ids(plan_ok(a, c), SessionKind::kStrength), "step-up"));
}

TEST(Plan, EverySessionFitsTheMinutes) {
  const Catalog c = small_catalog();
  for (int minutes : {5, 8, 12, 14, 15, 20, 25, 30, 45, 90}) {
    Answers a = well_equipped();
    a.minutes_per_session = minutes;
    auto outcome = plan_for(a, c);
    ASSERT_TRUE(outcome.ok()) << minutes << " minutes gave no plan";
    for (const auto& s : outcome.plan->sessions) EXPECT_LE(s.seconds, minutes * 60) << s.id << " at " << minutes;
    EXPECT_EQ(violations(*outcome.plan, a), std::vector<std::string>{});
  }
}

TEST(Plan, ShortSessionsTrimDosesAndSaySo) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.minutes_per_session = 20;
  const Plan p = plan_ok(a, c);
  bool trimmed = false;
  for (const auto& item : p.sessions[0].exercises)
    if (item.trimmed) {
      trimmed = true;
      EXPECT_NE(item.reason.find("to fit your 20 minutes"), std::string::npos) << item.reason;
    }
  EXPECT_TRUE(trimmed);
}

TEST(Plan, FewMinutesGiveAShortProgramAndSayHowManyWouldFitAll) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.minutes_per_session = 5;
  const auto outcome = plan_for(a, c);
  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome.plan->complete);
  EXPECT_FALSE(outcome.plan->sessions[0].exercises.empty());
  EXPECT_LE(outcome.plan->sessions[0].seconds, 300);
  // Strengthening comes first in a short session.
  EXPECT_EQ(outcome.plan->sessions[0].exercises.front().block, Block::kStrength);
  const std::string all = join(outcome.plan->decisions, "\n");
  EXPECT_NE(all.find("Left out to fit your minutes"), std::string::npos) << all;
  EXPECT_NE(all.find("a short program: about"), std::string::npos) << all;
}

int volume(const Plan& p) {
  int total = 0;
  for (const auto& item : p.session(SessionKind::kStrength)->exercises)
    if (item.exercise->kind == Kind::kStrength) total += item.dose.sets * item.dose.reps;
  return total;
}

TEST(Plan, CautionLowersTheDose) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.minutes_per_session = 60;
  const Plan go = plan_ok(a, c, Level::kGo);
  const Plan caution = plan_ok(a, c, Level::kCaution);
  EXPECT_LT(volume(caution), volume(go));
  for (const auto& item : caution.session(SessionKind::kStrength)->exercises) {
    if (item.exercise->kind != Kind::kStrength) continue;
    EXPECT_LT(item.dose.sets * item.dose.reps, item.exercise->dose.sets * item.exercise->dose.reps)
        << item.exercise->id;
    EXPECT_NE(item.reason.find("because of the cautions in your answers"), std::string::npos) << item.reason;
  }
  EXPECT_EQ(violations(caution, a), std::vector<std::string>{});
}

TEST(Plan, CautionPrefersEasierVersions) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.minutes_per_session = 60;
  EXPECT_TRUE(has(ids(plan_ok(a, c, Level::kGo), SessionKind::kFlexibility), "ham-reach"));
  const Plan caution = plan_ok(a, c, Level::kCaution);
  EXPECT_TRUE(has(ids(caution, SessionKind::kFlexibility), "chair-ham-stretch"));
  EXPECT_TRUE(has(ids(caution, SessionKind::kStrength), "curl-standing"));
  const PlannedExercise* item = find_item(caution, "chair-ham-stretch");
  ASSERT_NE(item, nullptr);
  EXPECT_NE(item->reason.find("an easier version of the The ham-reach, because of the cautions"), std::string::npos);
  EXPECT_FALSE(item->start_easier.empty());
}

TEST(Plan, MorePainMeansALowerDose) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.minutes_per_session = 60;
  a.pain_now = 2;
  const int low = volume(plan_ok(a, c));
  a.pain_now = 5;
  const int moderate = volume(plan_ok(a, c));
  a.pain_worst_week = 8;
  const int high = volume(plan_ok(a, c));
  EXPECT_LT(moderate, low);
  EXPECT_LT(high, moderate);
}

TEST(Plan, StretchHoldsStayWithin30To60Seconds) {
  std::vector<Exercise> list = plan_test::small_exercises();
  for (auto& e : list) {
    if (e.id == "calf-stretch") e.dose.hold_seconds = 15;  // too short in the catalog
    if (e.id == "quad-pull") e.dose.hold_seconds = 90;     // too long in the catalog
  }
  const Catalog c(std::move(list));
  Answers a = well_equipped();
  a.minutes_per_session = 60;
  const Plan p = plan_ok(a, c);
  EXPECT_EQ(violations(p, a), std::vector<std::string>{});
  EXPECT_EQ(*find_item(p, "calf-stretch")->dose.hold_seconds, 30);
  EXPECT_EQ(*find_item(p, "quad-pull")->dose.hold_seconds, 60);
}

TEST(Plan, StrengthDaysAreNeverAdjacentAcrossTheWeekend) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.days = {Weekday::kSun, Weekday::kMon, Weekday::kWed};
  const Plan p = plan_ok(a, c);
  EXPECT_EQ(violations(p, a), std::vector<std::string>{});
  const bool sun = std::find(p.strength_days.begin(), p.strength_days.end(), Weekday::kSun) != p.strength_days.end();
  const bool mon = std::find(p.strength_days.begin(), p.strength_days.end(), Weekday::kMon) != p.strength_days.end();
  EXPECT_FALSE(sun && mon);
  EXPECT_EQ(p.strength_days.size(), 2U);
}

TEST(Plan, LowPainWithoutCautionsGetsThreeStrengthDays) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  EXPECT_EQ(plan_ok(a, c).strength_days, (std::vector<Weekday>{Weekday::kMon, Weekday::kWed, Weekday::kFri}));
  EXPECT_EQ(plan_ok(a, c, Level::kCaution).strength_days, (std::vector<Weekday>{Weekday::kMon, Weekday::kThu}));
}

TEST(Plan, StretchingAndMobilityOnEveryChosenDay) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.days = {Weekday::kMon, Weekday::kTue, Weekday::kThu, Weekday::kSat};
  const Plan p = plan_ok(a, c, Level::kGo, 2);
  EXPECT_EQ(p.calendar.size(), 8U);
  for (const auto& s : p.calendar) {
    const SessionTemplate* t = p.session(s.kind);
    ASSERT_NE(t, nullptr);
    EXPECT_TRUE(std::any_of(t->exercises.begin(), t->exercises.end(),
                            [](const PlannedExercise& i) { return i.exercise->kind == Kind::kStretch; }));
  }
  EXPECT_EQ(p.calendar.front().date, kMonday);
  EXPECT_EQ(p.calendar.back().date, make_date(2025, 3, 15));
}

TEST(Plan, ReviewAtWeekSixAndAtTheEnd) {
  const Catalog c = small_catalog();
  const Answers a = well_equipped();
  const auto weeks_of = [](const Plan& p) {
    std::vector<int> out;
    for (const auto& r : p.reviews) out.push_back(r.week);
    return out;
  };
  const Plan six = plan_ok(a, c, Level::kGo, 6);
  EXPECT_EQ(weeks_of(six), std::vector<int>{6});
  EXPECT_EQ(six.reviews[0].date, make_date(2025, 4, 13));
  EXPECT_EQ(weeks_of(plan_ok(a, c, Level::kGo, 12)), (std::vector<int>{6, 12}));
  EXPECT_EQ(weeks_of(plan_ok(a, c, Level::kGo, 4)), std::vector<int>{4});
}

TEST(Plan, OlderPeopleBalanceOnOneLegOnlyWithASupport) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.age = 72;
  a.equipment = {Equipment::kWall, Equipment::kMat, Equipment::kStep};  // no chair or counter
  const auto outcome = plan_for(a, c);
  if (outcome.ok()) {
    for (const auto& s : outcome.plan->sessions)
      for (const auto& item : s.exercises)
        EXPECT_FALSE(item.exercise->has_demand(Demand::kSingleLegBalance)) << item.exercise->id;
  }
  a.equipment.push_back(Equipment::kChair);
  const Plan p = plan_ok(a, c);
  EXPECT_EQ(violations(p, a), std::vector<std::string>{});
  for (const auto& s : p.sessions) {
    for (const auto& item : s.exercises) {
      if (item.exercise->has_demand(Demand::kSingleLegBalance)) {
        EXPECT_NE(item.reason.find("keep a hand on a chair or counter"), std::string::npos);
      }
    }
  }
}

TEST(Plan, TooLittleWithFewerThanTwoDays) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.days = {Weekday::kWed};
  const auto outcome = plan_for(a, c);
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.missing[0].what.find("at least two exercise days"), std::string::npos);
}

TEST(Plan, TooLittleWhenTheOnlyDaysAreNextToEachOther) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.days = {Weekday::kSat, Weekday::kSun};
  const auto outcome = plan_for(a, c);
  ASSERT_FALSE(outcome.ok());
  ASSERT_EQ(outcome.missing.size(), 1U);
  EXPECT_NE(outcome.missing[0].what.find("Saturday and Sunday are next to each other"), std::string::npos);
  EXPECT_NE(outcome.missing[0].fix.find("add Monday, Tuesday, Wednesday, Thursday or Friday"), std::string::npos)
      << outcome.missing[0].fix;
}

TEST(Plan, NoEquipmentGivesAProgramAndNamesWhatToAdd) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.equipment = {};
  a.can_get_down_to_floor = false;
  const auto outcome = plan_for(a, c);
  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome.plan->complete);
  EXPECT_EQ(violations(*outcome.plan, a), std::vector<std::string>{});
  const std::string all = join(outcome.plan->decisions, "\n");
  EXPECT_NE(all.find("Not in your program: a strengthening exercise for the quadriceps (front of the thigh)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("Not in your program: a stretch for the hamstrings (back of the thigh). To add it, add a sturdy "
                     "chair to your equipment (for the The chair-ham-stretch)"),
            std::string::npos)
      << all;
}

TEST(Plan, WhenOnlyAbilitiesStandInTheWayThePlanSaysWhomToAsk) {
  std::vector<Exercise> list;
  for (auto& e : plan_test::small_exercises())
    if (e.id != "chair-ham-stretch") list.push_back(e);
  for (auto& e : list)
    if (e.id == "ham-reach") e.easier.clear();
  const Catalog c(std::move(list));
  Answers a = well_equipped();
  a.can_get_down_to_floor = false;
  const auto outcome = plan_for(a, c);
  ASSERT_TRUE(outcome.ok());
  const std::string all = join(outcome.plan->decisions, "\n");
  EXPECT_NE(all.find("needs getting down to the floor"), std::string::npos) << all;
  EXPECT_NE(all.find("physiotherapist"), std::string::npos) << all;
}

TEST(Plan, SaysFirstHowContradictoryAnswersWereRead) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.pain_now = 4;
  a.pain_worst_week = 1;
  const Plan p = plan_ok(a, c);
  ASSERT_FALSE(p.decisions.empty());
  EXPECT_NE(p.decisions.front().find("the worst was read as 4/10"), std::string::npos) << p.decisions.front();
  EXPECT_EQ(p.pain, 4);
}

TEST(Plan, RejectsOptionsTheCallerShouldHaveChecked) {
  const Catalog c = small_catalog();
  const Answers a = well_equipped();
  EXPECT_FALSE(build_plan(a, c, PlanOptions{kMonday, 0, Level::kGo, {}}).ok());
  EXPECT_FALSE(build_plan(a, c, PlanOptions{kMonday, 53, Level::kGo, {}}).ok());
  const auto referral = build_plan(a, c, PlanOptions{kMonday, 6, Level::kSeeClinician, {}});
  ASSERT_FALSE(referral.ok());
  EXPECT_NE(referral.error().message.find("see_clinician"), std::string::npos);
}

TEST(Plan, IsDeterministic) {
  Answers a = well_equipped();
  a.location = {PainLocation::kInner, PainLocation::kFront};
  a.days = {Weekday::kSun, Weekday::kTue, Weekday::kThu, Weekday::kFri};
  auto shuffled = plan_test::small_exercises();
  std::reverse(shuffled.begin(), shuffled.end());
  const Catalog c1 = small_catalog();
  const Catalog c2(std::move(shuffled));
  const std::string first = plan_to_json(plan_ok(a, c1, Level::kCaution)).dump();
  const std::string again = plan_to_json(plan_ok(a, c1, Level::kCaution)).dump();
  const std::string other_order = plan_to_json(plan_ok(a, c2, Level::kCaution)).dump();
  EXPECT_EQ(first, again);
  EXPECT_EQ(first, other_order);
  // The order days are given in does not matter either.
  a.days = {Weekday::kFri, Weekday::kThu, Weekday::kTue, Weekday::kSun};
  EXPECT_EQ(first, plan_to_json(plan_ok(a, c1, Level::kCaution)).dump());
}

TEST(Plan, EveryExerciseHasAOneLineReason) {
  const Catalog c = small_catalog();
  Answers a = well_equipped();
  a.location = {PainLocation::kInner};
  const Plan p = plan_ok(a, c, Level::kCaution);
  for (const auto& s : p.sessions)
    for (const auto& item : s.exercises) {
      EXPECT_EQ(item.reason.rfind(item.exercise->benefit, 0), 0U) << item.reason;
      EXPECT_EQ(item.reason.find('\n'), std::string::npos);
    }
  EXPECT_FALSE(p.decisions.empty());
  EXPECT_FALSE(p.safety.empty());
}

TEST(PlanJson, HasTheDocumentedShape) {
  const Catalog c = small_catalog();
  const Plan p = plan_ok(well_equipped(), c);
  const Json j = plan_to_json(p);
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"format",  "version",       "status",    "start",     "end",
                                            "weeks",   "triage_level",  "pain",      "pain_band", "minutes_per_session",
                                            "days",    "strength_days", "week",      "sessions",  "calendar",
                                            "reviews", "cautions",      "clearance", "decisions", "safety",
                                            "sources"}));
  EXPECT_EQ(j["start"], "2025-03-03");
  EXPECT_EQ(j["end"], "2025-04-13");
  EXPECT_EQ(j["week"].size(), 7U);
  EXPECT_EQ(j["sessions"][0]["exercises"][0].size(), 11U);
  PlanOutcome none;
  none.missing = {{"what", "fix"}};
  none.enough_alone = {Equipment::kChair};
  const Json shortfall = shortfall_to_json(none);
  EXPECT_EQ(shortfall["enough_alone"], Json::array({"chair"}));
  EXPECT_EQ(shortfall["status"], "too-little");
  EXPECT_EQ(shortfall["missing"][0]["fix"], "fix");
}

}  // namespace
}  // namespace kc
