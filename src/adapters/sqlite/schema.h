// The store's schema and its migrations. Each migration moves the schema up one version and
// runs in one transaction together with its row in schema_version.
#pragma once

#include "adapters/sqlite/db.h"
#include "core/common/result.h"
#include "core/store/schema_sql.h"

namespace kc::sqlite {

// The newest schema this binary knows.
inline constexpr int kSchemaVersion = static_cast<int>(store::kSchemaSteps.size());

// The schema version of an open database: 0 for an empty database, the highest version in
// schema_version otherwise. An error for a database that holds tables but no
// schema_version (not a kneecoach store) or is not a database at all.
Result<int> schema_version(Db& db);

// Applies every migration above the current version up to `target` (<= kSchemaVersion).
// Requires schema_version(db) <= target.
Status migrate(Db& db, int target = kSchemaVersion);

}  // namespace kc::sqlite
