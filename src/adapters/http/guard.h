// The server's front door (docs/security.md), independent of the HTTP library: which requests
// may reach the API at all. Every request passes the Host allow-list (DNS rebinding); API
// requests must come from the app's own origin (Origin, Sec-Fetch-Site), carry a credential
// in a cookie, and state-changing ones must send exactly application/json. It also adds the
// security headers to every reply. The local app's credential is the per-install secret; the
// clinic server plugs its login sessions in as another CredentialCheck.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.h"

namespace kc::http {

// Whether a credential (the cookie's value) admits its bearer.
class CredentialCheck {
 public:
  virtual ~CredentialCheck() = default;
  // True when `token` is valid now; compares in constant time.
  virtual bool valid(std::string_view token) const = 0;
};

// The local app's credential: one secret per install (tokens.h), handed to the page the
// server serves as an HttpOnly SameSite=Strict cookie.
class InstallSecretCheck : public CredentialCheck {
 public:
  explicit InstallSecretCheck(std::string secret) : secret_(std::move(secret)) {}
  bool valid(std::string_view token) const override;
  const std::string& secret() const { return secret_; }

 private:
  std::string secret_;
};

struct GuardConfig {
  int port = 0;
  std::vector<std::string> host_names;  // besides 127.0.0.1, localhost and [::1]: --host, --allow-host
  std::string cookie_name = "kneecoach_session";
  bool tls = false;            // the clinic server over TLS: Origin must be https://HOST
  bool secure_cookie = false;  // the cookie gains Secure (the clinic server, even on loopback)
  // What a request without a valid cookie is told (403 no_credential).
  std::string credential_hint =
      "no valid session: open the app's address in the browser first (the page sets the session cookie), then try "
      "again";
};

class Guard {
 public:
  // `credentials` must outlive the guard.
  Guard(GuardConfig config, const CredentialCheck& credentials);

  // The allowed Host values ("localhost:8080", lower case), in the order they are checked.
  const std::vector<std::string>& allowed_hosts() const { return hosts_; }

  // A refusal for any request whose Host is missing, repeated or not allowed (421).
  std::optional<Response> check_host(const Request& request) const;
  // A refusal for an API request: another origin or site (403 cross_origin), no valid
  // credential (403 no_credential), or a write whose body is not application/json (415).
  std::optional<Response> check_api(const Request& request) const;
  // The same with another credential check (the clinic server's, made for one request).
  std::optional<Response> check_api(const Request& request, const CredentialCheck& credentials) const;
  // The same without a credential: for the requests that create one (clinic sign-in).
  std::optional<Response> check_api_anonymous(const Request& request) const;
  // The same as check_api for a WebSocket handshake (which has no body).
  std::optional<Response> check_socket(const Request& request) const;
  // The same with `credentials` deciding the credential (the clinic's login sessions).
  std::optional<Response> check_socket(const Request& request, const CredentialCheck& credentials) const;

  // The Set-Cookie value that hands `token` to the page.
  std::string cookie(const std::string& token) const;
  // The Set-Cookie value that removes the cookie (sign-out).
  std::string expired_cookie() const;
  // The cookie's value in `request`; nullopt when absent or sent twice.
  std::optional<std::string> credential(const Request& request) const;

  // Adds the security headers every reply carries (CSP, framing, nosniff, referrer), and
  // Cache-Control: no-store unless the reply already says how to cache it.
  static void add_security_headers(Response& response);

  // The Content-Security-Policy of the app: our own scripts, plus the WebAssembly compilation
  // MediaPipe needs; no framing, no plugins, no foreign connections.
  static const char* content_security_policy();

  // The policy of a script reply. Only a worker obeys it (a page's scripts run under the page's
  // policy): the service worker (web/public/sw.js) fetches and caches our own files and API, so it
  // may connect to 'self' and nothing else.
  static const char* worker_security_policy();

 private:
  std::optional<Response> check_origin(const Request& request) const;
  static std::optional<Response> check_media(const Request& request);
  std::optional<Response> check_credential(const Request& request, const CredentialCheck& credentials) const;

  GuardConfig config_;
  const CredentialCheck& credentials_;
  std::vector<std::string> hosts_;
};

// Whether `value` is the media type application/json (any case, optional parameters such as
// "; charset=utf-8"); false for anything else, including application/json inside a parameter.
bool is_json_media_type(std::string_view value);

// The value of cookie `name` in a Cookie header ("a=1; b=2"); nullopt when absent or repeated.
std::optional<std::string> cookie_value(std::string_view header, std::string_view name);

}  // namespace kc::http
