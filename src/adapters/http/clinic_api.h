// The clinic server's own routes under /api/v1/clinic/ (api/openapi.yaml), and the two hooks
// the server's front door uses: who a session cookie belongs to, and the Gate that puts every
// existing /api/v1/people/{id}/... route behind usecases::clinic::authorize (the policy and the
// audit row, in one call). The handlers are thin: parse, call a use case, render.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/http/api.h"
#include "adapters/http/guard.h"
#include "adapters/http/http_types.h"
#include "core/clinic/policy.h"
#include "core/common/clock.h"
#include "core/triage/sign_names.h"
#include "core/triage/triage.h"
#include "usecases/ports.h"

namespace kc::http {

struct ClinicState;

// One request as the clinic sees it: who asks (nullopt before sign-in), with which session
// token, from where.
struct ClinicCall {
  const Request& request;
  std::optional<clinic::Actor> actor;
  std::string token;    // the session cookie's value ("" when none)
  std::string address;  // client_address()
};

class ClinicApi {
 public:
  // `backend` and `clock` must outlive the ClinicApi; `cookie` makes the Set-Cookie values.
  ClinicApi(usecases::ClinicBackend& backend, const Clock& clock, const Guard& cookie);
  ~ClinicApi();
  ClinicApi(const ClinicApi&) = delete;
  ClinicApi& operator=(const ClinicApi&) = delete;

  // The exercises program editing checks changes against (the Api's: Api::catalog); must
  // outlive the ClinicApi. Until it is given, program editing answers 500.
  void use_catalog(const Catalog& catalog);
  // The warning signs' short names the caseload's flags use (content/triage/signs.yaml). Until
  // they are given, a flag names a sign by its field's words.
  void use_sign_names(SignNames names);

  // Seals the TOTP secrets still stored in clear (from before they were sealed) under the key
  // file's key; the server runs it once at start. How many it sealed, or the store's error.
  Result<int> seal_plain_secrets();

  // Whether `request` is a clinic route answered without a session (sign-in, invite acceptance).
  static bool anonymous(const Request& request);
  // Whether `request` is a clinic route (/api/v1/clinic/...).
  static bool owns(const Request& request);

  // The actor signed in with `token` now (the session's last use moves to now), or nullopt for
  // an unknown, revoked or expired session, or a disabled account.
  std::optional<clinic::Actor> authenticate(std::string_view token) const;

  // Answers a clinic route; never throws.
  Response handle(const ClinicCall& call) const;

  // ApiConfig::triaged: a red flag at intake or a check-in notifies the patient's clinicians.
  std::function<void(const std::string& person, const TriageResult& triage, std::string_view where)> triage_hook()
      const;

  // Whether `actor` (from `address`) may open the camera coach's socket `request`
  // (/api/v1/analyze?exercise=ID&person=ID): a patient for their own record only, through the
  // access policy (live_camera), audited either way. nullopt admits; else the reply: 400 no
  // person named, 404 another's or an unknown id (as every refused record), 401/500 as clinic
  // errors.
  std::optional<Response> admit_camera(const clinic::Actor& actor, const std::string& address,
                                       const Request& request) const;

  // The Gate for one request of `actor` from `address` to the existing API routes.
  std::unique_ptr<Gate> gate(const clinic::Actor& actor, const std::string& address) const;

 private:
  std::unique_ptr<ClinicState> state_;
};

}  // namespace kc::http
