#include "core/clinic/audit_csv.h"

#include "core/store/codec.h"
#include "core/tracking/csv.h"

namespace kc::clinic {
namespace {

std::string row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += safe_csv_field(fields[i]);
  }
  return out + "\r\n";
}

std::string actor_name(AccountId actor, const std::map<AccountId, std::string>& usernames) {
  if (actor == kHostOperator) return "host";
  auto it = usernames.find(actor);
  return it == usernames.end() ? std::string() : it->second;
}

}  // namespace

std::string safe_csv_field(const std::string& s) {
  const bool formula = !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
  return tracking::csv_field(formula ? "'" + s : s);
}

std::string audit_csv(const std::vector<AuditEntry>& rows, const std::map<AccountId, std::string>& usernames) {
  std::string out = row({"id", "at", "actor_id", "actor", "role", "action", "detail", "patient", "address", "outcome"});
  for (const auto& a : rows) {
    const std::string actor_id = a.actor == kHostOperator ? "host" : std::to_string(a.actor);
    out += row({std::to_string(a.id), store::format_instant(a.at), actor_id, actor_name(a.actor, usernames),
                a.role ? std::string(role_name(*a.role)) : "", a.action, a.detail,
                a.patient ? std::to_string(*a.patient) : "", a.address, std::string(audit_outcome_name(a.outcome))});
  }
  return out;
}

}  // namespace kc::clinic
