// Caseloads and red-flag notifications.
#include "usecases/clinic/caseload.h"

#include <gtest/gtest.h>

#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

namespace uc = usecases::clinic;

class ClinicCaseload : public ClinicTest {
 protected:
  void SetUp() override {
    ana = add_staff("dr.ana", Role::kClinician);
    ben = add_staff("dr.ben", Role::kClinician);
    pat = add_patient(ana, "pat@example.org");
    quinn = add_patient(ana, "quinn@example.org");
    ron = add_patient(ben, "ron@example.org");
  }
  Actor ron;
};

TEST_F(ClinicCaseload, AClinicianSeesTheirOwnPatientsWithPersonIds) {
  auto mine = uc::caseload(clinic(), as(ana));
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  ASSERT_EQ(mine->size(), 2u);
  EXPECT_EQ((*mine)[0].username, "pat@example.org");
  EXPECT_EQ((*mine)[0].person, *pat.person);
  EXPECT_EQ((*mine)[0].person_name.size(), 32u);
  EXPECT_EQ((*mine)[0].state, AccountState::kActive);
  EXPECT_EQ((*mine)[1].person, *quinn.person);
  EXPECT_EQ(last_audit().action, "read_caseload");
  ASSERT_EQ(uc::caseload(clinic(), as(ben))->size(), 1u);
  EXPECT_EQ(uc::caseload(clinic(), as(pat)).error().code, errc::kForbidden);
}

TEST_F(ClinicCaseload, ARedFlagNotifiesThePatientsCliniciansOnly) {
  TriageResult triage;
  triage.level = Level::kUrgent;
  triage.reasons = {{"hot-swollen", "a hot, swollen knee"}};
  auto sent = uc::notify_red_flag(clinic(), *pat.person, triage, "check-in");
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(*sent, 1);
  auto unread = uc::notifications(clinic(), as(ana), true);
  ASSERT_TRUE(unread.ok());
  ASSERT_EQ(unread->size(), 1u);
  EXPECT_EQ((*unread)[0].patient, *pat.person);
  EXPECT_EQ((*unread)[0].kind, "red_flag");
  EXPECT_EQ((*unread)[0].message, "check-in: urgent; a hot, swollen knee");
  EXPECT_EQ(uc::caseload(clinic(), as(ana))->at(0).unread_notifications, 1);
  EXPECT_TRUE(uc::notifications(clinic(), as(ben), false)->empty());
  EXPECT_EQ(uc::mark_notification_read(clinic(), as(ben), (*unread)[0].id).error().code, errc::kNotFound);
  ASSERT_TRUE(uc::mark_notification_read(clinic(), as(ana), (*unread)[0].id).ok());
  EXPECT_TRUE(uc::notifications(clinic(), as(ana), true)->empty());
  EXPECT_EQ(uc::notifications(clinic(), as(ana), false)->size(), 1u);
  EXPECT_EQ(uc::notifications(clinic(), as(pat), false).error().code, errc::kForbidden);
}

TEST_F(ClinicCaseload, GoAndCautionNotifyNobody) {
  for (const Level level : {Level::kGo, Level::kCaution}) {
    TriageResult triage;
    triage.level = level;
    EXPECT_EQ(*uc::notify_red_flag(clinic(), *pat.person, triage, "intake"), 0);
  }
  TriageResult see;
  see.level = Level::kSeeClinician;
  EXPECT_EQ(*uc::notify_red_flag(clinic(), *pat.person, see, "intake"), 1);
  ASSERT_TRUE(store_.add_to_caseload(ben.account, pat.account, clock_.now()).ok());
  EXPECT_EQ(*uc::notify_red_flag(clinic(), *pat.person, see, "intake"), 2);
}

}  // namespace
}  // namespace kc::clinic::testing
