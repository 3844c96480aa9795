// The access policy, as a full matrix: every role, every relation, every action.
#include "core/clinic/policy.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>
#include <utility>

namespace kc::clinic {
namespace {

constexpr std::array kActions{Action::kReadRecord,    Action::kWriteRecord,    Action::kExportRecord,
                              Action::kDeleteRecord,  Action::kReadAccessLog,  Action::kReadCaseload,
                              Action::kInvitePatient, Action::kManageAccounts, Action::kReadAudit,
                              Action::kPurgeAudit,    Action::kChangeProgram,  Action::kReviewRecord,
                              Action::kLiveCamera};
constexpr std::array kRelations{Relation::kNone, Relation::kSelf, Relation::kOnCaseload, Relation::kOther};
constexpr std::array kRoles{Role::kAdmin, Role::kClinician, Role::kPatient};

Actor actor(Role role) {
  return Actor{7, role, role == Role::kPatient ? std::optional<store::PersonId>{3} : std::nullopt, "x"};
}

// The whole table of what is allowed: (role, action, relation). Everything else is refused.
const std::set<std::tuple<Role, Action, Relation>>& allowed() {
  static const std::set<std::tuple<Role, Action, Relation>> table{
      {Role::kPatient, Action::kReadRecord, Relation::kSelf},
      {Role::kPatient, Action::kWriteRecord, Relation::kSelf},
      {Role::kPatient, Action::kExportRecord, Relation::kSelf},
      {Role::kPatient, Action::kDeleteRecord, Relation::kSelf},
      {Role::kPatient, Action::kReadAccessLog, Relation::kSelf},
      {Role::kPatient, Action::kLiveCamera, Relation::kSelf},  // the patient's own session only
      {Role::kClinician, Action::kReadRecord, Relation::kOnCaseload},
      {Role::kClinician, Action::kWriteRecord, Relation::kOnCaseload},
      {Role::kClinician, Action::kExportRecord, Relation::kOnCaseload},
      {Role::kClinician, Action::kChangeProgram, Relation::kOnCaseload},  // patients never change it
      {Role::kClinician, Action::kReviewRecord, Relation::kOnCaseload},
      {Role::kClinician, Action::kReadCaseload, Relation::kNone},
      {Role::kClinician, Action::kInvitePatient, Relation::kNone},
      {Role::kAdmin, Action::kManageAccounts, Relation::kNone},
      {Role::kAdmin, Action::kReadAudit, Relation::kNone},
      {Role::kAdmin, Action::kPurgeAudit, Relation::kNone},
      // An admin carries out a deletion (data rights) without reading anything.
      {Role::kAdmin, Action::kDeleteRecord, Relation::kSelf},
      {Role::kAdmin, Action::kDeleteRecord, Relation::kOnCaseload},
      {Role::kAdmin, Action::kDeleteRecord, Relation::kOther},
  };
  return table;
}

TEST(ClinicPolicy, EveryRoleRelationAndActionMatchesTheTable) {
  int checked = 0;
  int leaks = 0;
  for (const Role role : kRoles) {
    for (const Action action : kActions) {
      for (const Relation relation : kRelations) {
        const Decision d = decide(actor(role), action, relation);
        const bool expected = allowed().count({role, action, relation}) != 0;
        if (d.allowed && !expected) ++leaks;
        EXPECT_EQ(d.allowed, expected) << role_name(role) << " " << action_name(action) << " relation "
                                       << static_cast<int>(relation) << ": " << d.reason;
        EXPECT_FALSE(d.reason.empty());
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, static_cast<int>(kRoles.size() * kActions.size() * kRelations.size()));
  EXPECT_EQ(leaks, 0);
}

TEST(ClinicPolicy, NobodySignedInIsRefusedEverything) {
  for (const Action action : kActions) {
    for (const Relation relation : kRelations) {
      Actor nobody = actor(Role::kAdmin);
      nobody.account = 0;
      EXPECT_FALSE(decide(nobody, action, relation).allowed);
    }
  }
}

TEST(ClinicPolicy, AdminsNeverReadOrWriteClinicalData) {
  for (const Action action : {Action::kReadRecord, Action::kWriteRecord, Action::kExportRecord, Action::kReadAccessLog,
                              Action::kChangeProgram}) {
    for (const Relation relation : kRelations) EXPECT_FALSE(decide(actor(Role::kAdmin), action, relation).allowed);
  }
}

TEST(ClinicPolicy, ActionNamesRoundTripAndAreDistinct) {
  std::set<std::string> names;
  for (const Action action : kActions) {
    const std::string name(action_name(action));
    EXPECT_NE(name, "?");
    EXPECT_EQ(action_from_name(name), action);
    names.insert(name);
  }
  EXPECT_EQ(names.size(), kActions.size());
  EXPECT_FALSE(action_from_name("read"));
  for (const Role role : kRoles) EXPECT_EQ(role_from_name(role_name(role)), role);
  EXPECT_FALSE(role_from_name("root"));
}

}  // namespace
}  // namespace kc::clinic
