// Request size limits with a reply (413, 414, 431) instead of a dropped connection
// (docs/security.md). RESTinio's parser callbacks fail the parse when a limit is passed, and
// RESTinio then closes the connection without a word. Our own callbacks (below, chosen by
// the ParserMethods type in the server's traits) keep one byte more than each limit and drop
// the rest, so the request still completes, memory stays bounded, and over_limit() sees that
// a limit was passed and answers it. Bodies are read to their end and discarded, so the
// connection stays usable and the client reads the reply.
#pragma once

#include <cstddef>
#include <optional>
#include <restinio/all.hpp>

#include "adapters/http/http_types.h"

namespace kc::http {

inline constexpr std::size_t kMaxUrlBytes = std::size_t{8} * 1024;          // request target; 414
inline constexpr std::size_t kMaxFieldNameBytes = 256;                      // one header name; 431
inline constexpr std::size_t kMaxFieldValueBytes = std::size_t{16} * 1024;  // one header value; 431
inline constexpr std::size_t kMaxFieldCount = 100;                          // header fields; 431
// Bodies: kMaxBodyBytes (http_types.h); 413.
// Requests read ahead on one connection while earlier ones are answered (in order).
inline constexpr std::size_t kMaxPipelinedRequests = 16;

// RESTinio's own limits, one past ours (so RESTinio never fails a parse over them).
restinio::incoming_http_msg_limits_t parser_limits();

// The JSON reply for a request that passed a limit (413, 414 or 431), or nullopt.
std::optional<Response> over_limit(const restinio::request_t& request);

// The methods this server knows (GET, HEAD, POST); others get 501 (not_implemented()).
bool implemented_method(const restinio::http_method_id_t& method);
Response not_implemented(const std::string& method);

// The HTTP methods mapper of the server's traits: RESTinio's, under a type of our own so that
// restinio::impl::create_parser_settings<ParserMethods>() below installs our callbacks.
struct ParserMethods : restinio::default_http_methods_t {};

// The parser callbacks (limits.cpp).
http_parser_settings limited_parser_settings() noexcept;

}  // namespace kc::http

namespace restinio::impl {
template <>
inline http_parser_settings create_parser_settings<kc::http::ParserMethods>() noexcept {
  return kc::http::limited_parser_settings();
}
}  // namespace restinio::impl
