#include "adapters/http/server.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <ostream>
#include <restinio/all.hpp>

#include "adapters/http/analyze_socket.h"
#include "adapters/http/api.h"
#include "adapters/http/guard.h"
#include "adapters/http/limits.h"
#include "adapters/http/static_files.h"
#include "adapters/http/tokens.h"

namespace kc::http {
namespace {

using Traits = ServerTraits;

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 400:
      return "Bad Request";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 421:
      return "Misdirected Request";
    case 422:
      return "Unprocessable Content";
    case 431:
      return "Request Header Fields Too Large";
    case 501:
      return "Not Implemented";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Request to_request(const restinio::request_t& req) {
  Request r;
  const auto& h = req.header();
  r.method = h.method().c_str();
  r.path = std::string(h.path());
  if (!parse_query(std::string(h.query()), r.query)) r.query.clear();
  r.content_type = h.get_field_or(restinio::http_field::content_type, "");
  r.body = req.body();
  h.for_each_field([&](const restinio::http_header_field_t& f) { r.headers.emplace_back(lower(f.name()), f.value()); });
  return r;
}

restinio::request_handling_status_t reply(const restinio::request_handle_t& req, Response resp) {
  Guard::add_security_headers(resp);
  const restinio::http_status_line_t status{restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)},
                                            reason_phrase(resp.status)};
  const auto headers = [&](auto& builder) {
    builder.append_header(restinio::http_field::content_type, resp.content_type);
    builder.append_header(restinio::http_field::server, "kneecoach/" KNEECOACH_VERSION);
    for (auto& [name, value] : resp.headers) builder.append_header(name, value);
  };
  if (req->header().method() == restinio::http_method_head()) {
    // HEAD: the headers GET would send, Content-Length included, and no body.
    auto builder = req->create_response<restinio::user_controlled_output_t>(status);
    headers(builder);
    builder.set_content_length(resp.body.size());
    return builder.done();
  }
  auto builder = req->create_response(status);
  headers(builder);
  builder.set_body(std::move(resp.body));
  return builder.done();
}

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
    if (AnalyzeSockets::wants(*req)) return sockets.accept(req, r);
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

  // Sends `resp` from the event loop, after the handler has returned. Requests are still
  // handled in the order they arrive, and RESTinio sends the replies in that order. Replying
  // inside the handler makes RESTinio 0.6 read a pipelined request while every reply slot is
  // taken, and it then drops the connection (docs/security.md).
  restinio::request_handling_status_t later(const restinio::request_handle_t& req, Response resp) const {
    asio::post(io, [req, resp = std::move(resp)]() mutable { reply(req, std::move(resp)); });
    return restinio::request_accepted();
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
  auto api = Api::open(ApiConfig{options.content_dir, options.data_dir, &ports});
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
