#include "adapters/sqlite/schema.h"

#include <fmt/format.h>

namespace kc::sqlite {

Result<int> schema_version(Db& db) {
  auto tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'");
  if (!tables) return tables.error();
  bool any = false;
  bool versioned = false;
  for (;;) {
    auto row = tables.value().step();
    if (!row) return make_error(fmt::format("{} is not a kneecoach store ({})", db.path(), row.error().message));
    if (!*row) break;
    any = true;
    if (tables.value().text(0) == "schema_version") versioned = true;
  }
  if (!any) return 0;
  if (!versioned) {
    return make_error(
        fmt::format("{} is not a kneecoach store (it has no schema_version table); it was not changed", db.path()));
  }
  auto v = db.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!v) return v.error();
  auto row = v.value().step();
  if (!row) return row.error();
  return v.value().integer(0);
}

Status migrate(Db& db, int target) {
  auto current = schema_version(db);
  if (!current) return current.error();
  for (int version = *current + 1; version <= target; ++version) {
    auto tx = Transaction::begin(db);
    if (!tx) return tx.error();
    if (version == 1) {
      if (auto s = db.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL "
                           "DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
          !s) {
        return s;
      }
    }
    if (auto s = db.exec(store::kSchemaSteps[static_cast<std::size_t>(version - 1)]); !s) {
      return make_error(fmt::format("migrating the store to schema version {} failed: {}", version, s.error().message));
    }
    auto mark = db.prepare("INSERT INTO schema_version (version) VALUES (?)");
    if (!mark) return mark.error();
    if (auto s = mark.value().bind(1, version).run(); !s) return s;
    if (auto s = tx.value().commit(); !s) return s;
  }
  return Ok{};
}

}  // namespace kc::sqlite
