#include "usecases/clinic/audit_log.h"

#include <fmt/format.h>

#include <map>

#include "core/clinic/audit_csv.h"
#include "core/store/codec.h"
#include "usecases/clinic/authorize.h"

namespace kc::usecases::clinic {
namespace {

namespace core = kc::clinic;

// The usernames of the rows' actors (deleted accounts are left out).
Result<std::map<AccountId, std::string>> usernames_of(Clinic& clinic, const std::vector<AuditEntry>& rows) {
  std::map<AccountId, std::string> names;
  for (const auto& row : rows) {
    if (row.actor <= 0 || names.count(row.actor) != 0) continue;
    auto account = clinic.store.find_account(row.actor);
    if (!account) return account.error();
    names[row.actor] = *account ? (*account)->username : "";
  }
  return names;
}

std::string describe(const core::AuditFilter& f) {
  std::string out = fmt::format("limit {} offset {}", f.limit, f.offset);
  if (f.actor) out += fmt::format(" actor {}", *f.actor);
  if (f.patient) out += fmt::format(" patient {}", *f.patient);
  if (f.action) out += " action " + f.action->substr(0, 40);
  if (f.from) out += " from " + store::format_instant(*f.from);
  if (f.to) out += " to " + store::format_instant(*f.to);
  return out;
}

}  // namespace

Result<std::vector<AuditEntry>> query_audit(Clinic& clinic, const Caller& caller, const core::AuditFilter& filter) {
  if (auto ok = authorize(clinic, caller, Action::kReadAudit, std::nullopt, describe(filter)); !ok) return ok.error();
  return clinic.store.audit(filter);
}

Result<std::string> export_audit_csv(Clinic& clinic, const Caller& caller, const core::AuditFilter& filter) {
  auto rows = query_audit(clinic, caller, filter);
  if (!rows) return rows.error();
  auto names = usernames_of(clinic, *rows);
  if (!names) return names.error();
  return core::audit_csv(*rows, *names);
}

Result<std::vector<Access>> who_looked(Clinic& clinic, const Caller& caller, store::PersonId patient, int limit) {
  if (limit < 1 || limit > 1000) return make_error(errc::kOutOfRange, "limit", "limit is 1 to 1000");
  if (auto ok = authorize(clinic, caller, Action::kReadAccessLog, patient, "who looked"); !ok) return ok.error();
  std::vector<Access> out;
  core::AuditFilter filter;
  filter.patient = patient;
  filter.newest_first = true;
  filter.limit = 1000;
  // Pages until `limit` rows by others are found (the patient's own rows are skipped).
  while (static_cast<int>(out.size()) < limit) {
    auto rows = clinic.store.audit(filter);
    if (!rows) return rows.error();
    auto names = usernames_of(clinic, *rows);
    if (!names) return names.error();
    for (const auto& row : *rows) {
      if (row.actor == caller.actor.account || static_cast<int>(out.size()) >= limit) continue;
      const auto name = names->find(row.actor);
      const std::string who = row.actor == core::kHostOperator ? "host" : name != names->end() ? name->second : "";
      out.push_back(Access{row.at, who, row.role ? std::string(role_name(*row.role)) : "", row.action,
                           std::string(audit_outcome_name(row.outcome))});
    }
    if (static_cast<int>(rows->size()) < filter.limit) break;
    filter.offset += filter.limit;
  }
  return out;
}

Result<std::int64_t> purge_audit(Clinic& clinic, const Caller& caller) {
  if (auto ok = authorize(clinic, caller, Action::kPurgeAudit, std::nullopt, "retention purge"); !ok) {
    return ok.error();
  }
  const TimePoint before = clinic.clock.now() - clinic.config.audit_retention;
  auto purged = clinic.store.purge_audit(before);
  if (!purged) return purged.error();
  auto row = record_event(clinic, caller, core::event::kAuditPurged, core::AuditOutcome::kAllowed,
                          fmt::format("{} rows before {}", *purged, store::format_instant(before)));
  if (!row) return row.error();
  return purged;
}

}  // namespace kc::usecases::clinic
