#include "adapters/http/server.h"

#include <fmt/format.h>

#include <csignal>
#include <ostream>
#include <restinio/all.hpp>

#include "adapters/http/analyze_socket.h"
#include "adapters/http/api.h"
#include "adapters/http/static_files.h"

namespace kc::http {
namespace {

using Traits = ServerTraits;

// RESTinio reads bodies up to this; the API answers anything over kMaxBodyBytes (64 KiB)
// with a JSON 413. Beyond this hard cap RESTinio closes the connection instead.
constexpr std::size_t kReadLimit = 16 * 1024 * 1024;

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    default:
      return status >= 500 ? "Internal Server Error" : "Error";
  }
}

Request to_request(const restinio::request_t& req) {
  Request r;
  const auto& h = req.header();
  r.method = h.method().c_str();
  r.path = std::string(h.path());
  if (!parse_query(std::string(h.query()), r.query)) r.query.clear();
  r.content_type = h.get_field_or(restinio::http_field::content_type, "");
  r.body = req.body();
  return r;
}

restinio::request_handling_status_t reply(const restinio::request_handle_t& req, Response resp) {
  auto builder = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)}, reason_phrase(resp.status)});
  builder.append_header(restinio::http_field::content_type, resp.content_type);
  builder.append_header(restinio::http_field::server, "kneecoach/" KNEECOACH_VERSION);
  for (auto& [name, value] : resp.headers) builder.append_header(name, value);
  builder.set_body(std::move(resp.body));
  return builder.done();
}

}  // namespace

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  auto api = Api::open(ApiConfig{options.content_dir, options.data_dir});
  if (!api) {
    err << "kneecoach: " << api.error().message << "\n";
    return 1;
  }
  Api& handler = *api.value();
  const StaticFiles web(options.web_dir);
  AnalyzeSockets sockets(handler);

  asio::io_context io;
  try {
    restinio::http_server_t<Traits> server{
        restinio::external_io_context(io), [&](auto& settings) {
          settings.port(static_cast<std::uint16_t>(options.port))
              .address(options.host)
              .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(kReadLimit))
              .request_handler([&](const restinio::request_handle_t& req) {
                if (AnalyzeSockets::wants(*req)) return sockets.accept(req);
                const Request r = to_request(*req);
                const bool api_path = r.path == "/api" || r.path.rfind("/api/", 0) == 0;
                return reply(req, api_path ? handler.handle(r) : web.serve(r));
              });
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
