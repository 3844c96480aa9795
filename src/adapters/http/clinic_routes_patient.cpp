// One patient's data rights, for the patient (and, as the policy allows, their clinicians or
// an admin): who looked at the record, the whole record as JSON, and its deletion.
#include <fmt/format.h>

#include "adapters/http/clinic_routes.h"
#include "core/store/codec.h"
#include "usecases/clinic/audit_log.h"
#include "usecases/clinic/data_rights.h"

namespace kc::http {
namespace {

using Json = nlohmann::json;

// The stored person with API id `id`, or nullopt (then the reply is no_person(id), as for a
// person the caller may not see: the use case's refusal is the same reply).
std::optional<store::PersonId> find_person(ClinicState& s, const std::string& id) {
  auto found = s.clinic.records.find_person(id);
  if (!found || !*found) return std::nullopt;
  return (*found)->id;
}

Response refused_or(const Error& e, const std::string& id) {
  return e.code == errc::kForbidden || e.code == errc::kNotFound ? no_person(id) : clinic_error(e);
}

}  // namespace

Response clinic_access_log(ClinicState& s, const ClinicCall& call, const std::string& id) {
  const auto person = find_person(s, id);
  // An unknown person is still asked about, so the refusal is audited like any other.
  auto rows = usecases::clinic::who_looked(s.clinic, caller_of(call), person.value_or(0), 1000);
  if (!rows) return refused_or(rows.error(), id);
  if (!person) return no_person(id);
  Json out = Json::array();
  for (const auto& a : *rows) {
    out.push_back(Json{{"at", store::format_instant(a.at)},
                       {"who", a.who},
                       {"role", a.role},
                       {"action", a.action},
                       {"outcome", a.outcome}});
  }
  return json_response(200, Json{{"accesses", out}}.dump());
}

Response clinic_export(ClinicState& s, const ClinicCall& call, const std::string& id) {
  const auto person = find_person(s, id);
  auto doc = usecases::clinic::export_patient(s.clinic, caller_of(call), person.value_or(0));
  if (!doc) return refused_or(doc.error(), id);
  if (!person) return no_person(id);
  Response reply = json_response(200, std::move(doc).value());
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"kneecoach-record.json\"");
  return reply;
}

Response clinic_delete(ClinicState& s, const ClinicCall& call, const std::string& id) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  if (text_field(body, "confirm") != id) {
    return error_response(400, "missing_field",
                          "confirm: to delete the whole record for good, send {\"confirm\": \"<the person's id>\"}",
                          "confirm");
  }
  const auto person = find_person(s, id);
  const Status done = usecases::clinic::delete_patient_data(s.clinic, caller_of(call), person.value_or(0));
  if (!done) return refused_or(done.error(), id);
  if (!person) return no_person(id);
  Response reply = json_response(200, Json{{"deleted", id}}.dump());
  // The patient's own account is gone with the record: their cookie is no use any more.
  if (call.actor && call.actor->role == clinic::Role::kPatient)
    reply.headers.emplace_back("Set-Cookie", s.guard.expired_cookie());
  return reply;
}

}  // namespace kc::http
