// Clinicians (notifications, invites) and admins (accounts, the audit trail).
#include <fmt/format.h>

#include <charconv>

#include "adapters/http/clinic_routes.h"
#include "core/store/codec.h"
#include "usecases/clinic/accounts.h"
#include "usecases/clinic/audit_log.h"
#include "usecases/clinic/caseload.h"
#include "usecases/clinic/invites.h"

namespace kc::http {
namespace {

using Json = nlohmann::json;

std::string when(TimePoint t) { return store::format_instant(t); }

Json account_json(const usecases::clinic::AccountView& a) {
  return Json{{"id", a.id},
              {"username", a.username},
              {"role", std::string(clinic::role_name(a.role))},
              {"state", std::string(clinic::account_state_name(a.state))},
              {"totp_enabled", a.totp_enabled},
              {"created_at", when(a.created_at)}};
}

Json audit_json(const clinic::AuditEntry& e) {
  return Json{{"id", e.id},
              {"at", when(e.at)},
              {"actor", e.actor},
              {"role", e.role ? Json(std::string(clinic::role_name(*e.role))) : Json(nullptr)},
              {"action", e.action},
              {"detail", e.detail},
              {"patient", e.patient ? Json(*e.patient) : Json(nullptr)},
              {"address", e.address},
              {"outcome", std::string(clinic::audit_outcome_name(e.outcome))}};
}

std::optional<std::int64_t> integer(const std::string& text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// The audit filter from ?actor=&patient=&action=&from=&to=&limit=&offset=&order=newest; a 400
// reply naming the parameter when one is malformed.
std::variant<clinic::AuditFilter, Response> audit_filter(const Request& r) {
  clinic::AuditFilter f;
  for (const auto& [name, value] : r.query) {
    const auto bad = [n = name, shown = value](const char* expected) {
      return error_response(400, "bad_query", fmt::format("{}: \"{}\"; expected {}", n, shown.substr(0, 40), expected),
                            n);
    };
    if (name == "actor" || name == "patient" || name == "limit" || name == "offset") {
      const auto v = integer(value);
      if (!v) return bad("a whole number");
      if (name == "actor") f.actor = *v;
      if (name == "patient") f.patient = *v;
      if (name == "limit") f.limit = static_cast<int>(std::clamp<std::int64_t>(*v, -1, 1000000));
      if (name == "offset") f.offset = static_cast<int>(std::clamp<std::int64_t>(*v, -1, 1000000000));
    } else if (name == "from" || name == "to") {
      const auto t = store::parse_instant(value);
      if (!t) return bad("an instant like 2025-03-03T08:00:00.000Z");
      (name == "from" ? f.from : f.to) = *t;
    } else if (name == "action") {
      f.action = value;
    } else if (name == "order") {
      if (value != "newest" && value != "oldest") return bad("newest or oldest");
      f.newest_first = value == "newest";
    } else {
      return bad("no such parameter (actor, patient, action, from, to, limit, offset, order)");
    }
  }
  return f;
}

}  // namespace

Response clinic_notifications(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  const auto unread = call.request.query.find("unread");
  auto found = usecases::clinic::notifications(s.clinic, caller_of(call),
                                               unread != call.request.query.end() && unread->second == "1");
  if (!found) return clinic_error(found.error());
  Json list = Json::array();
  for (const auto& n : *found) {
    list.push_back(Json{
        {"id", n.id}, {"at", when(n.at)}, {"kind", n.kind}, {"message", n.message}, {"read", n.read_at.has_value()}});
  }
  return json_response(200, Json{{"notifications", list}}.dump());
}

Response clinic_invite(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  auto issued = usecases::clinic::invite_patient(s.clinic, caller_of(call), text_field(body, "username"));
  if (!issued) return clinic_error(issued.error());
  Json j{{"patient", account_json(issued->patient)},
         {"person", issued->person.name},
         {"link", "/#/invite?invite=" + issued->link_token},
         {"code", issued->code},
         {"expires_at", when(issued->expires_at)}};
  return json_response(201, j.dump());
}

Response clinic_accounts(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  std::optional<clinic::Role> role;
  if (const auto it = call.request.query.find("role"); it != call.request.query.end()) {
    role = clinic::role_from_name(it->second);
    if (!role) return error_response(400, "bad_query", "role: expected admin, clinician or patient", "role");
  }
  auto list = usecases::clinic::list_accounts(s.clinic, caller_of(call), role);
  if (!list) return clinic_error(list.error());
  Json out = Json::array();
  for (const auto& a : *list) out.push_back(account_json(a));
  return json_response(200, Json{{"accounts", out}}.dump());
}

Response clinic_add_clinician(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  auto made = usecases::clinic::create_clinician(s.clinic, caller_of(call),
                                                 {text_field(body, "username"), text_field(body, "password")});
  if (!made) return clinic_error(made.error());
  return json_response(201, Json{{"account", account_json(*made)}}.dump());
}

Response clinic_disable(ClinicState& s, const ClinicCall& call, const std::string& id) {
  const Status done = usecases::clinic::disable_account(s.clinic, caller_of(call), id);
  if (!done) return clinic_error(done.error());
  return json_response(200, Json{{"disabled", id}}.dump());
}

Response clinic_audit(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  auto filter = audit_filter(call.request);
  if (auto* bad = std::get_if<Response>(&filter)) return *bad;
  auto rows = usecases::clinic::query_audit(s.clinic, caller_of(call), std::get<clinic::AuditFilter>(filter));
  if (!rows) return clinic_error(rows.error());
  Json out = Json::array();
  for (const auto& e : *rows) out.push_back(audit_json(e));
  return json_response(200, Json{{"entries", out}}.dump());
}

Response clinic_audit_csv(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  auto filter = audit_filter(call.request);
  if (auto* bad = std::get_if<Response>(&filter)) return *bad;
  auto csv = usecases::clinic::export_audit_csv(s.clinic, caller_of(call), std::get<clinic::AuditFilter>(filter));
  if (!csv) return clinic_error(csv.error());
  Response reply;
  reply.content_type = "text/csv; charset=utf-8";
  reply.body = std::move(csv).value();
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"kneecoach-audit.csv\"");
  return reply;
}

}  // namespace kc::http
