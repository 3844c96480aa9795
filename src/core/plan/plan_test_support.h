// Test support for the planner tests (header-only, used by *_test.cpp): a small catalog and a
// checker for the properties every plan must have.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/intake/answers.h"
#include "core/plan/chain.h"
#include "core/plan/dosing.h"
#include "core/plan/plan.h"
#include "core/plan/schedule.h"

namespace kc::plan_test {

struct Spec {
  std::string id;
  Kind kind = Kind::kStretch;
  std::vector<std::string> muscles;
  Position position = Position::kStanding;
  std::vector<Demand> demands;
  std::vector<Equipment> needed;
  std::string source;  // article file, or empty for an added exercise
  std::string easier;  // id of an easier version, or empty
};

inline Exercise make_exercise(const Spec& s) {
  Exercise e;
  e.id = s.id;
  e.name = "The " + s.id;
  e.kind = s.kind;
  e.from_articles = !s.source.empty();
  if (e.from_articles)
    e.sources = {s.source};
  else
    e.references = {"A published reference"};
  e.regions = {"knee"};
  e.muscles = s.muscles;
  e.position = s.position;
  e.demands = s.demands;
  e.equipment_needed = s.needed;
  e.purpose = "For testing.";
  e.benefit = "helps " + s.id;
  e.steps = {"One.", "Two."};
  e.cues = {"Cue."};
  e.mistakes = {"Mistake."};
  if (s.kind == Kind::kStretch) {
    e.dose.reps = 2;
    e.dose.hold_seconds = 30;
    e.dose.hold_seconds_max = 60;
    e.dose.sides = Sides::kEach;
    e.frequency = {2, 7, 0, true, ""};
  } else if (s.kind == Kind::kMobility) {
    e.dose.sets = 2;
    e.dose.reps = 10;
    e.dose.sides = Sides::kEach;
    e.dose.tempo = Tempo{2, 0, 2};
    e.frequency = {2, 7, 0, false, ""};
  } else {
    e.dose.sets = 2;
    e.dose.reps = 10;
    e.dose.reps_max = 15;
    e.dose.sides = Sides::kEach;
    e.dose.tempo = Tempo{2, 1, 3};
    e.dose.rest_seconds = 45;
    e.frequency = {2, 3, 1, false, ""};
  }
  if (!s.easier.empty()) e.easier.push_back({s.easier, "", "an easier version"});
  e.easier.push_back({"", "range", "move through a smaller range"});
  return e;
}

// An exercise of `kind` working `muscles`, standing, needing nothing, not from the articles.
inline Exercise simple_exercise(const std::string& id, Kind kind, std::vector<std::string> muscles) {
  Spec s;
  s.id = id;
  s.kind = kind;
  s.muscles = std::move(muscles);
  return make_exercise(s);
}

inline constexpr const char* kArt000 = "000_d5d932329af72d38.txt";
inline constexpr const char* kArt002 = "002_505039c60e801554.txt";
inline constexpr const char* kArt003 = "003_f27ba83ac46c3e53.txt";
inline constexpr const char* kArt004 = "004_6e436e597dec6f76.txt";

// A small catalog with the shapes of the real one: kneeling and floor versions with standing or
// seated easier versions, equipment needs, and single-leg balance.
inline std::vector<Exercise> small_exercises() {
  using D = Demand;
  using Q = Equipment;
  std::vector<Spec> specs{
      {"squat", Kind::kStrength, {"quadriceps", "gluteus-maximus"}, Position::kStanding, {}, {Q::kChair}, kArt002, ""},
      {"step-up",
       Kind::kStrength,
       {"quadriceps", "gluteus-medius"},
       Position::kStanding,
       {D::kSingleLegBalance},
       {Q::kStep},
       kArt002,
       "squat"},
      {"kneel-bounce",
       Kind::kStrength,
       {"quadriceps", "core"},
       Position::kAllFours,
       {D::kKneeling, D::kFloor},
       {Q::kMat},
       kArt003,
       ""},
      {"bridge",
       Kind::kStrength,
       {"gluteus-maximus", "hamstrings"},
       Position::kLyingOnBack,
       {D::kFloor},
       {Q::kMat},
       kArt003,
       ""},
      {"hip-abduction", Kind::kStrength, {"gluteus-medius"}, Position::kStanding, {D::kSingleLegBalance}, {}, "", ""},
      {"curl-lying",
       Kind::kStrength,
       {"hamstrings"},
       Position::kLyingOnFront,
       {D::kFloor},
       {Q::kMat},
       kArt002,
       "curl-standing"},
      {"curl-standing", Kind::kStrength, {"hamstrings"}, Position::kStanding, {D::kSingleLegBalance}, {}, kArt002, ""},
      {"kneel-hip-stretch",
       Kind::kStretch,
       {"hip-flexors", "quadriceps"},
       Position::kKneeling,
       {D::kKneeling, D::kFloor},
       {Q::kMat},
       kArt004,
       "standing-hip-stretch"},
      {"standing-hip-stretch", Kind::kStretch, {"hip-flexors"}, Position::kStanding, {}, {}, "", ""},
      {"quad-pull", Kind::kStretch, {"quadriceps"}, Position::kStanding, {D::kSingleLegBalance}, {}, kArt003, ""},
      {"ham-reach",
       Kind::kStretch,
       {"hamstrings"},
       Position::kSeated,
       {D::kFloor},
       {Q::kMat},
       kArt003,
       "chair-ham-stretch"},
      {"chair-ham-stretch", Kind::kStretch, {"hamstrings"}, Position::kSeated, {}, {Q::kChair}, "", ""},
      {"calf-stretch", Kind::kStretch, {"gastrocnemius", "soleus"}, Position::kStanding, {}, {Q::kWall}, kArt004, ""},
      {"ankle-circles", Kind::kMobility, {"tibialis-anterior"}, Position::kSeated, {}, {}, kArt004, ""},
  };
  std::vector<Exercise> out;
  out.reserve(specs.size());
  for (const auto& s : specs) out.push_back(make_exercise(s));
  return out;
}

inline Catalog small_catalog() { return Catalog(small_exercises()); }

inline std::vector<Equipment> all_equipment() {
  return {Equipment::kChair, Equipment::kStep,    Equipment::kWall, Equipment::kMat,
          Equipment::kBooks, Equipment::kCounter, Equipment::kBand};
}

// An adult with low gradual pain, every piece of equipment, every day and 30 minutes.
inline Answers well_equipped() {
  Answers a;
  a.age = 45;
  a.knee = KneeSide::kLeft;
  a.pain_now = 2;
  a.location = {PainLocation::kFront};
  a.onset = Onset::kGradual;
  a.equipment = all_equipment();
  a.minutes_per_session = 30;
  return a;
}

inline bool contains(const std::vector<ChainGroup>& gs, ChainGroup g) {
  return std::find(gs.begin(), gs.end(), g) != gs.end();
}

// Every property the issue asks of a plan, as a list of violations (empty when all hold).
inline std::vector<std::string> violations(const Plan& plan, const Answers& a) {
  std::vector<std::string> out;
  auto fail = [&out](const std::string& what) { out.push_back(what); };
  if (!spaced_apart(plan.strength_days)) fail("strength days are adjacent");
  if (plan.strength_days.size() < 2 || plan.strength_days.size() > 3) fail("not 2-3 strength days");
  std::vector<CivilDate> strength_dates;
  for (const auto& c : plan.calendar)
    if (c.kind == SessionKind::kStrength) strength_dates.push_back(c.date);
  for (std::size_t i = 1; i < strength_dates.size(); ++i)
    if ((strength_dates[i] - strength_dates[i - 1]).count() < 2) fail("strength sessions on consecutive dates");
  for (const auto& c : plan.calendar)
    if (!a.exercises_on(weekday_of(c.date))) fail("a session on a day the person did not give");
  for (const auto& s : plan.sessions) {
    int seconds = 0;
    std::vector<ChainGroup> flex_groups;
    std::vector<ChainGroup> strength_groups;
    bool stretch = false;
    bool mobility = false;
    for (const auto& item : s.exercises) {
      const Exercise& e = *item.exercise;
      seconds += dose_time(item.dose) + kMoveSeconds;
      if (item.seconds != dose_time(item.dose)) fail(e.id + ": seconds do not match its dose");
      if (!a.can_kneel && e.has_demand(Demand::kKneeling)) fail(e.id + ": kneeling for someone who cannot kneel");
      if (!a.can_get_down_to_floor && e.has_demand(Demand::kFloor)) fail(e.id + ": floor work");
      if (!a.can_bend_to_90 && e.has_demand(Demand::kKneeBendPast90)) fail(e.id + ": bends the knee past 90 degrees");
      for (Equipment q : e.equipment_needed)
        if (!a.has(q)) fail(e.id + ": needs equipment the person does not have");
      if (e.has_demand(Demand::kSingleLegBalance) && a.age >= 65 && !a.has(Equipment::kChair) &&
          !a.has(Equipment::kCounter))
        fail(e.id + ": single-leg balance at 65+ without a support");
      if (e.kind == Kind::kStretch) {
        const int hold = hold_time(item.dose);
        if (hold < 30 || hold > 60) fail(e.id + ": stretch hold outside 30-60 s");
        if (!item.dose.hold_seconds || item.dose.hold_breaths) fail(e.id + ": stretch hold not in timed seconds");
      }
      if (item.reason.empty() || item.reason.find('\n') != std::string::npos) fail(e.id + ": reason not one line");
      if (item.reason.rfind(e.benefit, 0) != 0) fail(e.id + ": reason does not start with the benefit");
      auto& groups = e.kind == Kind::kStrength ? strength_groups : flex_groups;
      for (ChainGroup g : groups_of(e)) groups.push_back(g);
      stretch = stretch || e.kind == Kind::kStretch;
      mobility = mobility || e.kind == Kind::kMobility;
      if (s.kind == SessionKind::kFlexibility && e.kind == Kind::kStrength) fail("strengthening on a flexibility day");
    }
    if (seconds != s.seconds) fail("session seconds do not add up");
    if (s.seconds > a.minutes_per_session * 60) fail("session " + s.id + " is longer than the person's minutes");
    if (s.exercises.empty()) fail("session " + s.id + " is empty");
    if (!plan.complete) continue;  // a short or limited program: the decisions say what is left out
    for (ChainGroup g : kChainGroups)
      if (!contains(flex_groups, g)) fail("session " + s.id + " does not stretch " + std::string(to_string(g)));
    if (!stretch || !mobility) fail("session " + s.id + " lacks a stretch or a mobility exercise");
    if (s.kind == SessionKind::kStrength)
      for (ChainGroup g : {ChainGroup::kQuadriceps, ChainGroup::kHipsGlutes, ChainGroup::kHamstrings})
        if (!contains(strength_groups, g)) fail("session A does not strengthen " + std::string(to_string(g)));
  }
  if (plan.session(SessionKind::kStrength) == nullptr) fail("no strength session");
  return out;
}

}  // namespace kc::plan_test
