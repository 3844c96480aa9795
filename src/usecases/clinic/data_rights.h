// A patient's data rights: their whole record exported as JSON, and deleted.
#pragma once

#include <string>

#include "core/common/result.h"
#include "core/store/records.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

// Everything kept about `patient`, as one JSON document (format "kneecoach-patient-export",
// version 1): the person, their account (no secrets), latest answers, latest plan, sessions,
// exercise logs (with what they said of each exercise and the camera's result), measurements,
// check-ins, dose changes, the clinicians' program changes and messages, notes, flag reviews
// and red-flag notifications, and who looked at the record (every audit row naming them, with
// its detail). For the patient and their clinicians (audited as export_record).
// Errors: errc::kForbidden, errc::kNotFound (field "person": no such person), errc::kFailed.
Result<std::string> export_patient(Clinic& clinic, const Caller& caller, store::PersonId patient);

// Deletes `patient`'s clinical records (store::Store::delete_person) and their account with its
// sessions, invites, caseload places, notifications, flag reviews and clinicians' notes
// (ClinicStore::delete_patient). For the
// patient themselves and admins (audited as delete_record, then patient_deleted). Audit rows
// naming the person stay, as the trail of what happened. Safe to retry after a failure.
// Errors: errc::kForbidden, errc::kFailed.
Status delete_patient_data(Clinic& clinic, const Caller& caller, store::PersonId patient);

}  // namespace kc::usecases::clinic
