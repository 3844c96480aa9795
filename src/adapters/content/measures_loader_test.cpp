// The shipped measures load; broken measure files are reported with file, line and field.
#include "adapters/content/measures_loader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/tracking/measure_check.h"

namespace kc::content {
namespace {

namespace fs = std::filesystem;

TEST(Measures, ShippedMeasuresLoadWithSources) {
  auto set = load_measures(KNEECOACH_TEST_CONTENT_DIR);
  ASSERT_TRUE(set.ok()) << set.error().message;
  const auto* pain = set->find("pain");
  ASSERT_NE(pain, nullptr);
  EXPECT_EQ(pain->min, 0);
  EXPECT_EQ(pain->max, 10);
  ASSERT_EQ(pain->questions.size(), 3u);
  EXPECT_EQ(pain->questions[2].id, "pain-next-morning");
  EXPECT_EQ(*pain->meaningful_change, 2);
  EXPECT_EQ(*pain->meaningful_percent, 30);
  const auto* chair = set->find("chair-stand");
  ASSERT_NE(chair, nullptr);
  EXPECT_EQ(chair->seconds, 30);
  const auto* band = tracking::norm_for(*chair, 67);
  ASSERT_NE(band, nullptr);
  EXPECT_EQ(band->men, 12);
  EXPECT_EQ(band->women, 11);
  EXPECT_EQ(tracking::norm_for(*chair, 50), nullptr);
  const auto* grc = set->find("grc");
  ASSERT_NE(grc, nullptr);
  EXPECT_EQ(grc->min, -7);
  EXPECT_EQ(tracking::anchor_label(*grc, 3), "somewhat better");
  const auto* psfs = set->find("psfs");
  ASSERT_NE(psfs, nullptr);
  EXPECT_EQ(psfs->items_max, tracking::kPsfsMaxItems);  // one limit for the content and the check
  for (const auto& m : set->measures) EXPECT_FALSE(m.sources.empty()) << m.id;
}

TEST(Measures, ProblemsNameTheFileAndField) {
  char tmpl[] = "/tmp/kc_measures_XXXXXX";
  const fs::path root = mkdtemp(tmpl);
  fs::create_directories(root / "measures");
  std::ofstream(root / "measures" / "grc.yaml") << "id: grc\nname: G\nkind: rating\npurpose: p\n"
                                                   "instructions: [a]\nscale: {min: 7, max: -7}\n"
                                                   "questions: [{id: grc, prompt: q}]\nsources: [s]\ncolour: red\n";
  auto set = load_measures(root.string());
  ASSERT_FALSE(set.ok());
  const std::string& m = set.error().message;
  EXPECT_NE(m.find("grc.yaml"), std::string::npos) << m;
  EXPECT_NE(m.find("colour"), std::string::npos) << m;
  EXPECT_NE(m.find("min 7 must be below max -7"), std::string::npos) << m;
  fs::remove_all(root);
}

TEST(Measures, AMissingMeasureIsReported) {
  char tmpl[] = "/tmp/kc_measures_XXXXXX";
  const fs::path root = mkdtemp(tmpl);
  fs::create_directories(root / "measures");
  fs::copy_file(fs::path(KNEECOACH_TEST_CONTENT_DIR) / "measures" / "pain.yaml", root / "measures" / "pain.yaml");
  auto set = load_measures(root.string());
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().message.find("'chair-stand' is missing"), std::string::npos) << set.error().message;
  fs::remove_all(root);
}

}  // namespace
}  // namespace kc::content
