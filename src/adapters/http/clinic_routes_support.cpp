// What the clinic's handlers share: callers, error replies, JSON bodies, accounts as JSON.
#include <fmt/format.h>

#include "adapters/http/body_check.h"
#include "adapters/http/clinic_routes.h"

namespace kc::http {

usecases::clinic::Caller caller_of(const ClinicCall& call) {
  return usecases::clinic::Caller{call.actor.value_or(clinic::Actor{}), call.address};
}

Response clinic_error(const Error& error) {
  if (error.code == errc::kUnauthorised) return error_response(401, "unauthorised", error.message, error.field);
  if (error.code == errc::kForbidden) return error_response(403, "forbidden", error.message, error.field);
  if (error.code == errc::kExpired) return error_response(410, "expired", error.message, error.field);
  if (error.code == errc::kThrottled) {
    Response r = error_response(429, "throttled", error.message, error.field);
    r.headers.emplace_back("Retry-After", "900");
    return r;
  }
  if (error.code == errc::kOutOfRange || error.code == errc::kInvalid) {
    return error_response(400, error.code, error.message, error.field);
  }
  return error_reply(error);
}

Response no_person(const std::string& id) {
  return error_response(404, "not_found", fmt::format("no person \"{}\"", id.substr(0, 80)));
}

std::string person_name(ClinicState& s, std::optional<store::PersonId> person) {
  if (!person) return "";
  auto found = s.clinic.records.find_person_by_id(*person);
  if (!found || !*found) return "";
  return (*found)->name;
}

nlohmann::json actor_json(ClinicState& s, const clinic::Actor& actor) {
  nlohmann::json j;
  j["id"] = actor.account;
  j["username"] = actor.username;
  j["role"] = std::string(clinic::role_name(actor.role));
  const std::string person = person_name(s, actor.person);
  j["person"] = person.empty() ? nlohmann::json(nullptr) : nlohmann::json(person);
  return j;
}

std::optional<Response> json_body(const Request& r, nlohmann::json& out) {
  out = nlohmann::json::parse(r.body, nullptr, false);
  if (out.is_discarded() || !out.is_object()) {
    return error_response(400, "bad_json", "the body must be a JSON object, e.g. {\"username\": \"...\"}");
  }
  return std::nullopt;
}

std::string text_field(const nlohmann::json& body, const char* name) {
  const auto it = body.find(name);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace kc::http
