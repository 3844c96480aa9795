#include "adapters/http/clinic_server.h"

#include <fmt/format.h>

#include <csignal>
#include <ostream>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>
#include <thread>

#include "adapters/http/analyze_socket.h"
#include "adapters/http/api.h"
#include "adapters/http/clinic_api.h"
#include "adapters/http/guard.h"
#include "adapters/http/limits.h"
#include "adapters/http/server_io.h"
#include "adapters/http/static_files.h"

namespace kc::http {
namespace {

// Request handlers run on a pool of threads (one strand per connection), over TCP or TLS, with
// the personal server's parser limits (limits.h): ClinicTraits and ClinicTlsTraits
// (analyze_socket.h, which serves the camera coach's socket on them too).

// The credential of one request: a login session; remembers whose it is.
class SessionCredential final : public CredentialCheck {
 public:
  explicit SessionCredential(const ClinicApi& clinic) : clinic_(clinic) {}
  bool valid(std::string_view token) const override {
    actor_ = clinic_.authenticate(token);
    return actor_.has_value();
  }
  const std::optional<clinic::Actor>& actor() const { return actor_; }

 private:
  const ClinicApi& clinic_;
  mutable std::optional<clinic::Actor> actor_;
};

// The clinic's guard needs a credential check for its own (socket) checks: none is valid.
class NoCredential final : public CredentialCheck {
 public:
  bool valid(std::string_view /*token*/) const override { return false; }
};

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// The reply to one request, through the guard (docs/security.md), then the clinic's own door;
// on a server with traits Traits.
template <typename Traits>
struct ClinicFront {
  const Guard& guard;
  Api& api;
  const ClinicApi& clinic;
  const StaticFiles& web;
  AnalyzeSockets& sockets;
  asio::io_context& io;
  const std::string& trusted_proxy;

  restinio::request_handling_status_t operator()(const restinio::request_handle_t& req) const {
    const Request r = to_request(*req);
    if (auto refused = guard.check_host(r)) return later(req, std::move(*refused));
    if (auto over = over_limit(*req)) return later(req, std::move(*over));
    if (!implemented_method(req->header().method())) return later(req, not_implemented(r.method));
    // The camera coach's socket: a signed-in patient's own session only (admit_camera).
    if (AnalyzeSockets::wants(*req)) return sockets.accept<Traits>(req, r);
    if (r.path == "/api" || r.path.rfind("/api/", 0) == 0) return later(req, api_reply(*req, r));
    return later(req, web.serve(r));
  }

  Response api_reply(const restinio::request_t& req, const Request& r) const {
    if (r.path == "/api/v1/health") return api.handle(r);
    ClinicCall call{r, std::nullopt, guard.credential(r).value_or(""),
                    client_address(peer_address(req), r, trusted_proxy)};
    if (ClinicApi::anonymous(r)) {
      if (auto refused = guard.check_api_anonymous(r)) return std::move(*refused);
      return clinic.handle(call);
    }
    const SessionCredential session(clinic);
    if (auto refused = guard.check_api(r, session)) return std::move(*refused);
    call.actor = session.actor();
    if (ClinicApi::owns(r)) return clinic.handle(call);
    const auto gate = clinic.gate(*call.actor, call.address);
    return api.handle(r, gate.get());
  }

  restinio::request_handling_status_t later(const restinio::request_handle_t& req, Response resp) const {
    return reply_later(io, req, std::move(resp));
  }
};

GuardConfig guard_config(const usecases::ClinicServeRequest& options) {
  GuardConfig config;
  config.port = options.port;
  config.host_names = options.allow_hosts;
  config.host_names.push_back(options.host);
  config.cookie_name = "kneecoach_clinic";
  // Browsers reach the clinic over https: its own TLS, or a TLS reverse proxy's.
  config.tls = !options.tls_cert.empty() || !options.trusted_proxy.empty();
  config.secure_cookie = true;
  config.credential_hint = "not signed in, or the session ended: sign in again (POST /api/v1/clinic/login)";
  return config;
}

// Runs the server with traits T on `threads` threads until SIGINT or SIGTERM, then closes the
// camera coach's sockets and the server.
template <typename T, typename Configure>
void run_pool(asio::io_context& io, int threads, const Configure& configure, const std::function<void()>& opened,
              AnalyzeSockets& sockets) {
  restinio::http_server_t<T> server{restinio::external_io_context(io), configure};
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const asio::error_code& ec, int /*signal*/) {
    if (ec) return;
    sockets.close_all();
    server.close_async([&io]() noexcept { io.stop(); }, [&io](const std::exception_ptr& /*e*/) noexcept { io.stop(); });
  });
  server.open_sync();
  opened();
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : pool) t.join();
}

// The TLS context: TLS 1.2 or newer, the certificate chain and key from PEM files. An error
// names the file and what is wrong with it.
Result<asio::ssl::context> tls_context(const usecases::ClinicServeRequest& options) {
  asio::ssl::context tls(asio::ssl::context::tls_server);
  tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                  asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                  asio::ssl::context::single_dh_use);
  asio::error_code ec;
  tls.use_certificate_chain_file(options.tls_cert, ec);
  if (ec) {
    return make_error(errc::kInvalid, "tls-cert",
                      fmt::format("--tls-cert {}: cannot read a PEM certificate chain ({}); give the path of the "
                                  "certificate file (PEM), e.g. made by your CA or `openssl req -x509`",
                                  options.tls_cert, ec.message()));
  }
  tls.use_private_key_file(options.tls_key, asio::ssl::context::pem, ec);
  if (ec) {
    return make_error(errc::kInvalid, "tls-key",
                      fmt::format("--tls-key {}: cannot read a PEM private key that matches the certificate ({}); "
                                  "give the key file made with the certificate",
                                  options.tls_key, ec.message()));
  }
  return tls;
}

// The options refused before anything is opened (exit 2): a message, or "".
std::string refused_options(const usecases::ClinicServeRequest& options) {
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return "--tls-cert and --tls-key go together: give both (the certificate chain and its private key, PEM) or "
           "neither";
  }
  if (options.tls_cert.empty() && !is_loopback(options.host)) {
    return fmt::format(
        "refusing to listen on {} without TLS: sign-ins and health records would cross the network in clear text. "
        "Give --tls-cert FILE --tls-key FILE, or listen on 127.0.0.1 behind a TLS reverse proxy "
        "(--trusted-proxy 127.0.0.1; docs/deploy.md)",
        options.host);
  }
  if (options.key_file.empty()) {
    return "no key file: give --key-file FILE (or set $KNEECOACH_CLINIC_KEY), the key `kneecoach clinic init "
           "--key-file FILE` made; it seals the accounts' two-factor secrets (docs/deploy.md, \"The key file\")";
  }
  if (options.threads < 1 || options.threads > 256) {
    return fmt::format("--threads {}: expected 1 to 256 request threads", options.threads);
  }
  if (options.connections < 0 || options.connections > 200) {
    return fmt::format("--connections {}: expected 1 to 200 database connections", options.connections);
  }
  return "";
}

}  // namespace

bool is_loopback(const std::string& host) {
  if (host == "localhost") return true;
  std::string h = host;
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  asio::error_code ec;
  const auto address = asio::ip::make_address(h, ec);
  return !ec && address.is_loopback();
}

std::string client_address(const std::string& peer, const Request& request, const std::string& trusted_proxy) {
  if (trusted_proxy.empty() || peer != trusted_proxy) return peer;
  const auto values = request.header_values("x-forwarded-for");
  if (values.empty()) return peer;
  const std::string& last = values.back();
  const auto comma = last.rfind(',');
  std::string address =
      trim(comma == std::string::npos ? std::string_view(last) : std::string_view(last).substr(comma + 1));
  asio::error_code ec;
  asio::ip::make_address(address, ec);
  return ec ? peer : address;
}

int serve_clinic(const usecases::ClinicServeRequest& options, const usecases::Ports& ports, std::ostream& out,
                 std::ostream& err) {
  if (const std::string refused = refused_options(options); !refused.empty()) {
    err << "kneecoach: " << refused << "\n";
    return 2;
  }
  std::optional<asio::ssl::context> tls;
  if (!options.tls_cert.empty()) {
    auto made = tls_context(options);
    if (!made) {
      err << "kneecoach: " << made.error().message << "\n";
      return 2;
    }
    tls.emplace(std::move(made).value());
  }
  const int connections = options.connections > 0 ? options.connections : options.threads;
  auto opened = ports.open_clinic(options.db_url, options.threads, connections, options.key_file);
  if (!opened) {
    err << "kneecoach: " << opened.error().message << "\n";
    return opened.error().field == "key-file" ? 2 : 1;
  }
  usecases::ClinicBackend backend = std::move(opened).value();
  const NoCredential none;
  const Guard guard(guard_config(options), none);
  const auto clock = ports.clock();
  ClinicApi clinic(backend, *clock, guard);
  const auto sealed = clinic.seal_plain_secrets();
  if (!sealed) {
    err << "kneecoach: " << sealed.error().message << "\n";
    return 1;
  }
  ApiConfig config{options.content_dir, "", &ports, backend.store.get(), clinic.triage_hook()};
  auto api = Api::open(config);
  if (!api) {
    err << "kneecoach: " << api.error().message << "\n";
    return 1;
  }
  clinic.use_catalog(api.value()->catalog());
  clinic.use_sign_names(api.value()->sign_names());
  const StaticFiles web(options.web_dir);
  http_parser_set_max_header_size(1024 * 1024);  // as the personal server (server.cpp)

  // The camera coach's socket: the guard checks its origin, then the login session and the
  // access policy (a patient's own record only; audited as live_camera).
  AnalyzeSockets sockets(*api.value(), guard,
                         [&](const restinio::request_t& req, const Request& r) -> std::optional<Response> {
                           const SessionCredential session(clinic);
                           if (auto refused = guard.check_socket(r, session)) return refused;
                           const std::string address = client_address(peer_address(req), r, options.trusted_proxy);
                           return clinic.admit_camera(*session.actor(), address, r);
                         });
  asio::io_context io;
  const ClinicFront<ClinicTlsTraits> tls_front{guard, *api.value(), clinic, web, sockets, io, options.trusted_proxy};
  const ClinicFront<ClinicTraits> front{guard, *api.value(), clinic, web, sockets, io, options.trusted_proxy};
  const auto banner = [&] {
    out << fmt::format("kneecoach clinic is serving on {}://{}:{}/ ({} threads, {} database connections)\n",
                       tls ? "https" : "http", options.host, options.port, options.threads, connections);
    if (*sealed > 0) out << fmt::format("Sealed {} two-factor secrets stored in clear under the key file.\n", *sealed);
    out << "Press Ctrl+C to stop.\n" << std::flush;
  };
  try {
    if (tls) {
      run_pool<ClinicTlsTraits>(
          io, options.threads,
          [&](auto& settings) {
            settings.port(static_cast<std::uint16_t>(options.port))
                .address(options.host)
                .incoming_http_msg_limits(parser_limits())
                .max_pipelined_requests(kMaxPipelinedRequests)
                .tls_context(std::move(*tls))
                .request_handler(tls_front);
          },
          banner, sockets);
    } else {
      run_pool<ClinicTraits>(
          io, options.threads,
          [&](auto& settings) {
            settings.port(static_cast<std::uint16_t>(options.port))
                .address(options.host)
                .incoming_http_msg_limits(parser_limits())
                .max_pipelined_requests(kMaxPipelinedRequests)
                .request_handler(front);
          },
          banner, sockets);
    }
  } catch (const std::exception& e) {
    err << fmt::format("kneecoach: cannot serve on {}:{}: {}\n", options.host, options.port, e.what());
    return 1;
  }
  out << "kneecoach: stopped.\n" << std::flush;
  return 0;
}

}  // namespace kc::http
