// The PostgreSQL implementation of clinic::ClinicStore, in the same database as the PgStore (it
// migrates the store's tables too, so a caseload can name each patient's records). One object is
// shared by every request thread; each method is one transaction, durable on return, retried on
// serialization failures like PgStore's. The audit table refuses UPDATE and DELETE (see
// clinic_schema.h); purge_audit is the one way rows leave it.
#pragma once

#include <memory>
#include <string>

#include "adapters/postgres/database.h"
#include "core/clinic/clinic_store.h"
#include "core/common/result.h"

namespace kc::postgres {

// Opens the clinic store over `db`, migrating the store's and the clinic's tables to the newest
// versions; refused (database unchanged) when either schema is newer than this binary knows.
Result<std::unique_ptr<clinic::ClinicStore>> open_clinic_store(std::shared_ptr<Database> db);
// The same from a URL, with its own pool.
Result<std::unique_ptr<clinic::ClinicStore>> open_clinic_store(const std::string& url, const Options& options = {});

}  // namespace kc::postgres
