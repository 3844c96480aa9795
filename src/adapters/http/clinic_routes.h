// Inside the clinic API: its shared state and its handlers, one per route of
// /api/v1/clinic/ (api/openapi.yaml). Each calls one use case of usecases/clinic/ and renders
// it; none decides who may do what (the use cases call usecases::clinic::authorize).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "adapters/http/clinic_api.h"
#include "adapters/http/guard.h"
#include "core/catalog/catalog.h"
#include "core/triage/sign_names.h"
#include "usecases/clinic/clinic.h"

namespace kc::http {

struct ClinicState {
  usecases::clinic::Clinic clinic;
  const Guard& guard;                // the session cookie's Set-Cookie values
  const Catalog* catalog = nullptr;  // the exercises (ClinicApi::use_catalog), for program editing
  SignNames sign_names{};            // the warning signs' short names (ClinicApi::use_sign_names), for flags
};

using ClinicHandler = Response (*)(ClinicState&, const ClinicCall&, const std::string& id);

// The caller of a use case: the signed-in actor (handlers of signed-in routes only) and address.
usecases::clinic::Caller caller_of(const ClinicCall& call);

// The reply for a clinic use case's error: unauthorised 401, forbidden 403, throttled 429 (with
// Retry-After), expired 410, then error_reply's (400, 404, 409, 500).
Response clinic_error(const Error& error);

// The reply refusing a person's records: the same 404 whether the person does not exist or is
// not the caller's to see, so ids cannot be probed.
Response no_person(const std::string& id);

// {"id", "username", "role", "person"} of a signed-in actor; person is the API id or null.
nlohmann::json actor_json(ClinicState& s, const clinic::Actor& actor);
// The API id of a stored person, or "" when there is none.
std::string person_name(ClinicState& s, std::optional<store::PersonId> person);

// The JSON body of a POST as an object; a 400 reply when it is not one.
std::optional<Response> json_body(const Request& r, nlohmann::json& out);
// A string field of `body`; "" when absent or not a string.
std::string text_field(const nlohmann::json& body, const char* name);

// Signing in and out, the caller's account, TOTP, invites accepted (clinic_routes_account.cpp).
Response clinic_login(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_accept_invite(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_logout(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_me(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_totp_enable(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_totp_confirm(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_totp_disable(ClinicState& s, const ClinicCall& call, const std::string& id);

// The caseload by attention, flags seen, clinicians' notes (clinic_routes_attention.cpp).
Response clinic_caseload(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_flag_seen(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_notes(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_add_note(ClinicState& s, const ClinicCall& call, const std::string& id);

// Clinicians and admins (clinic_routes_staff.cpp).
Response clinic_notifications(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_invite(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_accounts(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_add_clinician(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_disable(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_audit(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_audit_csv(ClinicState& s, const ClinicCall& call, const std::string& id);

// One patient's data rights (clinic_routes_patient.cpp).
Response clinic_access_log(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_export(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_delete(ClinicState& s, const ClinicCall& call, const std::string& id);

// A clinician's program editing (clinic_routes_program.cpp).
Response clinic_program(ClinicState& s, const ClinicCall& call, const std::string& id);
Response clinic_program_change(ClinicState& s, const ClinicCall& call, const std::string& id);

}  // namespace kc::http
