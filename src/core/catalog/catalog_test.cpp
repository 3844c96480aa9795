#include "core/catalog/catalog.h"

#include <gtest/gtest.h>

#include "core/catalog/describe.h"

namespace kc {
namespace {

Exercise stretch(const std::string& id) {
  Exercise e;
  e.id = id;
  e.name = id;
  e.kind = Kind::kStretch;
  e.sources = {"004_6e436e597dec6f76.txt"};
  e.dose.reps = 2;
  e.dose.hold_seconds = 30;
  e.dose.sides = Sides::kEach;
  return e;
}

Exercise strength(const std::string& id) {
  Exercise e = stretch(id);
  e.kind = Kind::kStrength;
  e.dose.hold_seconds.reset();
  e.dose.reps = 10;
  e.dose.sets = 2;
  e.dose.tempo = Tempo{2, 1, 3};
  e.dose.rest_seconds = 30;
  return e;
}

bool has_problem(const std::vector<Problem>& problems, const std::string& field) {
  for (const auto& p : problems)
    if (p.field == field) return true;
  return false;
}

TEST(CheckExercise, AcceptsAWellFormedRecord) {
  EXPECT_TRUE(check_exercise(stretch("calf-stretch")).empty());
  EXPECT_TRUE(check_exercise(strength("step-up")).empty());
}

TEST(CheckExercise, RejectsAStretchHoldOutside30To60Seconds) {
  for (int seconds : {5, 29, 61}) {
    Exercise e = stretch("calf-stretch");
    e.dose.hold_seconds = seconds;
    const auto problems = check_exercise(e);
    ASSERT_TRUE(has_problem(problems, "dose.hold_seconds")) << seconds;
    EXPECT_NE(problems.front().message.find("expected 30 to 60 seconds"), std::string::npos);
  }
}

TEST(CheckExercise, RejectsAStretchHeldForCountedBreaths) {
  Exercise e = stretch("calf-stretch");
  e.dose.hold_seconds.reset();
  e.dose.hold_seconds_max.reset();
  e.dose.hold_breaths = 5;
  const auto problems = check_exercise(e);
  ASSERT_TRUE(has_problem(problems, "dose.hold_breaths"));
  EXPECT_NE(problems.front().message.find("expected a timed hold"), std::string::npos);
}

TEST(CheckExercise, RequiresAHoldForStretchesAndATempoForReps) {
  Exercise s = stretch("x");
  s.dose.hold_seconds.reset();
  EXPECT_TRUE(has_problem(check_exercise(s), "dose"));
  Exercise r = strength("y");
  r.dose.tempo.reset();
  EXPECT_TRUE(has_problem(check_exercise(r), "dose"));
}

TEST(CheckExercise, DemandsMustMatchThePosition) {
  Exercise e = stretch("hip-flexor-stretch");
  e.position = Position::kKneeling;
  EXPECT_TRUE(has_problem(check_exercise(e), "demands"));
  e.demands = {Demand::kKneeling};
  EXPECT_TRUE(check_exercise(e).empty());
  e.position = Position::kLyingOnBack;
  EXPECT_TRUE(has_problem(check_exercise(e), "demands"));
}

TEST(CheckExercise, ArticleExercisesNeedSourcesAndAddedOnesReferences) {
  Exercise e = stretch("x");
  e.sources.clear();
  EXPECT_TRUE(has_problem(check_exercise(e), "sources"));
  e.from_articles = false;
  EXPECT_TRUE(has_problem(check_exercise(e), "references"));
  e.references = {"ACSM 2021"};
  EXPECT_TRUE(check_exercise(e).empty());
}

TEST(CheckExercise, ProgressionCeilingsMustNotBeBelowTheStart) {
  Exercise e = strength("x");
  e.dose.reps_max = 5;
  EXPECT_TRUE(has_problem(check_exercise(e), "dose.reps_max"));
}

TEST(CheckCatalog, FindsDuplicateIdsAndBrokenLinks) {
  Exercise a = stretch("a");
  Exercise b = stretch("a");
  Exercise c = stretch("c");
  c.easier.push_back({"missing-id", "", "x"});
  c.harder.push_back({"c", "", "x"});
  const auto problems = check_catalog({a, b, c});
  EXPECT_TRUE(has_problem(problems, "id"));
  EXPECT_TRUE(has_problem(problems, "variants.easier[1].exercise"));
  EXPECT_TRUE(has_problem(problems, "variants.harder[1].exercise"));
  EXPECT_EQ(problems.size(), 3u);
}

TEST(Catalog, FindsByIdAndSuggestsCloseOnes) {
  Catalog catalog({stretch("wall-sit"), stretch("bridge"), stretch("calf-stretch")});
  ASSERT_NE(catalog.find("bridge"), nullptr);
  EXPECT_EQ(catalog.find("nope"), nullptr);
  EXPECT_EQ(catalog.ids(), (std::vector<std::string>{"bridge", "calf-stretch", "wall-sit"}));
  EXPECT_EQ(catalog.suggest("walsit").front(), "wall-sit");
}

TEST(Filter, ByKindRegionAndEquipmentAtHand) {
  Exercise wall = strength("wall-sit");
  wall.equipment_needed = {Equipment::kWall};
  wall.regions = {"front-thigh"};
  Exercise circles = stretch("ankle-circles");
  circles.kind = Kind::kMobility;
  circles.regions = {"ankle"};
  Catalog catalog({wall, circles});

  EXPECT_EQ(filter(catalog, {Kind::kStrength, {}, {}}).size(), 1u);
  EXPECT_EQ(filter(catalog, {{}, std::string("ankle"), {}}).front()->id, "ankle-circles");
  CatalogFilter none;
  none.equipment = std::vector<Equipment>{};
  EXPECT_EQ(filter(catalog, none).size(), 1u);  // only the one needing nothing
  CatalogFilter with_wall;
  with_wall.equipment = std::vector<Equipment>{Equipment::kWall, Equipment::kChair};
  EXPECT_EQ(filter(catalog, with_wall).size(), 2u);
}

TEST(DoseSeconds, CountsRepsTempoSidesAndRest) {
  Exercise e = strength("x");  // 2 sets x 10 reps x 6 s, each side, 30 s rest
  EXPECT_EQ(dose_seconds(e.dose), 2 * 10 * 6 * 2 + 30 * 1 * 2 + 5);
  Exercise s = stretch("y");  // 2 holds x (30 + 3) each side
  EXPECT_EQ(dose_seconds(s.dose), 2 * 33 * 2 + 5);
}

TEST(Describe, DoseReadsPlainly) {
  EXPECT_EQ(describe_dose(strength("x").dose),
            "2 sets of 10 reps on each side (2 s up, 1 s hold, 3 s down), rest 30 s between sets");
  Exercise s = stretch("y");
  s.dose.hold_seconds_max = 60;
  EXPECT_EQ(describe_dose(s.dose), "2 holds of 30 s (building to 60 s) on each side");
  Dose breaths;
  breaths.hold_breaths = 5;
  EXPECT_EQ(describe_dose(breaths), "1 hold of 5 slow breaths");
}

TEST(Describe, Frequency) {
  EXPECT_EQ(describe_frequency({7, 7, 0, true, ""}), "every day, and after workouts");
  EXPECT_EQ(describe_frequency({2, 3, 1, false, ""}), "2-3 times a week, with at least a day off between");
}

}  // namespace
}  // namespace kc
