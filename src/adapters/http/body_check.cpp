#include "adapters/http/body_check.h"

#include <fmt/format.h>

#include <algorithm>

namespace kc::http {

BodyCheck::BodyCheck(const std::string& body) {
  try {
    doc_ = Json::parse(body);
  } catch (const Json::exception& e) {
    // A syntax error (parse_error), or a number too large for a double (out_of_range 406).
    doc_ = nullptr;
    std::string what = e.what();
    if (const auto p = what.find("] "); p != std::string::npos) what = what.substr(p + 2);
    fail("bad_json", "", fmt::format("the body is not valid JSON: {}", what));
  }
}

Response BodyCheck::error() const {
  std::string message;
  for (const auto& p : problems_) message += (message.empty() ? "" : "\n") + p;
  return error_response(400, code_, message, field_);
}

void BodyCheck::fail(const std::string& code, const std::string& field, const std::string& message) {
  if (problems_.empty()) {
    code_ = code;
    field_ = field;
  }
  problems_.push_back(message);
}

std::string BodyCheck::join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

bool BodyCheck::object(const Json& value, const std::string& path, std::initializer_list<std::string_view> allowed) {
  if (!value.is_object()) {
    fail("wrong_type", path,
         fmt::format("{}: is {}; expected a JSON object", path.empty() ? "the body" : path, json_type_name(value)));
    return false;
  }
  bool fine = true;
  for (const auto& [key, v] : value.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail("unknown_field", join(path, key), fmt::format("{}: unknown field; expected only {}", join(path, key), list));
      fine = false;
    }
  }
  return fine;
}

std::optional<int> BodyCheck::integer(const Json& obj, const std::string& path, const std::string& key, int min,
                                      int max, bool required) {
  const std::string field = join(path, key);
  if (!obj.contains(key)) {
    if (required)
      fail("missing_field", field, fmt::format("{}: missing; expected a whole number from {} to {}", field, min, max));
    return std::nullopt;
  }
  const Json& v = obj.at(key);
  if (!v.is_number_integer() && !v.is_number_unsigned()) {
    fail("wrong_type", field,
         fmt::format("{}: is {}; expected a whole number from {} to {}", field, json_type_name(v), min, max));
    return std::nullopt;
  }
  const bool big = v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(max);
  const long long n = big ? static_cast<long long>(max) + 1 : v.get<long long>();
  if (big || n < min || n > max) {
    fail("out_of_range", field,
         fmt::format("{}: {} is out of range; expected a whole number from {} to {}", field, v.dump(), min, max));
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<std::string> BodyCheck::text(const Json& obj, const std::string& path, const std::string& key,
                                           std::size_t max_len, bool required) {
  const std::string field = join(path, key);
  if (!obj.contains(key)) {
    if (required) fail("missing_field", field, fmt::format("{}: missing; expected a string", field));
    return std::nullopt;
  }
  const Json& v = obj.at(key);
  if (!v.is_string()) {
    fail("wrong_type", field, fmt::format("{}: is {}; expected a string", field, json_type_name(v)));
    return std::nullopt;
  }
  auto s = v.get<std::string>();
  if (s.empty() || s.size() > max_len) {
    fail("out_of_range", field, fmt::format("{}: expected 1 to {} characters", field, max_len));
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> BodyCheck::one_of(const Json& obj, const std::string& path, const std::string& key,
                                             const std::vector<std::string>& choices, bool required) {
  const std::string field = join(path, key);
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "\"" : ", \"") + c + "\"";
  if (!obj.contains(key)) {
    if (required) fail("missing_field", field, fmt::format("{}: missing; expected one of {}", field, list));
    return std::nullopt;
  }
  const Json& v = obj.at(key);
  if (!v.is_string()) {
    fail("wrong_type", field, fmt::format("{}: is {}; expected one of {}", field, json_type_name(v), list));
    return std::nullopt;
  }
  auto s = v.get<std::string>();
  if (std::find(choices.begin(), choices.end(), s) == choices.end()) {
    fail("invalid", field, fmt::format("{}: {} is not one of the choices; expected one of {}", field, v.dump(), list));
    return std::nullopt;
  }
  return s;
}

std::optional<CivilDate> BodyCheck::date(const Json& obj, const std::string& path, const std::string& key) {
  const std::string field = join(path, key);
  if (!obj.contains(key)) return std::nullopt;
  const Json& v = obj.at(key);
  if (!v.is_string()) {
    fail("wrong_type", field, fmt::format("{}: is {}; expected a date YYYY-MM-DD", field, json_type_name(v)));
    return std::nullopt;
  }
  auto d = parse_iso_date(v.get<std::string>());
  if (!d) fail("invalid", field, fmt::format("{}: {} is not a date; expected YYYY-MM-DD", field, v.dump()));
  return d;
}

Response answers_error(const std::string& message, const std::string& prefix) {
  const std::string first = message.substr(0, message.find('\n'));
  std::string code = "wrong_type";
  if (first.rfind("the answers are not valid JSON", 0) == 0 || first.rfind("the answers cannot be read", 0) == 0) {
    code = "bad_json";
  } else if (first.find(": missing;") != std::string::npos) {
    code = "missing_field";
  } else if (first.find(": unknown field") != std::string::npos ||
             first.find("appears more than once") != std::string::npos) {
    code = first.find(": unknown field") != std::string::npos ? "unknown_field" : "invalid";
  } else if (first.find("out of range") != std::string::npos || first.find("too large") != std::string::npos) {
    code = "out_of_range";
  } else if (first.find("not one of the choices") != std::string::npos ||
             first.find("more than once") != std::string::npos || first.find("not supported") != std::string::npos) {
    code = "invalid";
  }
  std::string field;
  const auto colon = first.find(':');
  if (colon != std::string::npos && first.find(' ') > colon && code != "bad_json") field = first.substr(0, colon);
  if (first.rfind("the answers are ", 0) == 0 && code != "bad_json") field.clear();
  if (!field.empty())
    field = prefix + field;
  else if (!prefix.empty() && code != "bad_json")
    field = prefix.substr(0, prefix.size() - 1);
  return error_response(400, code, message, field);
}

}  // namespace kc::http
