// Reading the records a clinician's caseload flags (clinic::PatientRecords) for the whole
// caseload at once: five queries whatever its length (four when the caller knows the persons), each over the patients
// on the caseload.
#pragma once

#include <pqxx/pqxx>
#include <vector>

#include "core/clinic/records.h"
#include "core/common/result.h"

namespace kc::postgres {

// ClinicStore::caseload_records inside the transaction `tx` (one read snapshot).
Result<std::vector<clinic::PatientRecords>> read_caseload_records(pqxx::transaction_base& tx,
                                                                  clinic::AccountId clinician, CivilDate from,
                                                                  CivilDate to);

// The same for the persons `persons` (ascending, none 0), one per person, by person: four queries.
Result<std::vector<clinic::PatientRecords>> read_records_of(pqxx::transaction_base& tx,
                                                            const std::vector<store::PersonId>& persons, CivilDate from,
                                                            CivilDate to);

}  // namespace kc::postgres
