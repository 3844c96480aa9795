// Signing in and out, the caller's own account, TOTP enrolment, and accepting an invite.
#include <fmt/format.h>

#include "adapters/http/clinic_routes.h"
#include "core/clinic/records.h"
#include "usecases/clinic/accounts.h"
#include "usecases/clinic/invites.h"
#include "usecases/clinic/sign_in.h"

namespace kc::http {
namespace {

using Json = nlohmann::json;

// The reply of a sign-in: who is signed in, and the session cookie.
Response signed_in(ClinicState& s, const usecases::clinic::SignedIn& in) {
  Json j;
  j["account"] = actor_json(s, in.actor);
  Response reply = json_response(200, j.dump());
  reply.headers.emplace_back("Set-Cookie", s.guard.cookie(in.token));
  return reply;
}

}  // namespace

Response clinic_login(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  usecases::clinic::SignInRequest request{text_field(body, "username"), text_field(body, "password"),
                                          text_field(body, "totp"), call.address};
  auto in = usecases::clinic::sign_in(s.clinic, request);
  if (!in) return clinic_error(in.error());
  return signed_in(s, *in);
}

Response clinic_accept_invite(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  usecases::clinic::AcceptInvite request{text_field(body, "token"), text_field(body, "username"),
                                         text_field(body, "code"), text_field(body, "password"), call.address};
  auto in = usecases::clinic::accept_invite(s.clinic, request);
  if (!in) return clinic_error(in.error());
  return signed_in(s, *in);
}

Response clinic_logout(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  const Status done = usecases::clinic::sign_out(s.clinic, call.token, call.address);
  if (!done) return clinic_error(done.error());
  Response reply = json_response(200, R"({"signed_out":true})");
  reply.headers.emplace_back("Set-Cookie", s.guard.expired_cookie());
  return reply;
}

Response clinic_me(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  auto own = usecases::clinic::own_account(s.clinic, caller_of(call));
  if (!own) return clinic_error(own.error());
  Json j;
  j["account"] = actor_json(s, *call.actor);
  j["account"]["totp_enabled"] = own->totp_enabled;
  return json_response(200, j.dump());
}

Response clinic_totp_enable(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  auto enrolment = usecases::clinic::begin_totp(s.clinic, caller_of(call));
  if (!enrolment) return clinic_error(enrolment.error());
  return json_response(200, Json{{"secret", enrolment->secret}, {"uri", enrolment->uri}}.dump());
}

Response clinic_totp_confirm(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  const Status done = usecases::clinic::confirm_totp(s.clinic, caller_of(call), text_field(body, "code"));
  if (!done) return clinic_error(done.error());
  return json_response(200, R"({"totp_enabled":true})");
}

Response clinic_totp_disable(ClinicState& s, const ClinicCall& call, const std::string& /*id*/) {
  Json body;
  if (auto bad = json_body(call.request, body)) return *bad;
  const usecases::clinic::DisableTotp proof{text_field(body, "code"), text_field(body, "password")};
  const Status done = usecases::clinic::disable_totp(s.clinic, caller_of(call), proof);
  if (!done) return clinic_error(done.error());
  return json_response(200, R"({"totp_enabled":false})");
}

}  // namespace kc::http
