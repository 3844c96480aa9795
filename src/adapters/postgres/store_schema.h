// The PostgreSQL schema of the Store's records (component "store"): the steps of
// core/store/schema_sql.h, the one source of the store's tables, with PostgreSQL's words for
// SQLite's types. Instants and dates stay the codec's ISO 8601 text, so both back ends read and
// order them alike.
#pragma once

#include <string>

#include "adapters/postgres/migrations.h"
#include "core/store/schema_sql.h"

namespace kc::postgres {

// The newest store schema this binary knows (the same numbers as the SQLite store's).
inline constexpr int kStoreSchemaVersion = static_cast<int>(store::kSchemaSteps.size());

// One SQLite schema step in PostgreSQL's dialect: 64-bit identity keys, BIGINT for INTEGER,
// DOUBLE PRECISION for REAL, and now() in the codec's text form for SQLite's strftime.
std::string to_postgres(std::string_view sqlite_step);

Schema store_schema();

}  // namespace kc::postgres
