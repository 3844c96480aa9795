// sqlite/: the embedded store: the Store port on SQLite (WAL, migrations).
// The SQLite implementation of the core's Store: one database file, WAL journal, foreign keys
// on, synchronous=FULL, every Store method in one transaction.
#pragma once

#include <memory>
#include <string>

#include "adapters/sqlite/schema.h"
#include "core/common/result.h"
#include "core/store/store.h"

namespace kc::sqlite {

// Opens (creating when missing) the store at `path` and migrates it up to `migrate_to`.
// A database whose schema is newer than kSchemaVersion, or that is not a kneecoach store,
// is refused with a clear message and left exactly as it was.
Result<std::unique_ptr<store::Store>> open_store(const std::string& path, int migrate_to = kSchemaVersion);

}  // namespace kc::sqlite
