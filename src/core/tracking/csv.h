// Every log of a person as CSV tables (RFC 4180: comma-separated, quoted when needed, CRLF
// line ends, a header row). Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/tracking/judge.h"

namespace kc::tracking {

// One field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
std::string csv_field(const std::string& s);

// (file name, contents) for sessions.csv, exercises.csv, measurements.csv, check_ins.csv,
// dose_changes.csv and plan.csv (the planned days), in that order.
std::vector<std::pair<std::string, std::string>> export_csv(const History& h);

}  // namespace kc::tracking
