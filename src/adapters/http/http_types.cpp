#include "adapters/http/http_types.h"

#include <nlohmann/json.hpp>

namespace kc::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::vector<std::string> Request::header_values(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [n, v] : headers) {
    if (n == name) values.push_back(v);
  }
  return values;
}

Response error_response(int status, const std::string& code, const std::string& message, const std::string& field) {
  nlohmann::ordered_json e;
  e["code"] = code;
  e["message"] = message;
  e["field"] = field.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(field);
  nlohmann::ordered_json j;
  j["error"] = e;
  return json_response(status, j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

Response error_reply(const Error& error) {
  static constexpr std::pair<const char*, int> kStatusOf[] = {
      {errc::kInvalid, 400},      {errc::kMissing, 400},   {errc::kWrongType, 400}, {errc::kOutOfRange, 400},
      {errc::kUnknownField, 400}, {errc::kNotFound, 404},  {errc::kNoProgram, 404}, {errc::kStopped, 409},
      {errc::kConflict, 409},     {errc::kTooLittle, 422}, {errc::kKeyReused, 422}, {errc::kUnsafe, 422},
  };
  for (const auto& [code, status] : kStatusOf) {
    if (error.code == code) return error_response(status, code, error.message, error.field);
  }
  return error_response(500, "internal", error.message, error.field);
}

Response json_response(int status, const std::string& json_text) {
  Response r;
  r.status = status;
  r.body = json_text;
  return r;
}

bool percent_decode(const std::string& in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out.push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;
    const int hi = hex_value(in[i + 1]);
    const int lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') return false;
    out.push_back(c);
    i += 2;
  }
  return true;
}

bool parse_query(const std::string& raw, std::map<std::string, std::string>& out) {
  std::size_t start = 0;
  while (start <= raw.size()) {
    const std::size_t end = std::min(raw.find('&', start), raw.size());
    const std::string part = raw.substr(start, end - start);
    if (!part.empty()) {
      const std::size_t eq = part.find('=');
      std::string key;
      std::string value;
      if (!percent_decode(part.substr(0, eq), key)) return false;
      if (eq != std::string::npos && !percent_decode(part.substr(eq + 1), value)) return false;
      out[key] = value;
    }
    start = end + 1;
  }
  return true;
}

}  // namespace kc::http
