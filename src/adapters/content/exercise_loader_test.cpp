#include "adapters/content/exercise_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace kc::content {
namespace {
namespace fs = std::filesystem;

// A complete, valid record; tests break one thing at a time.
const char* const kValid = R"(id: NAME
name: Test stretch
aliases: [Test]
kind: stretch
from_articles: true
sources: [004_6e436e597dec6f76.txt]
references: []
regions: [calf]
muscles: [gastrocnemius]
position: standing
demands: []
equipment:
  needed: [wall]
  optional: [chair]
purpose: Lengthens the calf.
benefit: loosens the calf
steps:
  - Stand facing a wall.
  - Lean in.
cues: [Heel down.]
mistakes: [Bouncing.]
dose:
  sets: 1
  reps: 2
  hold_seconds: 30
  sides: each
  rest_seconds: 0
frequency:
  per_week: [7, 7]
  rest_days_between: 0
  after_workouts: true
variants:
  easier:
    - parameter: lean
      change: lean less
cautions:
  - who: anyone
    advice: go gently
)";

class LoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("kc-loader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                     "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes <id>.yaml from the valid template with `from` replaced by `to`.
  void write(const std::string& id, const std::string& from = "", const std::string& to = "") {
    std::string text = kValid;
    text.replace(text.find("NAME"), 4, id);
    if (!from.empty()) {
      const auto at = text.find(from);
      ASSERT_NE(at, std::string::npos) << from;
      text.replace(at, from.size(), to);
    }
    std::ofstream(dir_ / (id + ".yaml")) << text;
  }

  std::string load_error() {
    auto result = load_catalog(dir_.string());
    EXPECT_FALSE(result.ok());
    return result.ok() ? "" : result.error().message;
  }

  std::string file(const std::string& id) const { return (dir_ / (id + ".yaml")).string(); }

  fs::path dir_;
};

TEST_F(LoaderTest, LoadsAValidFolder) {
  write("calf-one");
  write("calf-two");
  auto result = load_catalog(dir_.string());
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->size(), 2u);
  const Exercise* e = result->find("calf-two");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dose.hold_seconds, 30);
  EXPECT_EQ(e->equipment_needed, std::vector<Equipment>{Equipment::kWall});
  EXPECT_TRUE(e->frequency.after_workouts);
}

TEST_F(LoaderTest, PhaseWordsAreOnlyForATempo) {
  write("calf", "frequency:", "phase_words: {up: Rise}\nfrequency:");
  const std::string msg = load_error();
  EXPECT_NE(msg.find("'phase_words' is only for an exercise whose dose has a tempo"), std::string::npos) << msg;
}

TEST_F(LoaderTest, PhaseWordsDefaultToLiftHoldLower) {
  write("calf");
  auto result = load_catalog(dir_.string());
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->find("calf")->phase_words.up, "Lift");
  EXPECT_EQ(result->find("calf")->phase_words.down, "Lower");
}

TEST_F(LoaderTest, MissingFieldNamesFileLineAndField) {
  write("calf", "benefit: loosens the calf\n", "");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":1: missing field 'benefit'"), std::string::npos) << msg;
}

TEST_F(LoaderTest, WrongTypeSaysWhatWasExpected) {
  write("calf", "  reps: 2", "  reps: two");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":24: 'dose.reps' is \"two\"; expected a whole number from 1 to 100"),
            std::string::npos)
      << msg;
}

TEST_F(LoaderTest, UnknownEquipmentSuggestsTheClosest) {
  write("calf", "needed: [wall]", "needed: [wal]");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":13: 'equipment.needed' has unknown value \"wal\""), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean \"wall\""), std::string::npos) << msg;
}

TEST_F(LoaderTest, UnknownPositionListsTheValidOnes) {
  write("calf", "position: standing", "position: upright");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":10: 'position' has unknown value \"upright\"; expected standing, seated"),
            std::string::npos)
      << msg;
}

TEST_F(LoaderTest, VariantLinkToAMissingId) {
  write("calf", "    - parameter: lean", "    - exercise: ankle-circle");
  write("ankle-circles");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":34: variant links to \"ankle-circle\", which is not in the catalog"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("did you mean \"ankle-circles\""), std::string::npos) << msg;
}

TEST_F(LoaderTest, DuplicateIdNamesBothFiles) {
  write("calf");
  std::ofstream(dir_ / "zz-copy.yaml") << std::string(kValid).replace(std::string(kValid).find("NAME"), 4, "calf");
  const std::string msg = load_error();
  EXPECT_NE(msg.find("duplicate id \"calf\", already used in " + file("calf")), std::string::npos) << msg;
  EXPECT_NE(msg.find("does not match the file name"), std::string::npos) << msg;
}

TEST_F(LoaderTest, StretchHoldOutsideWhatTheSourcesGive) {
  write("calf", "hold_seconds: 30", "hold_seconds: 5");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":25: a stretch hold of 5 s is outside what the sources give"), std::string::npos)
      << msg;
}

TEST_F(LoaderTest, ZeroReps) {
  write("calf", "  reps: 2", "  reps: 0");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":24: 'dose.reps' is 0, out of range; expected a whole number from 1 to 100"),
            std::string::npos)
      << msg;
}

TEST_F(LoaderTest, UnknownFieldSuggestsTheIntendedOne) {
  write("calf", "mistakes:", "mistaks:");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":21: unknown field 'mistaks'; did you mean 'mistakes'?"), std::string::npos)
      << msg;
}

TEST_F(LoaderTest, YamlSyntaxErrorGivesTheLine) {
  write("calf", "kind: stretch", "kind: [stretch");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf") + ":"), std::string::npos) << msg;
  EXPECT_NE(msg.find("YAML syntax error"), std::string::npos) << msg;
}

TEST_F(LoaderTest, ReportsEveryProblemNotJustTheFirst) {
  write("calf", "  reps: 2", "  reps: 0");
  write("other", "kind: stretch", "kind: stretchy");
  const std::string msg = load_error();
  EXPECT_NE(msg.find(file("calf")), std::string::npos);
  EXPECT_NE(msg.find(file("other")), std::string::npos);
}

TEST_F(LoaderTest, EmptyFolderIsAnError) {
  const std::string msg = load_error();
  EXPECT_NE(msg.find("no exercise files"), std::string::npos) << msg;
}

}  // namespace
}  // namespace kc::content
