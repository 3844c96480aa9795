// Reading the records a clinician's caseload flags (clinic::PatientRecords) for the whole
// caseload at once: six queries whatever its length, each over the patients on the caseload.
#pragma once

#include <pqxx/pqxx>
#include <vector>

#include "core/clinic/records.h"
#include "core/common/result.h"

namespace kc::postgres {

// ClinicStore::caseload_records inside the transaction `tx` (one read snapshot).
Result<std::vector<clinic::PatientRecords>> read_caseload_records(pqxx::transaction_base& tx,
                                                                  clinic::AccountId clinician, CivilDate from);

}  // namespace kc::postgres
