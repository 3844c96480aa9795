// The one gate to clinical data: the access policy (core/clinic/policy.h) and the audit row,
// in one call. Every read and write of a patient's records goes through authorize first
// (the HTTP dispatcher calls it from the route table's declared action); adapters never decide
// access themselves.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/store/records.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

// Decides whether `caller` may do `action` on `patient`'s records (nullopt for actions about
// no patient) and appends one audit row either way (outcome allowed or refused, `detail` such as
// the route, cut to 200 characters). Ok when allowed. Errors: errc::kForbidden (refused; the
// row is written), errc::kFailed (the store failed: refused too, since nothing may be read
// without its row).
Status authorize(Clinic& clinic, const Caller& caller, Action action, std::optional<store::PersonId> patient,
                 std::string_view detail);

// authorize for the person with API name `person_name` (the {id} of /api/v1/people/{id}): the
// person when allowed. An unknown name is refused like another's records (errc::kForbidden,
// audited with no patient), so names cannot be probed.
Result<store::Person> authorize_person(Clinic& clinic, const Caller& caller, Action action,
                                       const std::string& person_name, std::string_view detail);

// Appends an account event (core/clinic/policy.h: event::) to the audit trail: sign-ins,
// invites accepted, accounts created. errc::kFailed when the store fails.
Status record_event(Clinic& clinic, const Caller& caller, std::string_view event, kc::clinic::AuditOutcome outcome,
                    std::string_view detail, std::optional<store::PersonId> patient = std::nullopt);

}  // namespace kc::usecases::clinic
