// The HTTP request and response as the API sees them: plain data, independent of RESTinio,
// so the routes are testable without a socket.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/result.h"

namespace kc::http {

inline constexpr std::size_t kMaxBodyBytes = std::size_t{64} * 1024;  // larger bodies get 413

struct Request {
  std::string method;                        // "GET", "POST", ...
  std::string path;                          // the raw path, still percent-encoded, without the query
  std::map<std::string, std::string> query;  // decoded query parameters
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // every field, names in lower case

  // The values of header field `name` (lower case), in the order received.
  std::vector<std::string> header_values(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Allow
};

// A JSON error reply {"error": {"code", "message", "field"}}; `field` empty gives null.
Response error_response(int status, const std::string& code, const std::string& message, const std::string& field = "");

// The reply for a use case's coded error: the status comes from error.code alone (invalid and
// missing_field 400, not_found and no_program 404, program_stopped and conflict 409,
// too_little 422, anything else 500 with code "internal"), never from the message's words.
Response error_reply(const Error& error);

// A JSON reply with `status`.
Response json_response(int status, const std::string& json_text);

// Splits a raw query string ("a=1&b=x%20y") into decoded parameters; false when an escape is bad.
bool parse_query(const std::string& raw, std::map<std::string, std::string>& out);

// Percent-decodes `in` ('+' stays '+'); false on a bad or NUL escape.
bool percent_decode(const std::string& in, std::string& out);

}  // namespace kc::http
