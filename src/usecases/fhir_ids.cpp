#include "usecases/fhir_ids.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>

#include "core/store/codec.h"
#include "usecases/fhir_codes.h"

namespace kc::usecases::fhir {
namespace {

std::uint64_t fnv1a(std::uint64_t hash, std::string_view a, std::string_view b) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  for (const char c : a) hash = (hash ^ static_cast<unsigned char>(c)) * kPrime;
  hash = (hash ^ 0x0aU) * kPrime;  // a separator no seed ends with
  for (const char c : b) hash = (hash ^ static_cast<unsigned char>(c)) * kPrime;
  return hash;
}

}  // namespace

std::string uuid_for(std::string_view seed, std::string_view key) {
  const std::uint64_t hi = fnv1a(0xcbf29ce484222325ULL, seed, key);
  const std::uint64_t lo = fnv1a(0x84222325cbf29ce4ULL, key, seed);
  std::array<std::uint8_t, 16> b{};
  for (int i = 0; i < 8; ++i) {
    b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(hi >> (56 - 8 * i));
    b[static_cast<std::size_t>(i) + 8] = static_cast<std::uint8_t>(lo >> (56 - 8 * i));
  }
  b[6] = static_cast<std::uint8_t>((b[6] & 0x0fU) | 0x80U);  // version 8
  b[8] = static_cast<std::uint8_t>((b[8] & 0x3fU) | 0x80U);  // variant 10
  std::string hex;
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", b[i]);
  }
  return "urn:uuid:" + hex;
}

Json reference(const std::string& full_url) { return Json{{"reference", full_url}}; }

Json local_date(CivilDate date) { return Json{{"url", kLocalDateExtension}, {"valueDate", to_iso(date)}}; }

Json coded(const char* system, const std::string& code, const std::string& text) {
  Json c;
  c["coding"] = Json::array({Json{{"system", system}, {"code", code}}});
  if (!text.empty()) c["text"] = text;
  return c;
}

std::string instant_text(TimePoint t) { return store::format_instant(t); }

}  // namespace kc::usecases::fhir
