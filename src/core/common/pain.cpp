#include "core/common/pain.h"

#include <fmt/format.h>

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

std::string pain_stop_advice() {
  return fmt::format("Stop an exercise if the pain goes above {} out of 10, or turns sharp.", kModeratePainMax);
}

std::string pain_scale_help() {
  return fmt::format(
      "0 is no pain, 10 is the worst pain you can imagine. 0 to {} is fine, {} to {} is acceptable, above {} is too "
      "much.",
      kLowPainMax, kLowPainMax + 1, kModeratePainMax, kModeratePainMax);
}

}  // namespace kc
