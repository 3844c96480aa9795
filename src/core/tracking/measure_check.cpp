#include "core/tracking/measure_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kc::tracking {
namespace {

bool whole_in(double v, int min, int max) { return std::floor(v) == v && v >= min && v <= max; }

Status whole(double v, int min, int max, const std::string& field) {
  if (whole_in(v, min, max)) return Ok{};
  return make_error(errc::kOutOfRange, field,
                    fmt::format("{}: {} is out of range; expected a whole number from {} to {}", field, v, min, max));
}

}  // namespace

const std::vector<std::string>& recordable_measures() {
  static const std::vector<std::string> kIds{store::kPainNow, store::kPainWorst24h, store::kChairStand, store::kGrc,
                                             store::kPsfs};
  return kIds;
}

Status check_measurement(const store::Measurement& m) {
  const auto& ids = recordable_measures();
  if (std::find(ids.begin(), ids.end(), m.measure) == ids.end()) {
    return make_error(errc::kInvalid, "measure",
                      fmt::format("measure: \"{}\" cannot be recorded here; expected one of {}",
                                  m.measure.substr(0, 40), fmt::join(ids, ", ")));
  }
  if (m.measure == store::kPsfs) {
    if (m.items.empty() || m.items.size() > static_cast<std::size_t>(kPsfsMaxItems)) {
      return make_error(errc::kOutOfRange, "items",
                        fmt::format("items: {} activities; expected 1 to {}, each {{\"label\", \"value\" 0-10}}",
                                    m.items.size(), kPsfsMaxItems));
    }
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      const auto& item = m.items[i];
      if (item.label.empty() || item.label.size() > kMaxLabel) {
        return make_error(
            errc::kOutOfRange, fmt::format("items[{}].label", i),
            fmt::format("items[{}].label: expected the activity's name, 1 to {} characters", i, kMaxLabel));
      }
      if (auto s = whole(item.value, 0, 10, fmt::format("items[{}].value", i)); !s) return s;
    }
    return Ok{};
  }
  const bool norm = m.measure == store::kChairStand && m.items.size() == 1 && m.items[0].label == kBelowAverageUnder;
  if (!m.items.empty() && !norm) {
    return make_error(errc::kInvalid, "items", fmt::format("items: only psfs has items, not {}", m.measure));
  }
  if (norm) {
    if (auto s = whole(m.items[0].value, 0, kMaxChairStands, "items[0].value"); !s) return s;
  }
  if (m.measure == store::kChairStand) return whole(m.value, 0, kMaxChairStands, "value");
  if (m.measure == store::kGrc) return whole(m.value, -7, 7, "value");
  return whole(m.value, 0, 10, "value");
}

double measurement_value(const store::Measurement& m) {
  if (m.measure != store::kPsfs || m.items.empty()) return m.value;
  double sum = 0;
  for (const auto& item : m.items) sum += item.value;
  return sum / static_cast<double>(m.items.size());
}

}  // namespace kc::tracking
