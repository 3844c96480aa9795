// Versioned schemas in one PostgreSQL database. Each part of the product that keeps tables there
// (a "component": "store", "clinic") has its own list of migrations; the table schema_version
// holds one row per (component, version) applied. Each migration runs in one transaction with
// its row, under an advisory lock, so two processes starting together migrate once.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "adapters/postgres/database.h"
#include "core/common/result.h"

namespace kc::postgres {

struct Schema {
  std::string component;                    // "store", "clinic"
  std::span<const std::string_view> steps;  // steps[i] moves the schema from version i to i + 1
};

// The component's version in the database: 0 when none of its migrations ran yet.
Result<int> schema_version(Database& db, const std::string& component);

// Brings `schema` up to `target` (default: its newest version). Refused, with the database left
// unchanged, when the database holds a newer version than this binary knows, or holds tables
// but no schema_version (it is not a kneecoach database).
Status migrate(Database& db, const Schema& schema, int target = -1);

}  // namespace kc::postgres
