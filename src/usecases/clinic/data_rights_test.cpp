// Data rights: a patient's whole record as JSON (for them and their clinicians), and its
// deletion (by them or an admin), audited, leaving other patients untouched.
#include "usecases/clinic/data_rights.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/tracking/tracking_test_support.h"
#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

using usecases::clinic::delete_patient_data;
using usecases::clinic::export_patient;

class ClinicDataRights : public ClinicTest {
 protected:
  void SetUp() override {
    add_cast();
    for (const Actor& who : {pat, quinn}) give_records(*who.person);
  }

  // Answers, a plan, a session with one exercise, and a check-in.
  void give_records(store::PersonId person) {
    tracking::testing::Script s;
    store::PlanRecord plan = s.h.plan;
    plan.id = 0;
    plan.person = person;
    plan.plan_json = R"({"format":"kneecoach-plan"})";
    store::Store::Setup setup{{0, person, clock_.now(), R"({"version":1})", "go"}, plan};
    auto saved = records_->save_setup(setup);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    store::SessionLog session;
    session.person = person;
    session.plan = saved->plan->id;
    session.date = tracking::testing::day(0);
    session.session = "A";
    session.started_at = clock_.now();
    session.ended_at = clock_.now() + std::chrono::minutes{20};
    session.status = store::SessionStatus::kFinished;
    session.pain_during = 3;
    store::ExerciseLog log;
    log.person = person;
    log.exercise_id = "squat";
    log.planned = tracking::testing::reps_dose(2, 10, 15);
    log.finished_at = clock_.now();
    ASSERT_TRUE(records_->save_session(session, {log}, {}).ok());
    store::CheckIn ci;
    ci.person = person;
    ci.at = clock_.now();
    ci.date = tracking::testing::day(1);
    ci.next_morning_pain = 2;
    ci.triage_level = "go";
    ASSERT_TRUE(records_->save_check_in(ci, {}, "").ok());
  }

};

TEST_F(ClinicDataRights, TheExportHoldsTheWholeRecordAndNoSecrets) {
  auto doc = export_patient(clinic(), as(pat), *pat.person);
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const auto j = nlohmann::json::parse(*doc);
  EXPECT_EQ(j["format"], "kneecoach-patient-export");
  EXPECT_EQ(j["person"]["id"], *pat.person);
  EXPECT_EQ(j["account"]["username"], "pat@example.org");
  EXPECT_EQ(j["answers"]["answers"]["version"], 1);
  EXPECT_EQ(j["plan"]["plan"]["format"], "kneecoach-plan");
  EXPECT_EQ(j["sessions"].size(), 1u);
  EXPECT_EQ(j["sessions"][0]["pain_during"], 3);
  EXPECT_EQ(j["exercise_logs"].size(), 1u);
  EXPECT_EQ(j["exercise_logs"][0]["exercise_id"], "squat");
  EXPECT_EQ(j["check_ins"].size(), 1u);
  EXPECT_GE(j["measurements"].size(), 2u);  // pain during and next morning
  EXPECT_FALSE(j["access_log"].empty());
  EXPECT_EQ(doc->find("fake$"), std::string::npos) << "no password hash";
  EXPECT_EQ(doc->find("token-"), std::string::npos) << "no tokens";
  EXPECT_EQ(last_audit().action, "export_record");
  EXPECT_EQ(last_audit().outcome, AuditOutcome::kAllowed);
  // Their clinician may; another clinician and the admin may not.
  EXPECT_TRUE(export_patient(clinic(), as(ana), *pat.person).ok());
  EXPECT_EQ(export_patient(clinic(), as(ben), *pat.person).error().code, errc::kForbidden);
  EXPECT_EQ(export_patient(clinic(), as(admin), *pat.person).error().code, errc::kForbidden);
  EXPECT_EQ(export_patient(clinic(), as(quinn), *pat.person).error().code, errc::kForbidden);
}

TEST_F(ClinicDataRights, APatientDeletesTheirRecordAndAccountAndTheTrailStays) {
  const store::PersonId p = *pat.person;
  ASSERT_TRUE(delete_patient_data(clinic(), as(pat), p).ok());
  EXPECT_TRUE(records_->sessions(p)->empty());
  EXPECT_TRUE(records_->check_ins(p)->empty());
  EXPECT_FALSE(records_->latest_plan(p)->has_value());
  EXPECT_FALSE(store_.find_account_by_username("pat@example.org")->has_value());
  EXPECT_FALSE(*store_.on_caseload(ana.account, p));
  EXPECT_EQ(store_.caseload(ana.account)->size(), 0u);
  const auto rows = store_.audit_rows();
  EXPECT_EQ(rows[rows.size() - 2].action, "delete_record");
  EXPECT_EQ(rows.back().action, event::kPatientDeleted);
  EXPECT_EQ(rows.back().patient, p);
  EXPECT_GT(std::count_if(rows.begin(), rows.end(), [&](const AuditEntry& a) { return a.patient == p; }), 2);
  // Quinn keeps everything.
  EXPECT_EQ(records_->sessions(*quinn.person)->size(), 1u);
  EXPECT_TRUE(store_.find_account_by_username("quinn@example.org")->has_value());
}

TEST_F(ClinicDataRights, OnlyThePatientAndAdminsDelete) {
  const store::PersonId q = *quinn.person;
  for (const Actor& who : {ana, ben, pat}) {
    EXPECT_EQ(delete_patient_data(clinic(), as(who), q).error().code, errc::kForbidden);
    EXPECT_EQ(records_->sessions(q)->size(), 1u);
  }
  ASSERT_TRUE(delete_patient_data(clinic(), as(admin), q).ok());
  EXPECT_TRUE(records_->sessions(q)->empty());
}

TEST_F(ClinicDataRights, AnInterruptedDeletionFinishesOnRetry) {
  const store::PersonId p = *pat.person;
  // Calls: append_audit (authorize), find_account_by_person, then delete_patient fails.
  store_.fail_after(2);
  EXPECT_FALSE(delete_patient_data(clinic(), as(admin), p).ok());
  EXPECT_TRUE(records_->sessions(p)->empty());
  EXPECT_TRUE(store_.find_account_by_username("pat@example.org")->has_value());
  ASSERT_TRUE(delete_patient_data(clinic(), as(admin), p).ok());
  EXPECT_FALSE(store_.find_account_by_username("pat@example.org")->has_value());
}

}  // namespace
}  // namespace kc::clinic::testing
