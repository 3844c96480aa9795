// The audit trail: admins filter it and export it as CSV (safe in a spreadsheet), patients see
// who looked at their record, and retention purges old rows with a row saying so.
#include "usecases/clinic/audit_log.h"

#include <gtest/gtest.h>

#include "core/clinic/audit_csv.h"
#include "usecases/clinic/authorize.h"
#include "usecases/clinic/testing/clinic_fixture.h"

namespace kc::clinic::testing {
namespace {

using usecases::clinic::authorize;

class ClinicAudit : public ClinicTest {
 protected:
  void SetUp() override { add_cast(); }
};

TEST_F(ClinicAudit, AdminsFilterByActorPatientActionAndTime) {
  const TimePoint t1 = clock_.now();
  ASSERT_TRUE(authorize(clinic(), as(ana), Action::kReadRecord, *pat.person, "GET progress").ok());
  clock_.sleep_for(std::chrono::minutes{5});
  const TimePoint t2 = clock_.now();
  ASSERT_FALSE(authorize(clinic(), as(ben), Action::kReadRecord, *pat.person, "GET progress").ok());
  ASSERT_TRUE(authorize(clinic(), as(pat), Action::kWriteRecord, *pat.person, "POST sessions").ok());

  AuditFilter by_patient;
  by_patient.patient = *pat.person;
  by_patient.action = "read_record";
  auto reads = usecases::clinic::query_audit(clinic(), as(admin), by_patient);
  ASSERT_TRUE(reads.ok()) << reads.error().message;
  ASSERT_EQ(reads->size(), 2u);
  EXPECT_EQ((*reads)[0].actor, ana.account);
  EXPECT_EQ((*reads)[1].actor, ben.account);
  EXPECT_EQ((*reads)[1].outcome, AuditOutcome::kRefused);

  AuditFilter later;
  later.from = t2;
  later.actor = ben.account;
  auto bens = usecases::clinic::query_audit(clinic(), as(admin), later);
  ASSERT_EQ(bens->size(), 1u);
  AuditFilter window;
  window.from = t1;
  window.to = t2;
  window.patient = *pat.person;
  window.action = "read_record";
  EXPECT_EQ(usecases::clinic::query_audit(clinic(), as(admin), window)->size(), 1u);
  AuditFilter paged;
  paged.limit = 2;
  paged.offset = 1;
  EXPECT_EQ(usecases::clinic::query_audit(clinic(), as(admin), paged)->size(), 2u);
  paged.limit = 0;
  EXPECT_EQ(usecases::clinic::query_audit(clinic(), as(admin), paged).error().field, "limit");
  // The query itself is a row.
  EXPECT_EQ(last_audit().action, "read_audit");
  EXPECT_EQ(last_audit().actor, admin.account);
}

TEST_F(ClinicAudit, OnlyAdminsReadTheLog) {
  for (const Actor& who : {ana, pat}) {
    auto r = usecases::clinic::query_audit(clinic(), as(who), {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, errc::kForbidden);
    EXPECT_EQ(last_audit().outcome, AuditOutcome::kRefused);
    EXPECT_FALSE(usecases::clinic::export_audit_csv(clinic(), as(who), {}).ok());
    EXPECT_FALSE(usecases::clinic::purge_audit(clinic(), as(who)).ok());
  }
}

TEST_F(ClinicAudit, CsvIsRfc4180AndSafeInSpreadsheets) {
  ASSERT_TRUE(authorize(clinic(), Caller{ana, "=HYPERLINK(\"http://x\")"}, Action::kReadRecord, *pat.person,
                        "+cmd, \"quoted\"\nnext")
                  .ok());
  AuditFilter f;
  f.actor = ana.account;
  auto csv = usecases::clinic::export_audit_csv(clinic(), as(admin), f);
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->rfind("id,at,actor_id,actor,role,action,detail,patient,address,outcome\r\n", 0), 0u) << *csv;
  EXPECT_NE(csv->find(",dr.ana,clinician,read_record,\"'+cmd, \"\"quoted\"\"\nnext\"," + std::to_string(*pat.person) +
                      ",\"'=HYPERLINK(\"\"http://x\"\")\",allowed\r\n"),
            std::string::npos)
      << *csv;
  // The host operator (the shell: clinic init, purge-audit) is named, not shown as an id.
  AuditEntry host{7,  clock_.now(), kHostOperator, Role::kAdmin,          "audit_purged",
                  "", std::nullopt, "host",        AuditOutcome::kAllowed};
  const std::string host_csv = audit_csv({host}, {});
  EXPECT_NE(host_csv.find("\r\n7,"), std::string::npos) << host_csv;
  EXPECT_NE(host_csv.find(",host,host,admin,audit_purged,"), std::string::npos) << host_csv;
  EXPECT_EQ(host_csv.find(",-1,"), std::string::npos) << host_csv;
  EXPECT_EQ(safe_csv_field("-1+2"), "'-1+2");
  EXPECT_EQ(safe_csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(safe_csv_field("\tx"), "'\tx");
  EXPECT_EQ(safe_csv_field("plain"), "plain");
  EXPECT_EQ(safe_csv_field(""), "");
  EXPECT_EQ(safe_csv_field("a,b"), "\"a,b\"");
}

TEST_F(ClinicAudit, APatientSeesWhoLookedButNotTheirOwnVisits) {
  ASSERT_TRUE(authorize(clinic(), as(pat), Action::kReadRecord, *pat.person, "").ok());
  clock_.sleep_for(std::chrono::minutes{1});
  ASSERT_TRUE(authorize(clinic(), as(ana), Action::kReadRecord, *pat.person, "").ok());
  clock_.sleep_for(std::chrono::minutes{1});
  ASSERT_FALSE(authorize(clinic(), as(ben), Action::kExportRecord, *pat.person, "").ok());
  auto looked = usecases::clinic::who_looked(clinic(), as(pat), *pat.person, 50);
  ASSERT_TRUE(looked.ok()) << looked.error().message;
  ASSERT_GE(looked->size(), 2u);
  EXPECT_EQ((*looked)[0].who, "dr.ben");
  EXPECT_EQ((*looked)[0].action, "export_record");
  EXPECT_EQ((*looked)[0].outcome, "refused");
  EXPECT_EQ((*looked)[1].who, "dr.ana");
  EXPECT_EQ((*looked)[1].role, "clinician");
  for (const auto& a : *looked) EXPECT_NE(a.who, "pat@example.org");
  EXPECT_EQ(usecases::clinic::who_looked(clinic(), as(pat), *pat.person, 1)->size(), 1u);
  EXPECT_EQ(usecases::clinic::who_looked(clinic(), as(pat), *pat.person, 0).error().field, "limit");
  // Nobody else may read it, not even their clinician.
  EXPECT_EQ(usecases::clinic::who_looked(clinic(), as(ana), *pat.person, 50).error().code, errc::kForbidden);
  EXPECT_EQ(usecases::clinic::who_looked(clinic(), as(admin), *pat.person, 50).error().code, errc::kForbidden);
}

TEST_F(ClinicAudit, RetentionPurgesOldRowsAndRecordsThePurge) {
  ASSERT_TRUE(authorize(clinic(), as(ana), Action::kReadRecord, *pat.person, "old").ok());
  const std::size_t old_rows = audit_count();
  clock_.sleep_for(clinic().config.audit_retention + std::chrono::hours{1});
  ASSERT_TRUE(authorize(clinic(), as(ana), Action::kReadRecord, *pat.person, "recent").ok());
  auto purged = usecases::clinic::purge_audit(clinic(), as(admin));
  ASSERT_TRUE(purged.ok()) << purged.error().message;
  EXPECT_EQ(*purged, static_cast<std::int64_t>(old_rows));
  const auto rows = store_.audit_rows();
  ASSERT_EQ(rows.size(), 3u);  // recent read, purge allowed, audit_purged
  EXPECT_EQ(rows[0].detail, "recent");
  EXPECT_EQ(rows[1].action, "purge_audit");
  EXPECT_EQ(rows[2].action, event::kAuditPurged);
  EXPECT_NE(rows[2].detail.find(std::to_string(old_rows) + " rows before"), std::string::npos);
}

}  // namespace
}  // namespace kc::clinic::testing
