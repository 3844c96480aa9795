// The one gate: every role against every patient's records and every action, through
// authorize; each call leaves exactly one audit row with its outcome. The expected count of
// leaks is zero.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <string>

#include "usecases/clinic/authorize.h"
#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

using usecases::clinic::authorize;
using usecases::clinic::authorize_person;

constexpr std::array kActions{Action::kReadRecord,    Action::kWriteRecord,    Action::kExportRecord,
                              Action::kDeleteRecord,  Action::kReadAccessLog,  Action::kReadCaseload,
                              Action::kInvitePatient, Action::kManageAccounts, Action::kReadAudit,
                              Action::kPurgeAudit,    Action::kChangeProgram,  Action::kLiveCamera};

class ClinicAccess : public ClinicTest {
 protected:
  void SetUp() override { add_cast(); }
};

// What each actor may do to whose records: by (actor, patient-or-none), the allowed actions.
TEST_F(ClinicAccess, TheMatrixHasNoLeaksAndEveryCallIsAudited) {
  const store::PersonId p = *pat.person;
  const store::PersonId q = *quinn.person;
  const store::PersonId unknown = 999999;
  using Allowed = std::vector<Action>;
  const std::vector<std::tuple<std::string, Actor, std::optional<store::PersonId>, Allowed>> cases{
      {"admin/none", admin, std::nullopt, {Action::kManageAccounts, Action::kReadAudit, Action::kPurgeAudit}},
      {"admin/pat", admin, p, {Action::kDeleteRecord}},
      {"admin/unknown", admin, unknown, {Action::kDeleteRecord}},
      {"ana/none", ana, std::nullopt, {Action::kReadCaseload, Action::kInvitePatient}},
      {"ana/pat (caseload)",
       ana,
       p,
       {Action::kReadRecord, Action::kWriteRecord, Action::kExportRecord, Action::kChangeProgram}},
      {"ana/quinn (not hers)", ana, q, {}},
      {"ana/unknown", ana, unknown, {}},
      {"ben/pat (not his)", ben, p, {}},
      {"ben/quinn (caseload)",
       ben,
       q,
       {Action::kReadRecord, Action::kWriteRecord, Action::kExportRecord, Action::kChangeProgram}},
      {"pat/none", pat, std::nullopt, {}},
      {"pat/pat (own)",
       pat,
       p,
       {Action::kReadRecord, Action::kWriteRecord, Action::kExportRecord, Action::kDeleteRecord, Action::kReadAccessLog,
        Action::kLiveCamera}},
      {"pat/quinn", pat, q, {}},
      {"pat/unknown", pat, unknown, {}},
      {"quinn/pat", quinn, p, {}},
  };
  int leaks = 0;
  int refusals = 0;
  for (const auto& [label, actor, patient, allowed] : cases) {
    for (const Action action : kActions) {
      const bool expected = std::find(allowed.begin(), allowed.end(), action) != allowed.end();
      const std::size_t rows = audit_count();
      const Status got = authorize(clinic(), as(actor, "192.0.2.1"), action, patient, "matrix");
      if (got.ok() && !expected) ++leaks;
      EXPECT_EQ(got.ok(), expected) << label << " " << action_name(action);
      if (!got.ok()) {
        ++refusals;
        EXPECT_EQ(got.error().code, errc::kForbidden) << label;
      }
      ASSERT_EQ(audit_count(), rows + 1) << label << " " << action_name(action);
      const AuditEntry row = last_audit();
      EXPECT_EQ(row.actor, actor.account);
      EXPECT_EQ(row.role, actor.role);
      EXPECT_EQ(row.action, action_name(action));
      EXPECT_EQ(row.patient, patient);
      EXPECT_EQ(row.address, "192.0.2.1");
      EXPECT_EQ(row.detail, "matrix");
      EXPECT_EQ(row.outcome, expected ? AuditOutcome::kAllowed : AuditOutcome::kRefused);
      EXPECT_EQ(row.at, clock_.now());
    }
  }
  EXPECT_EQ(leaks, 0);
  EXPECT_GT(refusals, 100);
}

TEST_F(ClinicAccess, AClinicianLosesAccessWhenThePatientLeavesTheCaseload) {
  const store::PersonId p = *pat.person;
  EXPECT_TRUE(authorize(clinic(), as(ana), Action::kReadRecord, p, "").ok());
  ASSERT_TRUE(store_.remove_from_caseload(ana.account, pat.account).ok());
  EXPECT_EQ(authorize(clinic(), as(ana), Action::kReadRecord, p, "").error().code, errc::kForbidden);
  ASSERT_TRUE(store_.add_to_caseload(ben.account, pat.account, clock_.now()).ok());
  EXPECT_TRUE(authorize(clinic(), as(ben), Action::kReadRecord, p, "").ok());
}

TEST_F(ClinicAccess, ByPersonNameTheUnknownIsRefusedLikeAnothersRecord) {
  auto people = records_->people();
  ASSERT_TRUE(people.ok());
  std::map<store::PersonId, std::string> names;
  for (const auto& person : *people) names[person.id] = person.name;
  auto mine = authorize_person(clinic(), as(pat), Action::kReadRecord, names[*pat.person], "GET plan");
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->id, *pat.person);
  auto theirs = authorize_person(clinic(), as(pat), Action::kReadRecord, names[*quinn.person], "GET plan");
  ASSERT_FALSE(theirs.ok());
  EXPECT_EQ(theirs.error().code, errc::kForbidden);
  EXPECT_EQ(last_audit().patient, *quinn.person);
  auto nobody = authorize_person(clinic(), as(pat), Action::kReadRecord, std::string(32, 'f'), "GET plan");
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().code, errc::kForbidden);
  EXPECT_EQ(nobody.error().message, theirs.error().message);
  EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
  EXPECT_FALSE(last_audit().patient.has_value());
  EXPECT_EQ(last_audit().detail, "GET plan (unknown person)");
}

TEST_F(ClinicAccess, NoAuditRowMeansNoAccess) {
  store_.fail_next();  // the caseload read fails
  auto r = authorize(clinic(), as(ana), Action::kReadRecord, *pat.person, "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
  // The patient's own read, with the audit append failing.
  const std::size_t rows = audit_count();
  store_.fail_next();
  auto own = authorize(clinic(), as(pat), Action::kReadRecord, *pat.person, "");
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, errc::kFailed);
  EXPECT_EQ(audit_count(), rows);
}

TEST_F(ClinicAccess, TheHostOperatorIsAnAdminWithoutClinicalAccess) {
  const auto host = usecases::clinic::host_operator();
  EXPECT_TRUE(authorize(clinic(), host, Action::kManageAccounts, std::nullopt, "").ok());
  EXPECT_EQ(last_audit().actor, kHostOperator);
  EXPECT_EQ(last_audit().address, "host");
  EXPECT_FALSE(authorize(clinic(), host, Action::kReadRecord, *pat.person, "").ok());
  // Nobody signed in (account 0) gets nothing, whatever role the struct claims.
  const Actor nobody{0, Role::kAdmin, std::nullopt, ""};
  for (const Action action : kActions) {
    EXPECT_FALSE(authorize(clinic(), as(nobody), action, std::nullopt, "").ok());
    EXPECT_FALSE(authorize(clinic(), as(nobody), action, *pat.person, "").ok());
  }
  const Actor forged{kHostOperator, Role::kClinician, std::nullopt, ""};
  EXPECT_FALSE(authorize(clinic(), as(forged), Action::kReadCaseload, std::nullopt, "").ok());
}

}  // namespace
}  // namespace kc::clinic::testing
