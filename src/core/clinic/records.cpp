#include "core/clinic/records.h"

#include "core/common/name_table.h"

namespace kc::clinic {
namespace {

constexpr NameTable<Role, 3> kRoles{{
    {Role::kAdmin, "admin"},
    {Role::kClinician, "clinician"},
    {Role::kPatient, "patient"},
}};

constexpr NameTable<AccountState, 3> kStates{{
    {AccountState::kPending, "pending"},
    {AccountState::kActive, "active"},
    {AccountState::kDisabled, "disabled"},
}};

constexpr NameTable<AuditOutcome, 2> kOutcomes{{
    {AuditOutcome::kAllowed, "allowed"},
    {AuditOutcome::kRefused, "refused"},
}};

constexpr NameTable<FlagKind, 5> kFlagKinds{{
    {FlagKind::kWarningSign, "warning_sign"},
    {FlagKind::kPainAboveBand, "pain_above_band"},
    {FlagKind::kPainRising, "pain_rising"},
    {FlagKind::kNoSession, "no_session_7d"},
    {FlagKind::kReviewDue, "review_due"},
}};

}  // namespace

std::string_view role_name(Role role) { return name_of(kRoles, role); }
std::optional<Role> role_from_name(std::string_view name) { return value_of(kRoles, name); }

std::string_view account_state_name(AccountState state) { return name_of(kStates, state); }
std::optional<AccountState> account_state_from_name(std::string_view name) { return value_of(kStates, name); }

std::string_view audit_outcome_name(AuditOutcome outcome) { return name_of(kOutcomes, outcome); }
std::optional<AuditOutcome> audit_outcome_from_name(std::string_view name) { return value_of(kOutcomes, name); }

std::string_view flag_kind_name(FlagKind kind) { return name_of(kFlagKinds, kind); }
std::optional<FlagKind> flag_kind_from_name(std::string_view name) { return value_of(kFlagKinds, name); }
std::vector<std::string> flag_kind_names() { return names_of(kFlagKinds); }

}  // namespace kc::clinic
