#include "adapters/http/clinic_api.h"

#include <fmt/format.h>

#include <array>

#include "adapters/http/clinic_routes.h"
#include "usecases/clinic/authorize.h"
#include "usecases/clinic/caseload.h"
#include "usecases/clinic/sign_in.h"
#include "usecases/clinic/two_factor.h"

namespace kc::http {
namespace {

using clinic::Action;

struct ClinicRoute {
  const char* method;
  const char* pattern;  // "{id}" matches one path segment
  ClinicHandler handler;
  bool anonymous;  // answered without a session
};

const std::array<ClinicRoute, 23> kClinicRoutes{{
    {"POST", "/api/v1/clinic/login", clinic_login, true},
    {"POST", "/api/v1/clinic/invites/accept", clinic_accept_invite, true},
    {"POST", "/api/v1/clinic/logout", clinic_logout, false},
    {"GET", "/api/v1/clinic/me", clinic_me, false},
    {"POST", "/api/v1/clinic/totp/enable", clinic_totp_enable, false},
    {"POST", "/api/v1/clinic/totp/confirm", clinic_totp_confirm, false},
    {"POST", "/api/v1/clinic/totp/disable", clinic_totp_disable, false},
    {"GET", "/api/v1/clinic/caseload", clinic_caseload, false},
    {"GET", "/api/v1/clinic/notifications", clinic_notifications, false},
    {"POST", "/api/v1/clinic/invites", clinic_invite, false},
    {"GET", "/api/v1/clinic/accounts", clinic_accounts, false},
    {"POST", "/api/v1/clinic/accounts", clinic_add_clinician, false},
    {"POST", "/api/v1/clinic/accounts/{id}/disable", clinic_disable, false},
    {"GET", "/api/v1/clinic/audit", clinic_audit, false},
    {"GET", "/api/v1/clinic/audit.csv", clinic_audit_csv, false},
    {"GET", "/api/v1/clinic/people/{id}/access-log", clinic_access_log, false},
    {"GET", "/api/v1/clinic/people/{id}/export", clinic_export, false},
    {"POST", "/api/v1/clinic/people/{id}/delete", clinic_delete, false},
    {"GET", "/api/v1/clinic/people/{id}/program", clinic_program, false},
    {"POST", "/api/v1/clinic/people/{id}/program/changes", clinic_program_change, false},
    {"POST", "/api/v1/clinic/people/{id}/flags/seen", clinic_flag_seen, false},
    {"GET", "/api/v1/clinic/people/{id}/notes", clinic_notes, false},
    {"POST", "/api/v1/clinic/people/{id}/notes", clinic_add_note, false},
}};

// Whether `path` matches `pattern` ({id}: one segment of 1-128 characters without '/'); the
// segment goes to `id`.
bool matches(std::string_view path, std::string_view pattern, std::string& id) {
  const auto slot = pattern.find("{id}");
  if (slot == std::string_view::npos) return path == pattern;
  const auto head = pattern.substr(0, slot);
  const auto tail = pattern.substr(slot + 4);
  if (path.size() <= head.size() + tail.size() || !path.starts_with(head) || !path.ends_with(tail)) return false;
  const auto segment = path.substr(head.size(), path.size() - head.size() - tail.size());
  if (segment.size() > 128 || segment.find('/') != std::string_view::npos) return false;
  id = std::string(segment);
  return true;
}

const ClinicRoute* find_route(const Request& request, std::string& id, std::string& allow) {
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  for (const auto& r : kClinicRoutes) {
    std::string found;
    if (!matches(request.path, r.pattern, found)) continue;
    if (method == r.method) {
      id = found;
      return &r;
    }
    allow += (allow.empty() ? "" : ", ") + std::string(r.method);
  }
  return nullptr;
}

// Audits every route of the personal API that names a person, before its handler (Api's Gate).
class ClinicGate final : public Gate {
 public:
  ClinicGate(ClinicState& state, usecases::clinic::Caller caller) : state_(state), caller_(std::move(caller)) {}

  std::optional<Response> admit(const RouteAccess& route, const std::string& person) const override {
    if (route.access == Access::kNone) return std::nullopt;  // no one's records: any signed-in account
    const Action action = route.access == Access::kRead ? Action::kReadRecord : Action::kWriteRecord;
    if (person.empty()) return no_person(person);
    auto allowed = usecases::clinic::authorize_person(state_.clinic, caller_, action, person, route.action);
    if (allowed) return std::nullopt;
    if (allowed.error().code == errc::kForbidden) return no_person(person);
    return clinic_error(allowed.error());
  }

  std::string person_to_create() const override {
    if (caller_.actor.role != clinic::Role::kPatient) return "";
    return person_name(state_, caller_.actor.person);
  }

 private:
  ClinicState& state_;
  usecases::clinic::Caller caller_;
};

}  // namespace

ClinicApi::ClinicApi(usecases::ClinicBackend& backend, const Clock& clock, const Guard& cookie)
    : state_(new ClinicState{usecases::clinic::Clinic{*backend.clinic,
                                                      *backend.store,
                                                      clock,
                                                      *backend.hasher,
                                                      *backend.tokens,
                                                      *backend.totp,
                                                      *backend.secrets,
                                                      {}},
                             cookie}) {}
ClinicApi::~ClinicApi() = default;

Result<int> ClinicApi::seal_plain_secrets() { return usecases::clinic::seal_plain_totp_secrets(state_->clinic); }

void ClinicApi::use_catalog(const Catalog& catalog) { state_->catalog = &catalog; }

void ClinicApi::use_sign_names(SignNames names) { state_->sign_names = std::move(names); }

bool ClinicApi::owns(const Request& request) { return request.path.starts_with("/api/v1/clinic/"); }

bool ClinicApi::anonymous(const Request& request) {
  std::string id;
  std::string allow;
  const ClinicRoute* r = find_route(request, id, allow);
  return r != nullptr && r->anonymous;
}

std::optional<clinic::Actor> ClinicApi::authenticate(std::string_view token) const {
  auto actor = usecases::clinic::authenticate(state_->clinic, std::string(token));
  if (!actor) return std::nullopt;
  return std::move(actor).value();
}

Response ClinicApi::handle(const ClinicCall& call) const {
  try {
    std::string id;
    std::string allow;
    const ClinicRoute* r = find_route(call.request, id, allow);
    if (r != nullptr) return r->handler(*state_, call, id);
    if (!allow.empty()) {
      Response refused =
          error_response(405, "method_not_allowed",
                         fmt::format("{} is not allowed on {}; allowed: {}", call.request.method.substr(0, 16),
                                     call.request.path.substr(0, 200), allow));
      refused.headers.emplace_back("Allow", allow);
      return refused;
    }
    return error_response(404, "not_found", fmt::format("no such route: {}", call.request.path.substr(0, 200)));
  } catch (const std::exception& e) {
    return error_response(500, "internal", e.what());
  }
}

std::optional<Response> ClinicApi::admit_camera(const clinic::Actor& actor, const std::string& address,
                                                const Request& request) const {
  const auto person = request.query.find("person");
  if (person == request.query.end() || person->second.empty()) {
    return error_response(400, "bad_query",
                          "whose session? expected /api/v1/analyze?exercise=ID&person=ID, your own person id",
                          "person");
  }
  const auto exercise = request.query.find("exercise");
  const std::string detail =
      "camera analysis: " + (exercise == request.query.end() ? "" : exercise->second.substr(0, 64));
  auto allowed = usecases::clinic::authorize_person(state_->clinic, usecases::clinic::Caller{actor, address},
                                                    Action::kLiveCamera, person->second, detail);
  if (allowed) return std::nullopt;
  if (allowed.error().code == errc::kForbidden) return no_person(person->second);
  return clinic_error(allowed.error());
}

std::unique_ptr<Gate> ClinicApi::gate(const clinic::Actor& actor, const std::string& address) const {
  return std::make_unique<ClinicGate>(*state_, usecases::clinic::Caller{actor, address});
}

std::function<void(const std::string&, const TriageResult&, std::string_view)> ClinicApi::triage_hook() const {
  ClinicState* s = state_.get();
  return [s](const std::string& person, const TriageResult& triage, std::string_view where) {
    auto found = s->clinic.records.find_person(person);
    if (found && *found) (void)usecases::clinic::notify_red_flag(s->clinic, (*found)->id, triage, where);
  };
}

}  // namespace kc::http
