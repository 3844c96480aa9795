// The caseload by attention, flags marked seen, clinicians' notes: who may, and what is audited.
#include "usecases/clinic/attention.h"

#include <gtest/gtest.h>

#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

namespace uc = usecases::clinic;

class ClinicCaseloadAttention : public ClinicTest {
 protected:
  void SetUp() override {
    add_cast();
    amy = add_patient(ana, "amy@example.org");
  }
  // A check-in by `patient` now, at triage `level`.
  void check_in(const Actor& patient, const std::string& level) {
    store::CheckIn c;
    c.person = *patient.person;
    c.at = clock_.now();
    c.date = clock_.today();
    c.next_morning_pain = 3;
    c.triage_level = level;
    if (level != "go") c.red_flags = {"hot_red_swollen"};
    ASSERT_TRUE(records_->save_check_in(c, {}, "").ok());
  }
  std::string name_of(const Actor& patient) {
    const auto entries = store_.caseload(ana.account);
    if (!entries.ok()) return "";
    for (const auto& e : entries.value())
      if (e.person == *patient.person) return e.person_name;
    return "";
  }
  std::vector<uc::CaseloadRow> rows(const uc::CaseloadQuery& q = {}) {
    auto got = uc::caseload_by_attention(clinic(), as(ana), q);
    EXPECT_TRUE(got.ok()) << got.error().message;
    return got.ok() ? *got : std::vector<uc::CaseloadRow>{};
  }
  Actor amy;
};

TEST_F(ClinicCaseloadAttention, AWarningSignComesFirstUntilSeenAndANewerOneRaisesItAgain) {
  check_in(pat, "go");
  check_in(amy, "see_clinician");
  auto list = rows();
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[0].entry.username, "amy@example.org");  // before pat, though pat sorts first by name
  EXPECT_EQ(list[0].attention, 1000);
  ASSERT_EQ(list[0].flags.size(), 1U);
  EXPECT_EQ(list[0].flags[0].kind, FlagKind::kWarningSign);
  ASSERT_TRUE(list[0].last_check_in.has_value());
  EXPECT_EQ(list[0].last_check_in->triage_level, "see_clinician");
  EXPECT_EQ(last_audit().action, "read_caseload");

  clock_.sleep_for(std::chrono::minutes{5});
  auto seen = uc::mark_flag_seen(clinic(), as(ana), list[0].entry.person_name, FlagKind::kWarningSign, "phoned her");
  ASSERT_TRUE(seen.ok()) << seen.error().message;
  EXPECT_EQ(last_audit().action, "review_record");
  EXPECT_EQ(last_audit().patient, *amy.person);
  list = rows();
  EXPECT_EQ(list[0].entry.username, "amy@example.org");
  EXPECT_EQ(list[0].attention, 1);  // a seen flag weighs 1: still above a patient with none
  EXPECT_TRUE(list[0].flags[0].seen);
  EXPECT_EQ(list[0].flags[0].seen_note, "phoned her");
  EXPECT_EQ(list[1].attention, 0);
  clock_.sleep_for(std::chrono::minutes{5});
  check_in(amy, "urgent");
  list = rows();
  EXPECT_EQ(list[0].entry.username, "amy@example.org");
  EXPECT_EQ(list[0].attention, 1000);
  EXPECT_FALSE(list[0].flags[0].seen);
}

TEST_F(ClinicCaseloadAttention, SearchAndFlagFilter) {
  check_in(amy, "urgent");
  EXPECT_EQ(rows({"AMY", std::nullopt}).size(), 1U);
  EXPECT_EQ(rows({"example.org", std::nullopt}).size(), 2U);
  EXPECT_EQ(rows({"", FlagKind::kWarningSign}).size(), 1U);
  EXPECT_TRUE(rows({"pat", FlagKind::kWarningSign}).empty());
  EXPECT_TRUE(rows({"", FlagKind::kNoSession}).empty());
  EXPECT_EQ(uc::caseload_by_attention(clinic(), as(ana), {std::string(101, 'a'), std::nullopt}).error().field, "q");
  EXPECT_EQ(uc::caseload_by_attention(clinic(), as(pat), {}).error().code, errc::kForbidden);
  EXPECT_EQ(uc::caseload_by_attention(clinic(), as(admin), {}).error().code, errc::kForbidden);
}

TEST_F(ClinicCaseloadAttention, OnlyThePatientsCliniciansMarkFlagsAndWriteNotes) {
  const std::string amy_id = name_of(amy);
  for (const Actor& who : {ben, amy, admin}) {
    EXPECT_EQ(uc::mark_flag_seen(clinic(), as(who), amy_id, FlagKind::kReviewDue, "").error().code, errc::kForbidden);
    EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
    EXPECT_EQ(uc::clinician_notes(clinic(), as(who), amy_id).error().code, errc::kForbidden);
    EXPECT_EQ(uc::add_clinician_note(clinic(), as(who), amy_id, "hello").error().code, errc::kForbidden);
  }
  EXPECT_EQ(uc::clinician_notes(clinic(), as(ana), "no-such-person").error().code, errc::kForbidden);

  clock_.sleep_for(std::chrono::minutes{1});
  auto first = uc::add_clinician_note(clinic(), as(ana), amy_id, "Knee settled; keep the dose.");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->author_name, "dr.ana");
  EXPECT_EQ(last_audit().action, "review_record");
  clock_.sleep_for(std::chrono::minutes{1});
  ASSERT_TRUE(uc::add_clinician_note(clinic(), as(ana), amy_id, "Second note").ok());
  auto notes = uc::clinician_notes(clinic(), as(ana), amy_id);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->size(), 2U);
  EXPECT_EQ((*notes)[0].text, "Knee settled; keep the dose.");
  EXPECT_EQ((*notes)[1].text, "Second note");

  EXPECT_EQ(uc::add_clinician_note(clinic(), as(ana), amy_id, "  \n").error().field, "text");
  EXPECT_EQ(uc::add_clinician_note(clinic(), as(ana), amy_id, std::string(4001, 'x')).error().code, errc::kInvalid);
  EXPECT_EQ(uc::mark_flag_seen(clinic(), as(ana), amy_id, FlagKind::kNoSession, std::string(1001, 'x')).error().field,
            "note");
}

}  // namespace
}  // namespace kc::clinic::testing
