#include "core/plan/chain.h"

#include <algorithm>

namespace kc {

std::string_view to_string(ChainGroup g) {
  switch (g) {
    case ChainGroup::kHipsGlutes:
      return "hips-glutes";
    case ChainGroup::kQuadriceps:
      return "quadriceps";
    case ChainGroup::kHamstrings:
      return "hamstrings";
    case ChainGroup::kCalvesAnkles:
      return "calves-ankles";
  }
  return "";
}

std::string_view label(ChainGroup g) {
  switch (g) {
    case ChainGroup::kHipsGlutes:
      return "the hips and glutes";
    case ChainGroup::kQuadriceps:
      return "the quadriceps (front of the thigh)";
    case ChainGroup::kHamstrings:
      return "the hamstrings (back of the thigh)";
    case ChainGroup::kCalvesAnkles:
      return "the calves and ankles";
  }
  return "";
}

std::optional<ChainGroup> group_of_muscle(std::string_view muscle) {
  if (muscle == "quadriceps") return ChainGroup::kQuadriceps;
  if (muscle == "hamstrings") return ChainGroup::kHamstrings;
  if (muscle == "gastrocnemius" || muscle == "soleus" || muscle == "tibialis-anterior")
    return ChainGroup::kCalvesAnkles;
  if (muscle == "gluteus-maximus" || muscle == "gluteus-medius" || muscle == "hip-flexors" ||
      muscle == "hip-adductors" || muscle == "hip-rotators" || muscle == "tensor-fasciae-latae")
    return ChainGroup::kHipsGlutes;
  return std::nullopt;
}

std::optional<ChainGroup> primary_group(const Exercise& e) {
  if (e.muscles.empty()) return std::nullopt;
  return group_of_muscle(e.muscles.front());
}

std::vector<ChainGroup> groups_of(const Exercise& e) {
  std::vector<ChainGroup> out;
  for (ChainGroup g : kChainGroups)
    if (works(e, g)) out.push_back(g);
  return out;
}

bool works(const Exercise& e, ChainGroup g) {
  return std::any_of(e.muscles.begin(), e.muscles.end(), [g](const std::string& m) { return group_of_muscle(m) == g; });
}

}  // namespace kc
