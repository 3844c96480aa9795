#include "adapters/http/server.h"

#include <fmt/format.h>

#include <csignal>
#include <ostream>
#include <restinio/all.hpp>

#include "adapters/http/analyze_socket.h"
#include "adapters/http/api.h"
#include "adapters/http/guard.h"
#include "adapters/http/limits.h"
#include "adapters/http/server_io.h"
#include "adapters/http/static_files.h"
#include "adapters/http/tokens.h"

namespace kc::http {
namespace {

using Traits = ServerTraits;

// The reply to one request, through the guard (docs/security.md).
struct Front {
  const Guard& guard;
  const std::string& secret;
  Api& api;
  const StaticFiles& web;
  AnalyzeSockets& sockets;
  asio::io_context& io;

  restinio::request_handling_status_t operator()(const restinio::request_handle_t& req) const {
    const Request r = to_request(*req);
    if (auto refused = guard.check_host(r)) return later(req, std::move(*refused));
    if (auto over = over_limit(*req)) return later(req, std::move(*over));
    if (!implemented_method(req->header().method())) return later(req, not_implemented(r.method));
    if (AnalyzeSockets::wants(*req)) return sockets.accept<Traits>(req, r);
    if (r.path == "/api" || r.path.rfind("/api/", 0) == 0) {
      if (r.path != "/api/v1/health") {
        if (auto refused = guard.check_api(r)) return later(req, std::move(*refused));
      }
      return later(req, api.handle(r));
    }
    Response page = web.serve(r);
    // The page the server serves holds the session: the cookie goes with every app page.
    if (page.status == 200 && page.content_type.rfind("text/html", 0) == 0) {
      page.headers.emplace_back("Set-Cookie", guard.cookie(secret));
    }
    return later(req, std::move(page));
  }

  // Sends `resp` from the event loop, after the handler has returned (server_io.h).
  restinio::request_handling_status_t later(const restinio::request_handle_t& req, Response resp) const {
    return reply_later(io, req, std::move(resp));
  }
};

// The names the server answers for, and the session cookie's name: one per port, since
// browsers share cookies between the ports of a host.
GuardConfig guard_config(const usecases::ServeRequest& options) {
  GuardConfig config;
  config.port = options.port;
  config.host_names = options.allow_hosts;
  config.host_names.push_back(options.host);
  config.cookie_name = fmt::format("kneecoach_{}", options.port);
  return config;
}

}  // namespace

int serve(const usecases::ServeRequest& options, const usecases::Ports& ports, std::ostream& out, std::ostream& err) {
  ApiConfig config;
  config.content_dir = options.content_dir;
  config.data_dir = options.data_dir;
  config.ports = &ports;
  auto api = Api::open(config);
  if (!api) {
    err << "kneecoach: " << api.error().message << "\n";
    return 1;
  }
  auto secret = load_or_create_install_secret(options.data_dir);
  if (!secret) {
    err << "kneecoach: " << secret.error().message << "\n";
    return 1;
  }
  const InstallSecretCheck credentials(*secret);
  const Guard guard(guard_config(options), credentials);
  const StaticFiles web(options.web_dir);
  AnalyzeSockets sockets(*api.value(), guard);
  // http_parser's own cap on a request's header section (a process-wide setting of the
  // library): high enough that our smaller per-field limits answer 431 first (limits.h).
  http_parser_set_max_header_size(1024 * 1024);

  asio::io_context io;
  try {
    restinio::http_server_t<Traits> server{
        restinio::external_io_context(io), [&](auto& settings) {
          settings.port(static_cast<std::uint16_t>(options.port))
              .address(options.host)
              .incoming_http_msg_limits(parser_limits())
              .max_pipelined_requests(kMaxPipelinedRequests)
              .request_handler(Front{guard, *secret, *api.value(), web, sockets, io});
        }};
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const asio::error_code& ec, int /*signal*/) {
      if (ec) return;
      sockets.close_all();
      server.close_sync();
      io.stop();
    });
    server.open_sync();
    out << fmt::format("kneecoach is serving on http://{}:{}/\n", options.host, options.port);
    if (!web.built()) {
      out << fmt::format(
          "The web app is not built ({} has no index.html); the API works. Build the app with "
          "`make run` or `npm ci --prefix web && npm run build --prefix web`.\n",
          options.web_dir);
    }
    out << "Press Ctrl+C to stop.\n" << std::flush;
    io.run();
    out << "kneecoach: stopped.\n" << std::flush;
  } catch (const std::exception& e) {
    err << fmt::format("kneecoach: cannot serve on {}:{}: {}\n", options.host, options.port, e.what());
    return 1;
  }
  return 0;
}

}  // namespace kc::http
