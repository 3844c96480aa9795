#include "adapters/content/fhir_questionnaires.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace kc::content {
namespace {

namespace fs = std::filesystem;

TEST(FhirQuestionnaires, TheShippedOnesMatchWhatTheExportWrites) {
  auto loaded = load_fhir_questionnaires(KNEECOACH_TEST_CONTENT_DIR);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(*loaded, 4);
}

TEST(FhirQuestionnaires, AMissingQuestionOrAWrongTypeIsNamedWithItsFile) {
  const fs::path root = fs::temp_directory_path() / "kc-fhir-questionnaires-test";
  fs::remove_all(root);
  fs::create_directories(root / "fhir");
  fs::copy(fhir_questionnaires_dir(KNEECOACH_TEST_CONTENT_DIR), root / "fhir" / "questionnaires");
  std::ofstream(root / "fhir" / "questionnaires" / "grc.json")
      << R"({"resourceType": "Questionnaire", "url": "https://kneecoach.org/fhir/Questionnaire/grc",
            "version": "1", "status": "active", "item": [{"linkId": "rating", "type": "string"}]})";
  fs::remove(root / "fhir" / "questionnaires" / "psfs.json");
  auto loaded = load_fhir_questionnaires(root.string());
  ASSERT_FALSE(loaded.ok());
  const std::string& m = loaded.error().message;
  EXPECT_NE(m.find("grc.json: item \"rating\" is string; expected integer"), std::string::npos) << m;
  EXPECT_NE(m.find("psfs.json: cannot be read"), std::string::npos) << m;
  fs::remove_all(root);
}

}  // namespace
}  // namespace kc::content
