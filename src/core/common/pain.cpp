#include "core/common/pain.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace kc {
namespace {

using BandInfo = PainBandRange;

constexpr std::array<BandInfo, 3> kBandArray{{
    {PainBand::kLow, "low", "safe", 0, kLowPainMax},
    {PainBand::kModerate, "moderate", "acceptable", kLowPainMax + 1, kModeratePainMax},
    {PainBand::kHigh, "high", "too much", kModeratePainMax + 1, 10},
}};

const BandInfo& info(PainBand band) { return kBandArray[static_cast<std::size_t>(band)]; }

}  // namespace

PainBand pain_band(int pain) {
  if (pain <= kLowPainMax) return PainBand::kLow;
  if (pain <= kModeratePainMax) return PainBand::kModerate;
  return PainBand::kHigh;
}

std::string_view to_string(PainBand band) { return info(band).name; }
std::string_view pain_band_meaning(PainBand band) { return info(band).meaning; }

std::optional<PainBand> parse_pain_band(std::string_view s) {
  for (const auto& b : kBandArray)
    if (b.name == s) return b.band;
  return std::nullopt;
}

const std::vector<PainBandRange>& pain_band_ranges() {
  static const std::vector<PainBandRange> bands(kBandArray.begin(), kBandArray.end());
  return bands;
}

std::vector<std::string> pain_band_names() {
  std::vector<std::string> out;
  out.reserve(kBandArray.size());
  for (const auto& b : kBandArray) out.emplace_back(b.name);
  return out;
}

std::string pain_bands_text() {
  std::string out;
  for (const auto& b : kBandArray) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{}-{} {} ({})", b.lowest, b.highest, b.name, b.meaning);
  }
  return out;
}

PainLimit acceptable_pain(std::optional<int> clinician_ceiling) {
  if (!clinician_ceiling) return PainLimit{};
  const int most = std::clamp(*clinician_ceiling, 0, kModeratePainMax);
  return PainLimit{most, most};
}

PainBand pain_band(int pain, const PainLimit& limit) {
  if (pain > limit.most) return PainBand::kHigh;
  if (pain <= safe_pain_most(limit)) return PainBand::kLow;
  return PainBand::kModerate;
}

int safe_pain_most(const PainLimit& limit) { return std::min(kLowPainMax, limit.most); }

std::string pain_limit_why(const PainLimit& limit) {
  if (limit.from_clinician()) return fmt::format("your clinician set a ceiling of {}/10", limit.most);
  return fmt::format("the usual limit of the pain-monitoring model is {}/10", limit.most);
}

std::string pain_stop_advice(const PainLimit& limit) {
  if (limit.from_clinician()) {
    return fmt::format("Stop an exercise if the pain goes above {} out of 10 ({}), or turns sharp.", limit.most,
                       pain_limit_why(limit));
  }
  return fmt::format("Stop an exercise if the pain goes above {} out of 10, or turns sharp.", limit.most);
}

std::string pain_scale_help(const PainLimit& limit) {
  const int safe = std::min(kLowPainMax, limit.most);
  if (limit.from_clinician()) {
    if (limit.most <= kLowPainMax) {
      return fmt::format(
          "0 is no pain, 10 is the worst pain you can imagine. 0 to {} is fine, above {} is too much ({}).", safe,
          limit.most, pain_limit_why(limit));
    }
    return fmt::format(
        "0 is no pain, 10 is the worst pain you can imagine. 0 to {} is fine, {} to {} is acceptable, above {} is too "
        "much ({}).",
        safe, safe + 1, limit.most, limit.most, pain_limit_why(limit));
  }
  return fmt::format(
      "0 is no pain, 10 is the worst pain you can imagine. 0 to {} is fine, {} to {} is acceptable, above {} is too "
      "much.",
      kLowPainMax, kLowPainMax + 1, kModeratePainMax, kModeratePainMax);
}

}  // namespace kc
