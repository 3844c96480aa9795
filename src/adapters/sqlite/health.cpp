#include "adapters/sqlite/health.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>

#include "adapters/sqlite/db.h"
#include "adapters/sqlite/schema.h"

namespace kc::sqlite {
namespace {

namespace fs = std::filesystem;

// The first rows of an integrity or quick check: "ok" alone when healthy.
Result<std::vector<std::string>> run_check(Db& db, std::string_view pragma) {
  auto stmt = db.prepare(pragma);
  if (!stmt) return stmt.error();
  std::vector<std::string> rows;
  while (true) {
    auto more = stmt.value().step();
    if (!more) return more.error();
    if (!*more || rows.size() >= 5) break;
    rows.push_back(stmt.value().text(0));
  }
  return rows;
}

bool healthy(const std::vector<std::string>& rows) { return rows.size() == 1 && rows.front() == "ok"; }

}  // namespace

FileCheck check_file(const std::string& path) {
  FileCheck check;
  std::error_code ec;
  check.exists = fs::exists(path, ec);
  if (!check.exists) return check;
  check.bytes = fs::file_size(path, ec);
  if (check.bytes == 0) {
    check.problems.emplace_back(
        "it is empty (0 bytes): its records were lost, or it was never written; it was not replaced");
    return check;
  }
  auto db = Db::open(path, true);
  if (!db) {
    check.problems.push_back("it cannot be opened: " + db.error().message);
    return check;
  }
  auto version = schema_version(db.value());
  if (!version) {
    check.problems.push_back("it is damaged or not a kneecoach store: " + version.error().message);
    return check;
  }
  check.version = *version;
  if (*version > kSchemaVersion) {
    check.problems.push_back(fmt::format(
        "it was written by a newer kneecoach (schema version {}; this one knows up to {}): update kneecoach", *version,
        kSchemaVersion));
  }
  auto rows = run_check(db.value(), "PRAGMA integrity_check");
  if (!rows) {
    check.problems.push_back("it is damaged: " + rows.error().message);
  } else if (!healthy(*rows)) {
    std::string found;
    for (const auto& row : *rows) found += (found.empty() ? "" : "; ") + row;
    check.problems.push_back("it is damaged (SQLite's integrity check found: " + found + ")");
  }
  return check;
}

std::string backup_path(const std::string& path) { return path + ".backup"; }

Status write_backup(const std::string& path) {
  auto db = Db::open(path, true);
  if (!db) return db.error();
  auto rows = run_check(db.value(), "PRAGMA quick_check");
  if (!rows) return rows.error();
  if (!healthy(*rows)) return make_error(fmt::format("the store {} is damaged, so it was not backed up", path));
  const std::string temporary = backup_path(path) + ".tmp";
  std::error_code ec;
  fs::remove(temporary, ec);
  char* quoted = sqlite3_mprintf("VACUUM INTO %Q", temporary.c_str());
  const std::string sql = quoted != nullptr ? quoted : "";
  sqlite3_free(quoted);
  if (sql.empty()) return make_error("out of memory");
  if (auto s = db.value().exec(sql); !s) {
    fs::remove(temporary, ec);
    return s;
  }
  fs::rename(temporary, backup_path(path), ec);
  if (ec) return make_error(fmt::format("cannot write the backup {}: {}", backup_path(path), ec.message()));
  return Ok{};
}

Status backup_if_older(const std::string& path, std::chrono::hours age) {
  std::error_code ec;
  const auto written = fs::last_write_time(backup_path(path), ec);
  if (!ec && fs::file_time_type::clock::now() - written < age) return Ok{};
  return write_backup(path);
}

Result<std::string> set_aside(const std::string& path, const std::string& stamp) {
  const std::string kept = fmt::format("{}.damaged-{}", path, stamp);
  std::error_code ec;
  fs::rename(path, kept, ec);
  if (ec) return make_error(fmt::format("cannot move {} to {}: {}", path, kept, ec.message()));
  for (const char* suffix : {"-wal", "-shm"}) {
    if (fs::exists(path + suffix, ec)) fs::rename(path + suffix, kept + suffix, ec);
    if (ec) return make_error(fmt::format("cannot move {}{} aside: {}", path, suffix, ec.message()));
  }
  return kept;
}

Result<std::string> restore_backup(const std::string& path, const std::string& stamp) {
  const std::string backup = backup_path(path);
  std::error_code ec;
  if (!fs::exists(backup, ec)) return make_error(fmt::format("there is no backup ({} does not exist)", backup));
  const FileCheck good = check_file(backup);
  if (!good.problems.empty())
    return make_error(fmt::format("the backup {} is damaged too: {}", backup, good.problems.front()));
  std::string kept;
  if (fs::exists(path, ec)) {
    auto aside = set_aside(path, stamp);
    if (!aside) return aside.error();
    kept = *aside;
  }
  const std::string temporary = path + ".restoring";
  fs::copy_file(backup, temporary, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(temporary, path, ec);
  if (ec) {
    return make_error(fmt::format("cannot copy the backup {} to {}: {}{}", backup, path, ec.message(),
                                  kept.empty() ? "" : fmt::format(" (the damaged store is kept as {})", kept)));
  }
  return kept;
}

}  // namespace kc::sqlite
