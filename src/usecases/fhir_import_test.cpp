#include "usecases/fhir_import.h"

#include <gtest/gtest.h>

#include "usecases/fhir_test_support.h"

namespace kc::usecases {
namespace {

fhir::Json without_metadata(fhir::Json b) {
  b.erase("timestamp");
  for (auto& e : b["entry"]) {
    if (e["resource"]["resourceType"] == "Patient") e["resource"].erase("identifier");
  }
  return b;
}

TEST_F(FhirTest, ExportImportExportGivesTheSameResources) {
  add_history(false, store::ExerciseFeedback::kHurt);  // what was said round-trips too
  const fhir::Json first = bundle(*store_);
  auto other = open("b");
  auto done = import_fhir(*other, clock_, {*catalog_, rules_}, first.dump(), "copy");
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->sessions, 1);
  EXPECT_EQ(done->check_ins, 1);
  EXPECT_EQ(without_metadata(bundle(*other, "copy")), without_metadata(first));
}

TEST_F(FhirTest, AStoppedProgramRoundTripsStopped) {
  add_history(true);
  const fhir::Json first = bundle(*store_);
  auto other = open("b");
  ASSERT_TRUE(import_fhir(*other, clock_, {*catalog_, rules_}, first.dump(), "").ok());
  EXPECT_EQ(without_metadata(bundle(*other, "me")), without_metadata(first));
  auto plan = other->latest_plan(1);
  ASSERT_TRUE(plan.ok() && plan->has_value());
  EXPECT_TRUE((*plan)->stopped_at.has_value());
}

class FhirImportErrors : public FhirTest {
 protected:
  // Imports `b` into a new store; expects a refusal naming `field`, and nothing stored.
  void refused(const fhir::Json& b, const std::string& field, const std::string& words) {
    auto other = open("b");
    auto done = import_fhir(*other, clock_, {*catalog_, rules_}, b.dump(), "copy");
    ASSERT_FALSE(done.ok());
    EXPECT_EQ(done.error().field, field) << done.error().message;
    EXPECT_NE(done.error().message.find(words), std::string::npos) << done.error().message;
    auto people = other->people();
    ASSERT_TRUE(people.ok());
    EXPECT_TRUE(people->empty());
  }
};

TEST_F(FhirImportErrors, NotOursMalformedUnknownAndWrongTypesAreNamed) {
  add_history(false);
  const fhir::Json good = bundle(*store_);
  fhir::Json theirs = good;
  theirs["identifier"]["system"] = "urn:example";
  refused(theirs, "bundle.identifier.system", "not written by kneecoach");

  fhir::Json unknown = good;
  unknown["entry"].push_back({{"fullUrl", "urn:uuid:x"}, {"resource", {{"resourceType", "Medication"}}}});
  const std::size_t last = unknown["entry"].size() - 1;
  refused(unknown, "entry[" + std::to_string(last) + "].resource.resourceType", "does not import Medication");

  fhir::Json wrong = good;
  for (std::size_t i = 0; i < wrong["entry"].size(); ++i) {
    auto& r = wrong["entry"][i]["resource"];
    if (r["resourceType"] == "Procedure") {
      r["performedPeriod"]["start"] = 42;
      refused(wrong, "entry[" + std::to_string(i) + "].resource.performedPeriod.start", "expected a string; got");
      break;
    }
  }
  auto other = open("c");
  auto bad_json = import_fhir(*other, clock_, {*catalog_, rules_}, good.dump().substr(0, 100), "x");
  ASSERT_FALSE(bad_json.ok());
  EXPECT_EQ(bad_json.error().code, errc::kInvalid);
}

TEST_F(FhirImportErrors, ATakenNameIsAConflict) {
  auto done = import_fhir(*store_, clock_, {*catalog_, rules_}, bundle(*store_).dump(), "");
  ASSERT_FALSE(done.ok());
  EXPECT_EQ(done.error().code, errc::kConflict);
}

}  // namespace
}  // namespace kc::usecases
