// The store file's health and its automatic backup: what `kneecoach doctor` checks and repairs,
// and what every open of a healthy store keeps fresh.
//
//   kneecoach.db          the store
//   kneecoach.db.backup   a consistent copy, at most a day old (write_backup, backup_if_older)
//   kneecoach.db.damaged-<UTC time>[-wal|-shm]   a damaged store set aside by restore_backup
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace kc::sqlite {

struct FileCheck {
  bool exists = false;
  std::uintmax_t bytes = 0;
  int version = 0;                    // the schema version, when it could be read
  std::vector<std::string> problems;  // what is wrong, in plain words; empty when healthy
};

// Checks the store at `path` through a read-only connection (never changes it): a 0-byte
// file, not a database, not a kneecoach store, a newer schema than this binary knows, and
// `PRAGMA integrity_check`. A missing file has no problems (exists = false).
FileCheck check_file(const std::string& path);

// `path` + ".backup".
std::string backup_path(const std::string& path);

// Writes a consistent copy of the store at `path` to backup_path(path): `PRAGMA quick_check`
// first (a damaged store never replaces a good backup), then VACUUM INTO a temporary file,
// renamed over the backup only when complete.
Status write_backup(const std::string& path);

// write_backup when the backup is missing or older than `age` (by its modification time).
Status backup_if_older(const std::string& path, std::chrono::hours age);

// Sets the store at `path` (with its -wal and -shm files) aside as
// `path`.damaged-<stamp>, and copies the backup in its place. Returns the name the damaged
// store was kept as. Errors: no backup, a damaged backup, or a file that cannot be moved
// (then nothing was moved).
Result<std::string> restore_backup(const std::string& path, const std::string& stamp);

// Sets the store at `path` (with its -wal and -shm files) aside as `path`.damaged-<stamp>, so
// the next `init` starts a new one. Returns the name it was kept as.
Result<std::string> set_aside(const std::string& path, const std::string& stamp);

}  // namespace kc::sqlite
