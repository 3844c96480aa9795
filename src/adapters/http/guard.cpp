#include "adapters/http/guard.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace kc::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The single value of header `name`; nullopt when absent, `repeated` set when sent twice.
std::optional<std::string> single(const Request& r, std::string_view name, bool& repeated) {
  const auto values = r.header_values(name);
  repeated = values.size() > 1;
  if (values.size() != 1) return std::nullopt;
  return values.front();
}

bool is_write(const Request& r) { return r.method != "GET" && r.method != "HEAD"; }

// "[::1]" for "::1", the name unchanged otherwise.
std::string bracketed(const std::string& host) {
  return host.find(':') != std::string::npos && host.front() != '[' ? "[" + host + "]" : host;
}

Response forbidden(const std::string& code, const std::string& message) { return error_response(403, code, message); }

}  // namespace

bool InstallSecretCheck::valid(std::string_view token) const {
  return token.size() == secret_.size() && !secret_.empty() &&
         sodium_memcmp(token.data(), secret_.data(), secret_.size()) == 0;
}

Guard::Guard(GuardConfig config, const CredentialCheck& credentials)
    : config_(std::move(config)), credentials_(credentials) {
  std::vector<std::string> names{"127.0.0.1", "localhost", "[::1]"};
  for (const auto& n : config_.host_names) {
    if (n.empty() || n == "0.0.0.0" || n == "::" || n == "[::]") continue;
    names.push_back(lower(bracketed(n)));
  }
  for (const auto& n : names) {
    const std::string with_port = fmt::format("{}:{}", n, config_.port);
    if (std::find(hosts_.begin(), hosts_.end(), with_port) == hosts_.end()) hosts_.push_back(with_port);
    // Browsers leave out the default port.
    if (config_.port == 80 && std::find(hosts_.begin(), hosts_.end(), n) == hosts_.end()) hosts_.push_back(n);
  }
}

std::optional<Response> Guard::check_host(const Request& request) const {
  bool repeated = false;
  const auto host = single(request, "host", repeated);
  if (!host) {
    return error_response(421, "bad_host",
                          repeated ? "the request has more than one Host header; send exactly one"
                                   : "the request has no Host header; send Host: 127.0.0.1:PORT");
  }
  const std::string h = lower(trim(*host));
  if (std::find(hosts_.begin(), hosts_.end(), h) != hosts_.end()) return std::nullopt;
  std::string list;
  for (const auto& a : hosts_) list += (list.empty() ? "" : ", ") + a;
  return error_response(421, "bad_host",
                        fmt::format("this server does not answer for Host \"{}\"; it answers for {} (start it with "
                                    "--allow-host NAME to add a name)",
                                    h.substr(0, 80), list));
}

std::optional<Response> Guard::check_origin(const Request& request) const {
  bool origin_twice = false;
  bool host_twice = false;
  const auto origin = single(request, "origin", origin_twice);
  const auto host = single(request, "host", host_twice);
  if (origin_twice || host_twice)
    return forbidden("cross_origin", "the request repeats Origin or Host; send each at most once");
  const char* scheme = config_.tls ? "https://" : "http://";
  if (origin && (!host || lower(trim(*origin)) != scheme + lower(trim(*host)))) {
    return forbidden("cross_origin",
                     fmt::format("requests from the page at {} are refused; only the app's own pages may use the API",
                                 origin->substr(0, 80)));
  }
  bool site_twice = false;
  const auto site = single(request, "sec-fetch-site", site_twice);
  if (site_twice) return forbidden("cross_origin", "the request repeats Sec-Fetch-Site; send it at most once");
  if (site) {
    const std::string s = lower(trim(*site));
    const bool ok = s == "same-origin" || (s == "none" && !is_write(request));
    if (!ok) {
      return forbidden("cross_origin",
                       fmt::format("a request from another site (Sec-Fetch-Site: {}) is refused; only the app's own "
                                   "pages may use the API",
                                   s.substr(0, 20)));
    }
  }
  return std::nullopt;
}

std::optional<std::string> Guard::credential(const Request& request) const {
  std::optional<std::string> token;
  for (const auto& h : request.header_values("cookie")) {
    auto v = cookie_value(h, config_.cookie_name);
    if (v && token) return std::nullopt;
    if (v) token = std::move(v);
  }
  return token;
}

std::optional<Response> Guard::check_credential(const Request& request, const CredentialCheck& credentials) const {
  const auto headers = request.header_values("cookie");
  std::optional<std::string> token;
  for (const auto& h : headers) {
    auto v = cookie_value(h, config_.cookie_name);
    if (v && token) return forbidden("no_credential", "the session cookie is sent more than once");
    if (v) token = std::move(v);
  }
  if (token && credentials.valid(*token)) return std::nullopt;
  return forbidden("no_credential", config_.credential_hint);
}

std::optional<Response> Guard::check_api(const Request& request) const { return check_api(request, credentials_); }

std::optional<Response> Guard::check_api(const Request& request, const CredentialCheck& credentials) const {
  if (auto refused = check_origin(request)) return refused;
  if (auto refused = check_credential(request, credentials)) return refused;
  return check_media(request);
}

std::optional<Response> Guard::check_api_anonymous(const Request& request) const {
  if (auto refused = check_origin(request)) return refused;
  return check_media(request);
}

std::optional<Response> Guard::check_media(const Request& request) {
  if (is_write(request) && !is_json_media_type(request.content_type)) {
    return error_response(415, "bad_media_type",
                          fmt::format("the body must be JSON sent with Content-Type: application/json (got \"{}\")",
                                      request.content_type.substr(0, 80)));
  }
  return std::nullopt;
}

std::optional<Response> Guard::check_socket(const Request& request) const {
  return check_socket(request, credentials_);
}

std::optional<Response> Guard::check_socket(const Request& request, const CredentialCheck& credentials) const {
  bool repeated = false;
  const auto origin = single(request, "origin", repeated);
  if (!origin && !repeated) return forbidden("cross_origin", "a WebSocket handshake must send Origin");
  if (auto refused = check_origin(request)) return refused;
  return check_credential(request, credentials);
}

std::string Guard::cookie(const std::string& token) const {
  return fmt::format("{}={}; Path=/; HttpOnly; {}SameSite=Strict", config_.cookie_name, token,
                     config_.secure_cookie ? "Secure; " : "");
}

std::string Guard::expired_cookie() const {
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; {}SameSite=Strict", config_.cookie_name,
                     config_.secure_cookie ? "Secure; " : "");
}

const char* Guard::content_security_policy() {
  return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
         "media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'";
}

const char* Guard::worker_security_policy() {
  return "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
         "frame-ancestors 'none'";
}

void Guard::add_security_headers(Response& response) {
  const bool html = response.content_type.rfind("text/html", 0) == 0;
  const bool pdf = response.content_type.rfind("application/pdf", 0) == 0;
  const bool script = response.content_type.rfind("text/javascript", 0) == 0;
  const char* csp = html     ? content_security_policy()
                    : pdf    ? "frame-ancestors 'none'"
                    : script ? worker_security_policy()
                             : "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
  auto& h = response.headers;
  h.emplace_back("Content-Security-Policy", csp);
  h.emplace_back("X-Frame-Options", "DENY");
  h.emplace_back("X-Content-Type-Options", "nosniff");
  h.emplace_back("Referrer-Policy", "no-referrer");
  h.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  h.emplace_back("Cross-Origin-Resource-Policy", "same-origin");
  const bool cached = std::any_of(h.begin(), h.end(), [](const auto& f) { return lower(f.first) == "cache-control"; });
  if (!cached) h.emplace_back("Cache-Control", "no-store");
}

bool is_json_media_type(std::string_view value) {
  const std::string_view type = trim(value.substr(0, value.find(';')));
  return lower(type) == "application/json";
}

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
  std::optional<std::string> found;
  while (!header.empty()) {
    const std::size_t end = std::min(header.find(';'), header.size());
    const std::string_view pair = trim(header.substr(0, end));
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) {
      if (found) return std::nullopt;
      found = std::string(trim(pair.substr(eq + 1)));
    }
    header.remove_prefix(std::min(end + 1, header.size()));
  }
  return found;
}

}  // namespace kc::http
