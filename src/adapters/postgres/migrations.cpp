#include "adapters/postgres/migrations.h"

#include <fmt/format.h>

namespace kc::postgres {
namespace {

constexpr const char* kCreateVersions =
    "CREATE TABLE IF NOT EXISTS schema_version (component TEXT NOT NULL, version INTEGER NOT NULL, "
    "applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (component, version))";

// Whether the current schema has a table named `name`.
bool has_table(pqxx::dbtransaction& tx, const std::string& name) {
  return tx.exec_params1("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1",
                         name)[0]
             .as<int>() > 0;
}

int tables(pqxx::dbtransaction& tx) {
  return tx.exec1("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")[0].as<int>();
}

Result<int> version_in(pqxx::dbtransaction& tx, const std::string& component, const std::string& where) {
  if (!has_table(tx, "schema_version")) {
    if (tables(tx) > 0) {
      return make_error(fmt::format(
          "the PostgreSQL database {} is not a kneecoach database (it has tables but no schema_version); "
          "it was not changed. Give kneecoach a database of its own (createdb), e.g. postgresql:///kneecoach",
          where));
    }
    return 0;
  }
  return tx.exec_params1("SELECT coalesce(max(version), 0) FROM schema_version WHERE component = $1", component)[0]
      .as<int>();
}

Error newer(const std::string& where, const std::string& component, int version, int known) {
  return make_error(
      fmt::format("the PostgreSQL database {} was written by a newer kneecoach ({} schema version {}; this kneecoach "
                  "knows up to {}).\nUpdate kneecoach to use it. The database was not changed.",
                  where, component, version, known));
}

}  // namespace

Result<int> schema_version(Database& db, const std::string& component) {
  return db.read<int>([&](pqxx::dbtransaction& tx) { return version_in(tx, component, db.where()); });
}

Status migrate(Database& db, const Schema& schema, int target) {
  const int newest = static_cast<int>(schema.steps.size());
  if (target < 0) target = newest;
  auto current = schema_version(db, schema.component);
  if (!current) return current.error();
  if (*current > newest) return newer(db.where(), schema.component, *current, newest);
  for (int version = *current + 1; version <= target; ++version) {
    auto step = db.write_locked([&](pqxx::dbtransaction& tx) -> Status {
      tx.exec("SELECT pg_advisory_xact_lock(hashtext('kneecoach schema migrations'))");
      auto now = version_in(tx, schema.component, db.where());
      if (!now) return now.error();
      if (*now >= version) return Ok{};  // another process got there first
      tx.exec(kCreateVersions);
      try {
        tx.exec(std::string(schema.steps[static_cast<std::size_t>(version - 1)]));
      } catch (const pqxx::sql_error& e) {
        return make_error(fmt::format("migrating the {} schema of {} to version {} failed: {}", schema.component,
                                      db.where(), version, e.what()));
      }
      tx.exec_params0("INSERT INTO schema_version (component, version) VALUES ($1, $2)", schema.component, version);
      return Ok{};
    });
    if (!step) return step;
  }
  return Ok{};
}

}  // namespace kc::postgres
