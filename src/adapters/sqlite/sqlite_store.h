// sqlite/: the embedded store: the Store port on SQLite (WAL, migrations).
// The SQLite implementation of the core's Store: one database file, WAL journal, foreign keys
// on, synchronous=FULL, every Store method in one transaction.
#pragma once

#include <chrono>
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

// open_store, and when the store is closed (destroyed) its automatic backup is refreshed when
// older than `age` (health.h, backup_if_older): the backup holds what a command wrote, at most
// `age` old. A failed backup is silent and keeps the last good one.
Result<std::unique_ptr<store::Store>> open_store_backed_up(const std::string& path, std::chrono::hours age);

}  // namespace kc::sqlite
