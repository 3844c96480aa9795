// `kneecoach doctor`: checks the person's store and repairs what it can. The store file (a
// 0-byte file, not a database, SQLite's integrity check, the schema version) through the store
// adapter's port; then, in a healthy store, each person's stored answers (they must parse, or
// every session would fail).
#pragma once

#include <string>
#include <vector>

#include "core/common/result.h"
#include "usecases/ports.h"

namespace kc::usecases {

struct DoctorReport {
  StoreFileHealth file;
  std::vector<std::string> problems;  // the file's problems, then each person's answers that do not parse
  std::vector<std::string> advice;    // what to do about them, in plain words
  std::vector<std::string> repaired;  // what `repair` did
  bool healthy() const { return problems.empty(); }
};

// Checks the store in `data_dir`; with `repair`, a damaged or empty store is set aside (kept)
// and the automatic backup put in its place when there is a good one, then checked again.
// Answers that do not parse are explained, not changed. Errors: errc::kFailed when a port is
// missing or the store fails while being read.
Result<DoctorReport> doctor(const Ports& ports, const std::string& data_dir, bool repair);

}  // namespace kc::usecases
