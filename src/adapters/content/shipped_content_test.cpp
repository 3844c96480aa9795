// The shipped catalog: every exercise the articles describe is present with a complete record.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "adapters/content/exercise_loader.h"

namespace kc::content {
namespace {

const Catalog& shipped() {
  static const Catalog catalog = [] {
    auto result = load_catalog(exercises_dir(KNEECOACH_TEST_CONTENT_DIR));
    if (!result.ok()) ADD_FAILURE() << result.error().message;
    return result.ok() ? std::move(result).value() : Catalog{};
  }();
  return catalog;
}

const std::vector<std::string> kArticleIds{"step-up",
                                           "lunge",
                                           "hamstring-curl-standing",
                                           "hamstring-curl-lying",
                                           "partial-squat",
                                           "prone-straight-leg-raise",
                                           "straight-leg-raise",
                                           "quad-sway",
                                           "quad-pull",
                                           "knee-bounce",
                                           "wall-sit",
                                           "bridge",
                                           "hamstring-reach",
                                           "ankle-circles",
                                           "dorsiflexion-stretch",
                                           "calf-stretch",
                                           "knee-to-chest",
                                           "seated-twist",
                                           "hip-flexor-stretch"};

TEST(ShippedCatalog, LoadsWithoutProblems) { EXPECT_GE(shipped().size(), kArticleIds.size()); }

TEST(ShippedCatalog, HasEveryExerciseTheIssueNames) {
  for (const auto& id : kArticleIds) EXPECT_NE(shipped().find(id), nullptr) << "missing exercise " << id;
}

TEST(ShippedCatalog, EveryRecordIsComplete) {
  for (const Exercise& e : shipped().all()) {
    SCOPED_TRACE(e.id);
    EXPECT_FALSE(e.name.empty());
    EXPECT_FALSE(e.regions.empty());
    EXPECT_FALSE(e.muscles.empty());
    EXPECT_FALSE(e.purpose.empty());
    EXPECT_FALSE(e.benefit.empty());
    EXPECT_GE(e.steps.size(), 2u);
    EXPECT_FALSE(e.cues.empty());
    EXPECT_FALSE(e.mistakes.empty());
    EXPECT_FALSE(e.cautions.empty()) << "every exercise should say who should adapt or skip it";
    EXPECT_FALSE(e.easier.empty() && e.harder.empty()) << "expected at least one variant";
    EXPECT_TRUE(e.from_articles ? !e.sources.empty() : !e.references.empty());
  }
}

TEST(ShippedCatalog, ArticleNamesAreAmongTheAliases) {
  const std::vector<std::pair<std::string, std::string>> named{{"wall-sit", "Imaginary chair"},
                                                               {"bridge", "Bun lift"},
                                                               {"quad-pull", "Quad pull"},
                                                               {"knee-bounce", "Knee bounces"}};
  for (const auto& [id, alias] : named) {
    const Exercise* e = shipped().find(id);
    ASSERT_NE(e, nullptr) << id;
    bool found = false;
    for (const auto& a : e->aliases) found = found || a.find(alias) != std::string::npos;
    EXPECT_TRUE(found || e->name.find(alias) != std::string::npos)
        << id << " should carry the article's name " << alias;
  }
}

TEST(ShippedCatalog, SourcesNameRealArticleFiles) {
  namespace fs = std::filesystem;
  const fs::path seeds = KNEECOACH_TEST_SEEDS_DIR;
  ASSERT_TRUE(fs::is_directory(seeds)) << "expected the articles in " << seeds << " (shared/ beside the checkout)";
  for (const Exercise& e : shipped().all())
    for (const auto& s : e.sources) EXPECT_TRUE(fs::exists(seeds / s)) << e.id << " cites missing " << s;
}

TEST(ShippedCatalog, AddedStretchesCoverTheChainArticle001Names) {
  // Article 001 names hip, glute, hamstring, quad and calf stretches without listing them.
  std::set<std::string> covered;
  for (const Exercise& e : shipped().all()) {
    if (e.from_articles || e.kind != Kind::kStretch) continue;
    covered.insert(e.muscles.begin(), e.muscles.end());
  }
  for (const char* m : {"hip-flexors", "gluteus-maximus", "hamstrings", "quadriceps", "gastrocnemius"})
    EXPECT_TRUE(covered.count(m) || covered.count("soleus")) << "no added stretch for " << m;
}

TEST(ShippedCatalog, StretchHoldsFollowTheArticles) {
  for (const Exercise& e : shipped().all()) {
    if (e.kind != Kind::kStretch || !e.dose.hold_seconds) continue;
    EXPECT_GE(*e.dose.hold_seconds, 20) << e.id;
    EXPECT_LE(e.dose.hold_seconds_max.value_or(*e.dose.hold_seconds), 60) << e.id;
  }
}

// The partial squat's phases run in the body's order: it lowers first ("Sit back"), slowly and
// under control, pauses, then stands up; the lowering is never quicker than the rise (ACSM 2009
// progression models: controlled movement for novices).
// The lunge likewise: it lowers first ("Lower", the slow phase), pauses, then rises.
TEST(ShippedCatalog, TheLungeLowersFirstSlowlyThenRises) {
  const Exercise* lunge = shipped().find("lunge");
  ASSERT_NE(lunge, nullptr);
  EXPECT_EQ(lunge->phase_words.up, "Lower");
  EXPECT_EQ(lunge->phase_words.down, "Rise");
  ASSERT_TRUE(lunge->dose.tempo.has_value());
  EXPECT_EQ(lunge->dose.tempo->up, 3);  // the lowering
  EXPECT_EQ(lunge->dose.tempo->hold, 1);
  EXPECT_EQ(lunge->dose.tempo->down, 2);  // rising back up
  EXPECT_FALSE(lunge->references.empty());
}

// Every exercise whose first phase is a lowering into a bent knee (its words say "Lower" or "Sit
// back" first) spends at least as long lowering as coming back: the inversion the squat and the
// lunge had cannot come back in another file.
TEST(ShippedCatalog, NoExerciseRushesALoweringThatComesFirst) {
  for (const Exercise& e : shipped().all()) {
    if (!e.dose.tempo) continue;
    const std::string& first = e.phase_words.up;
    if (first != "Lower" && first != "Sit back") continue;
    EXPECT_GE(e.dose.tempo->up, e.dose.tempo->down) << e.id << ": the lowering (" << first << ") is its first phase";
  }
}

TEST(ShippedCatalog, ThePartialSquatLowersFirstSlowlyThenStandsUp) {
  const Exercise* squat = shipped().find("partial-squat");
  ASSERT_NE(squat, nullptr);
  EXPECT_EQ(squat->phase_words.up, "Sit back");
  EXPECT_EQ(squat->phase_words.down, "Stand up");
  ASSERT_TRUE(squat->dose.tempo.has_value());
  const Tempo t = *squat->dose.tempo;
  EXPECT_EQ(t.up, 3);  // the lowering
  EXPECT_EQ(t.hold, 1);
  EXPECT_EQ(t.down, 2);  // standing back up
  EXPECT_GE(t.up, t.down);
  EXPECT_FALSE(squat->references.empty());
}

}  // namespace
}  // namespace kc::content
