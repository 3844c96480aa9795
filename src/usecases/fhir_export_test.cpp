#include "usecases/fhir_export.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "usecases/fhir_codes.h"
#include "usecases/fhir_test_support.h"

namespace kc::usecases {
namespace {

TEST_F(FhirTest, AFreshPersonHasPatientAnswersTriageConditionAndTheProgram) {
  const fhir::Json b = bundle(*store_);
  EXPECT_EQ(b.at("resourceType"), "Bundle");
  EXPECT_EQ(b.at("type"), "collection");
  EXPECT_EQ(b.at("identifier").at("system"), fhir::kBundleIds);
  EXPECT_EQ(of_type(b, "Patient").size(), 1U);
  EXPECT_EQ(of_type(b, "Patient")[0].at("identifier")[0].at("value"), "me");
  EXPECT_EQ(of_type(b, "Patient")[0].size(), 2U) << "nothing but the store's name";
  const auto condition = of_type(b, "Condition").at(0);
  EXPECT_EQ(condition.at("code").at("coding")[0].at("code"), fhir::kSnomedKneePain);
  EXPECT_EQ(condition.at("bodySite")[0].at("text"), "right knee: front (around or behind the kneecap), inner side");
  EXPECT_EQ(of_type(b, "Procedure").size(), 0U);
  const auto plan = of_type(b, "CarePlan").at(0);
  EXPECT_EQ(plan.at("status"), "active");
  EXPECT_EQ(plan.at("period").at("start"), "2025-03-03");
  EXPECT_EQ(plan.at("period").at("end"), "2025-04-13");
  std::set<std::string> exercises;
  for (const auto& s : plan_.sessions) {
    for (const auto& e : s.exercises) exercises.insert(e.exercise_id);
  }
  EXPECT_EQ(plan.at("activity").size(), exercises.size());
  EXPECT_EQ(of_type(b, "ActivityDefinition").size(), exercises.size());
  const auto& first = plan.at("activity")[0].at("detail");
  EXPECT_EQ(first.at("extension")[0].at("url"), fhir::kDoseExtension);
  EXPECT_FALSE(first.at("reasonCode")[0].at("text").get<std::string>().empty());
  EXPECT_FALSE(first.at("scheduledTiming").at("repeat").at("dayOfWeek").empty());
}

TEST_F(FhirTest, TheIntakeAnswersAreOneItemPerFieldWithTypedAnswers) {
  const fhir::Json b = bundle(*store_);
  const auto responses = of_type(b, "QuestionnaireResponse");
  ASSERT_EQ(responses.size(), 1U);
  EXPECT_EQ(responses[0].at("questionnaire"), "https://kneecoach.org/fhir/Questionnaire/intake|1");
  std::map<std::string, fhir::Json> items;
  for (const auto& i : responses[0].at("item")) items[i.at("linkId")] = i.at("answer");
  EXPECT_EQ(items.at("age")[0].at("valueInteger"), 61);
  EXPECT_EQ(items.at("knee")[0].at("valueCoding").at("code"), "right");
  EXPECT_EQ(items.at("location").size(), 2U);
  EXPECT_EQ(items.at("duration_weeks")[0].at("valueDecimal"), 8.0);
  EXPECT_EQ(items.count("version"), 0U);
}

TEST_F(FhirTest, IdsDependOnTheRecordsAloneAndEveryFullUrlIsAUniqueUuid) {
  const fhir::Json one = bundle(*store_);
  clock_.set(clock_.now() + std::chrono::hours{30});
  fhir::Json two = bundle(*store_);
  EXPECT_NE(one.at("timestamp"), two.at("timestamp"));
  two["timestamp"] = one.at("timestamp");
  EXPECT_EQ(one, two);
  const std::regex uuid("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> urls;
  for (const auto& e : one.at("entry")) {
    const std::string url = e.at("fullUrl");
    EXPECT_TRUE(std::regex_match(url, uuid)) << url;
    EXPECT_TRUE(urls.insert(url).second) << "repeated " << url;
  }
  EXPECT_EQ(fhir::uuid_for("a", "b"), fhir::uuid_for("a", "b"));
  EXPECT_NE(fhir::uuid_for("a", "b"), fhir::uuid_for("b", "a"));
}

TEST_F(FhirTest, SessionsExerciseLogsPainAndADoseChangeAreExported) {
  add_history(false);
  const fhir::Json b = bundle(*store_);
  const auto sessions = of_type(b, "Procedure");
  ASSERT_EQ(sessions.size(), 1U);
  EXPECT_EQ(sessions[0].at("status"), "completed");
  int logs = 0;
  int pains = 0;
  for (const auto& o : of_type(b, "Observation")) {
    const std::string code = o.at("code").at("coding")[0].at("code");
    if (code == fhir::kExerciseLogCode) ++logs;
    if (code == fhir::kLoincPainSeverity) ++pains;
  }
  EXPECT_GT(logs, 2);
  EXPECT_EQ(pains, 3) << "pain now, pain during, next-morning pain";
  bool changed = false;
  const auto plan = of_type(b, "CarePlan").at(0);
  for (const auto& a : plan.at("activity")) changed = changed || a.contains("progress");
  EXPECT_TRUE(changed) << "the eased dose is in force, with its date and reason";
}

TEST_F(FhirTest, WhatThePersonSaidOfAnExerciseIsOnItsObservation) {
  add_history(false, store::ExerciseFeedback::kTooHard);
  const fhir::Json b = bundle(*store_);
  int said = 0;
  for (const auto& o : of_type(b, "Observation")) {
    if (o.at("code").at("coding")[0].at("code") != fhir::kExerciseLogCode) continue;
    for (const auto& c : o.at("component")) {
      if (c.at("code").at("coding")[0].at("code") != fhir::kFeedback) continue;
      ++said;
      EXPECT_EQ(c.at("valueString"), "too-hard");
      EXPECT_EQ(o.at("note")[0].at("text"), "The person said \"too hard\" of it after the session.");
    }
  }
  EXPECT_EQ(said, 1);
}

TEST_F(FhirTest, AClinicianProgramChangeIsANoteOnTheCarePlan) {
  store::ProgramChange change;
  change.person = plan_.person;
  change.plan = plan_.id;
  change.at = TimePoint{kStart} + std::chrono::hours{9};
  change.date = kStart;
  change.kind = store::ChangeKind::kRemove;
  change.exercise = plan_.sessions.front().exercises.front().exercise_id;
  change.by = "grace";
  change.reason = "sore after the first week";
  ASSERT_TRUE(store_->add_program_change(change).ok());
  const fhir::Json b = bundle(*store_);
  const auto plan = of_type(b, "CarePlan").at(0);
  ASSERT_TRUE(plan.contains("note"));
  const auto& note = plan.at("note").back();
  EXPECT_EQ(note.at("authorString"), "grace");
  const std::string text = note.at("text");
  EXPECT_NE(text.find("Clinician's change, remove "), std::string::npos) << text;
  EXPECT_NE(text.find("sore after the first week"), std::string::npos) << text;
  EXPECT_TRUE(of_type(b, "ClinicalImpression").empty()) << "no clearance, no ClinicalImpression";
}

TEST_F(FhirTest, AStoppedProgramIsRevokedAndTheCheckInTriageNamesTheRule) {
  add_history(true);
  const fhir::Json b = bundle(*store_);
  const auto plan = of_type(b, "CarePlan")[0];
  EXPECT_EQ(plan.at("status"), "revoked");
  EXPECT_FALSE(plan.at("note")[0].at("text").get<std::string>().empty());
  std::vector<fhir::Json> triages;
  for (const auto& o : of_type(b, "Observation")) {
    if (o.at("code").at("coding")[0].at("code") == fhir::kTriageCode) triages.push_back(o);
  }
  ASSERT_EQ(triages.size(), 2U);
  EXPECT_EQ(triages[0].at("valueCodeableConcept").at("coding")[0].at("code"), "go");
  EXPECT_NE(triages[1].at("valueCodeableConcept").at("coding")[0].at("code"), "go");
  ASSERT_TRUE(triages[1].contains("component"));
  EXPECT_EQ(triages[1].at("component")[0].at("code").at("coding")[0].at("system"), fhir::kTriageRules);
}

TEST_F(FhirTest, ATransactionBundlePostsEveryEntry) {
  auto b = export_fhir(*store_, clock_, {*catalog_, rules_}, "me", BundleType::kTransaction);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->at("type"), "transaction");
  for (const auto& e : b->at("entry")) {
    EXPECT_EQ(e.at("request").at("method"), "POST");
    EXPECT_EQ(e.at("request").at("url"), e.at("resource").at("resourceType"));
  }
}

TEST_F(FhirTest, NoSuchPersonIsNotFound) {
  auto b = export_fhir(*store_, clock_, {*catalog_, rules_}, "nobody", BundleType::kCollection);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().code, errc::kNotFound);
}

}  // namespace
}  // namespace kc::usecases
