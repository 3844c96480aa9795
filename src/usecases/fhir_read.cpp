#include "usecases/fhir_read.h"

#include <fmt/format.h>

#include "core/common/json_words.h"
#include "core/store/codec.h"
#include "usecases/fhir_codes.h"

namespace kc::usecases::fhir {

Error Reader::fail(const char* code, const std::string& path, const std::string& what) const {
  return make_error(code, fmt::format("{}.{}", field_, path), fmt::format("{}.{}: {}", where_, path, what));
}

Result<const Json*> Reader::member(const Json& j, const std::string& path, Json::value_t type,
                                   const char* expected) const {
  const Json* at = &j;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    const std::string key = path.substr(start, dot - start);
    const bool index = !key.empty() && key.find_first_not_of("0123456789") == std::string::npos;
    if (index && at->is_array() && std::stoul(key) < at->size()) {
      at = &(*at)[std::stoul(key)];
    } else if (!at->is_object() || !at->contains(key)) {
      return fail(errc::kMissing, path, fmt::format("missing; expected {}", expected));
    } else {
      at = &(*at)[key];
    }
    start = dot + 1;
  }
  const bool number_ok = type == Json::value_t::number_float && at->is_number();
  const bool integer_ok = type == Json::value_t::number_integer && at->is_number_integer();
  if (at->type() != type && !number_ok && !integer_ok) {
    return fail(errc::kWrongType, path, fmt::format("expected {}; got {}", expected, json_type_name(*at)));
  }
  return at;
}

Result<std::string> Reader::text(const Json& j, const std::string& path) const {
  auto m = member(j, path, Json::value_t::string, "a string");
  if (!m) return m.error();
  return (*m)->get<std::string>();
}

Result<int> Reader::integer(const Json& j, const std::string& path) const {
  auto m = member(j, path, Json::value_t::number_integer, "a whole number");
  if (!m) return m.error();
  const long long v = (*m)->get<long long>();
  if (v < -1000000 || v > 1000000) return fail(errc::kOutOfRange, path, fmt::format("{} is out of range", v));
  return static_cast<int>(v);
}

Result<double> Reader::number(const Json& j, const std::string& path) const {
  auto m = member(j, path, Json::value_t::number_float, "a number");
  if (!m) return m.error();
  return (*m)->get<double>();
}

Result<bool> Reader::boolean(const Json& j, const std::string& path) const {
  auto m = member(j, path, Json::value_t::boolean, "true or false");
  if (!m) return m.error();
  return (*m)->get<bool>();
}

Result<TimePoint> Reader::instant(const Json& j, const std::string& path) const {
  auto t = text(j, path);
  if (!t) return t.error();
  const auto parsed = store::parse_instant(*t);
  if (!parsed) {
    return fail(errc::kInvalid, path,
                fmt::format("\"{}\" is not an instant; expected UTC with milliseconds, e.g. 2025-03-03T08:00:00.000Z",
                            t->substr(0, 40)));
  }
  return *parsed;
}

Result<CivilDate> Reader::day(const Json& j, const std::string& path) const {
  auto t = text(j, path);
  if (!t) return t.error();
  const auto parsed = parse_iso_date(*t);
  if (!parsed)
    return fail(errc::kInvalid, path, fmt::format("\"{}\" is not a date; expected YYYY-MM-DD", t->substr(0, 40)));
  return *parsed;
}

Result<const Json*> Reader::array(const Json& j, const std::string& path) const {
  return member(j, path, Json::value_t::array, "a list");
}

std::optional<std::string> Reader::code_in(const Json& j, const std::string& concept_path, const char* system) const {
  auto codings = array(j, concept_path + ".coding");
  if (!codings) return std::nullopt;
  for (const auto& c : **codings) {
    if (c.is_object() && c.value("system", "") == system && c.contains("code") && c["code"].is_string()) {
      return c["code"].get<std::string>();
    }
  }
  return std::nullopt;
}

Result<CivilDate> Reader::local_day(const Json& resource) const {
  auto list = array(resource, "extension");
  if (!list) return list.error();
  for (const Json& e : **list) {
    if (e.is_object() && e.value("url", "") == kLocalDateExtension) return day(e, "valueDate");
  }
  return fail(errc::kMissing, "extension",
              fmt::format("missing the local day; expected an extension {}", kLocalDateExtension));
}

}  // namespace kc::usecases::fhir
