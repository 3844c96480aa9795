// `kneecoach clinic serve`: the clinic server (README "Clinic server", docs/deploy.md). The same
// front door as the personal server (Guard, limits, the API routes), with login sessions as
// the credential, the clinic routes (clinic_api.h), every route that names a person behind
// the one authorize-and-audit use case, several request threads, and TLS.
#pragma once

#include <iosfwd>
#include <string>

#include "adapters/http/http_types.h"
#include "usecases/ports.h"

namespace kc::http {

// Whether `host` is a loopback address or name (127.0.0.0/8, ::1, localhost): the only
// addresses the clinic server listens on without TLS.
bool is_loopback(const std::string& host);

// The client's address for the audit trail and sign-in throttling: the socket `peer`; only when
// the peer is `trusted_proxy` (a reverse proxy; empty: none) the last address in its
// X-Forwarded-For (the one that proxy appended). Anyone else's X-Forwarded-For is ignored.
std::string client_address(const std::string& peer, const Request& request, const std::string& trusted_proxy);

// Opens the clinic (ports.open_clinic) and the content, binds host:port (TLS when a certificate
// and key are given), prints the URL to `out` and serves on request.threads threads until
// SIGINT or SIGTERM. Returns 0 after a clean stop; 2 for refused options (a non-loopback
// address without TLS, half a TLS pair, an unreadable certificate or key); 1 when the database,
// the content or the address cannot be opened (the reason on `err`).
int serve_clinic(const usecases::ClinicServeRequest& request, const usecases::Ports& ports, std::ostream& out,
                 std::ostream& err);

}  // namespace kc::http
