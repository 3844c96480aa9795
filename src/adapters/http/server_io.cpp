#include "adapters/http/server_io.h"

#include <algorithm>
#include <cctype>

#include "adapters/http/guard.h"

namespace kc::http {
namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
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
    case 429:
      return "Too Many Requests";
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

}  // namespace

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

std::string peer_address(const restinio::request_t& req) { return req.remote_endpoint().address().to_string(); }

restinio::request_handling_status_t reply_later(asio::io_context& io, const restinio::request_handle_t& req,
                                                Response resp) {
  asio::post(io, [req, resp = std::move(resp)]() mutable { reply(req, std::move(resp)); });
  return restinio::request_accepted();
}

}  // namespace kc::http
