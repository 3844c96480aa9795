// The PostgreSQL implementation of the core's Store, for the clinic server: one object shared by
// every request thread. Each method borrows a pooled connection for one transaction and returns
// once PostgreSQL has committed it (synchronous_commit on); a method called inside Store::once's
// write joins that transaction. Records, keys and checks are the SQLite store's (docs/store.md).
#pragma once

#include <memory>
#include <string>

#include "adapters/postgres/database.h"
#include "adapters/postgres/store_schema.h"
#include "core/common/result.h"
#include "core/store/store.h"

namespace kc::postgres {

// Opens the store in the database at `url` (e.g. postgresql:///kneecoach?host=/run/postgresql)
// and migrates its tables up to `migrate_to`. A database with a newer store schema, or with
// tables that are not kneecoach's, is refused with a clear message and left unchanged.
Result<std::unique_ptr<store::Store>> open_store(const std::string& url, const Options& options = {},
                                                 int migrate_to = kStoreSchemaVersion);
// The same over an open database (its pool shared with other stores, e.g. the clinic's).
Result<std::unique_ptr<store::Store>> open_store(std::shared_ptr<Database> db, int migrate_to = kStoreSchemaVersion);

}  // namespace kc::postgres
