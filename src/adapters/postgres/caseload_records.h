// Reading the records a clinician's caseload flags (clinic::PatientRecords) for the whole
// caseload at once: five queries whatever its length (four when the caller knows the persons), each over the patients
// on the caseload. With the plan cache (plan_cache.h), one more query reads the persons' plan
// versions, and the plans' query reads only the plans that changed since the cache kept them.
#pragma once

#include <pqxx/pqxx>
#include <vector>

#include "adapters/postgres/plan_cache.h"
#include "core/clinic/records.h"
#include "core/common/result.h"

namespace kc::postgres {

// ClinicStore::caseload_records inside the transaction `tx` (one read snapshot: `tx` must be
// Database::read's: see is_read_snapshot, or `cache` is not used). With `cache`, reads again only
// the plans that changed since it kept them, and keeps what it read; the result is the same.
Result<std::vector<clinic::PatientRecords>> read_caseload_records(pqxx::transaction_base& tx,
                                                                  clinic::AccountId clinician, CivilDate from,
                                                                  CivilDate to, PlanCache* cache = nullptr);

// The same for the persons `persons` (ascending, none 0), one per person, by person: four queries.
Result<std::vector<clinic::PatientRecords>> read_records_of(pqxx::transaction_base& tx,
                                                            const std::vector<store::PersonId>& persons, CivilDate from,
                                                            CivilDate to, PlanCache* cache = nullptr);

}  // namespace kc::postgres
