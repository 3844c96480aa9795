// The kinetic chain the articles describe (001, 004): hips and glutes, quadriceps, hamstrings,
// calves and ankles. Each catalog muscle belongs to at most one group.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "core/catalog/exercise.h"

namespace kc {

enum class ChainGroup { kHipsGlutes, kQuadriceps, kHamstrings, kCalvesAnkles };

// Every group, hip to ankle.
inline constexpr std::array<ChainGroup, 4> kChainGroups{ChainGroup::kHipsGlutes, ChainGroup::kQuadriceps,
                                                        ChainGroup::kHamstrings, ChainGroup::kCalvesAnkles};

// "hips-glutes", "quadriceps", "hamstrings", "calves-ankles" (JSON names).
std::string_view to_string(ChainGroup g);
// Plain words, e.g. "the hamstrings (back of the thigh)".
std::string_view label(ChainGroup g);

// The group a catalog muscle belongs to; nullopt for core and trunk muscles.
std::optional<ChainGroup> group_of_muscle(std::string_view muscle);

// The group of the exercise's first (main) muscle, if it is in the chain.
std::optional<ChainGroup> primary_group(const Exercise& e);

// Every group the exercise works, in kChainGroups order.
std::vector<ChainGroup> groups_of(const Exercise& e);

bool works(const Exercise& e, ChainGroup g);

}  // namespace kc
