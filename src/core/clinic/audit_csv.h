// The audit trail as CSV for admins (RFC 4180: a header row, CRLF line ends, fields quoted when
// they hold a comma, quote, CR or LF), safe to open in a spreadsheet. Pure.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/clinic/records.h"

namespace kc::clinic {

// One field, safe from formula injection: a value starting with = + - @ (or a tab or CR, which
// spreadsheets skip before reading a formula) gets a leading ' so it is shown as text; then
// quoted as tracking::csv_field does.
std::string safe_csv_field(const std::string& s);

// Columns: id, at (ISO 8601 UTC), actor_id (the account id; "host" for the host operator),
// actor (username from `usernames`; "host" for the host operator, "" when unknown), role, action,
// detail, patient, address, outcome.
std::string audit_csv(const std::vector<AuditEntry>& rows, const std::map<AccountId, std::string>& usernames);

}  // namespace kc::clinic
