#include "core/tracking/measures.h"

#include <fmt/format.h>

namespace kc::tracking {

const MeasureDef* MeasureSet::find(const std::string& id) const {
  for (const auto& m : measures) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

std::vector<std::string> check_measure(const MeasureDef& m) {
  std::vector<std::string> problems;
  if (m.sources.empty()) problems.push_back("sources: at least one published source is required");
  if (m.kind != MeasureKind::kTimedCount && m.min >= m.max) {
    problems.push_back(fmt::format("scale: min {} must be below max {}", m.min, m.max));
  }
  for (const auto& a : m.anchors) {
    if (a.value < m.min || a.value > m.max) {
      problems.push_back(fmt::format("anchors: {} is outside the scale {}..{}", a.value, m.min, m.max));
    }
  }
  if (m.kind == MeasureKind::kRating && m.questions.empty()) {
    problems.push_back("questions: a rating measure needs at least one question");
  }
  if (m.kind == MeasureKind::kItems && (m.items_min < 1 || m.items_min > m.items_max)) {
    problems.push_back(fmt::format("items: expected 1 <= min <= max, got {}..{}", m.items_min, m.items_max));
  }
  if (m.kind == MeasureKind::kTimedCount) {
    if (m.seconds <= 0) problems.push_back("seconds: a timed count needs a duration above 0");
    for (std::size_t i = 0; i < m.norms.size(); ++i) {
      const auto& n = m.norms[i];
      if (n.age_min > n.age_max)
        problems.push_back(fmt::format("norms[{}]: age {}-{} is reversed", i + 1, n.age_min, n.age_max));
      if (i > 0 && n.age_min <= m.norms[i - 1].age_max) {
        problems.push_back(fmt::format("norms[{}]: age bands must ascend without overlap", i + 1));
      }
    }
  }
  return problems;
}

const NormBand* norm_for(const MeasureDef& m, int age) {
  for (const auto& n : m.norms) {
    if (age >= n.age_min && age <= n.age_max) return &n;
  }
  return nullptr;
}

std::string anchor_label(const MeasureDef& m, int value) {
  for (const auto& a : m.anchors) {
    if (a.value == value) return a.label;
  }
  return "";
}

NormVerdict compare_to_norm(const NormBand& band, bool man, int count) {
  NormVerdict v;
  v.under = man ? band.men : band.women;
  v.below = count < v.under;
  v.words = v.below ? "below average" : "average or better";
  return v;
}

}  // namespace kc::tracking
