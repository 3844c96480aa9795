#include "core/catalog/vocabulary.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/common/name_table.h"

namespace kc {
namespace {

constexpr NameTable<Kind, 3> kKinds{
    {{Kind::kStretch, "stretch"}, {Kind::kStrength, "strength"}, {Kind::kMobility, "mobility"}}};

constexpr NameTable<Position, 7> kPositions{{{Position::kStanding, "standing"},
                                             {Position::kSeated, "seated"},
                                             {Position::kLyingOnBack, "lying-on-back"},
                                             {Position::kLyingOnFront, "lying-on-front"},
                                             {Position::kLyingOnSide, "lying-on-side"},
                                             {Position::kKneeling, "kneeling"},
                                             {Position::kAllFours, "all-fours"}}};

constexpr NameTable<Equipment, 7> kEquipment{{{Equipment::kChair, "chair"},
                                              {Equipment::kStep, "step"},
                                              {Equipment::kWall, "wall"},
                                              {Equipment::kMat, "mat"},
                                              {Equipment::kBooks, "books"},
                                              {Equipment::kCounter, "counter"},
                                              {Equipment::kBand, "band"}}};

constexpr NameTable<Sides, 3> kSides{
    {{Sides::kEach, "each"}, {Sides::kBoth, "both"}, {Sides::kAlternate, "alternate"}}};

constexpr NameTable<Demand, 5> kDemands{{{Demand::kKneeling, "kneeling"},
                                         {Demand::kFloor, "floor"},
                                         {Demand::kSingleLegBalance, "single-leg-balance"},
                                         {Demand::kDeepKneeBend, "deep-knee-bend"},
                                         {Demand::kKneeBendPast90, "knee-bend-past-90"}}};

constexpr std::array<std::string_view, 12> kRegions{"hip",         "buttock",     "front-thigh", "back-thigh",
                                                    "inner-thigh", "outer-thigh", "knee",        "calf",
                                                    "ankle",       "foot",        "trunk",       "lower-back"};

constexpr std::array<std::string_view, 13> kMuscles{
    "quadriceps",    "hamstrings",     "gluteus-maximus",     "gluteus-medius", "hip-flexors",
    "hip-adductors", "hip-rotators",   "gastrocnemius",       "soleus",         "tibialis-anterior",
    "core",          "trunk-rotators", "tensor-fasciae-latae"};

template <std::size_t N>
std::vector<std::string> names_of(const std::array<std::string_view, N>& list) {
  return {list.begin(), list.end()};
}

}  // namespace

std::string_view to_string(Kind k) { return name_of(kKinds, k); }
std::string_view to_string(Position p) { return name_of(kPositions, p); }
std::string_view to_string(Equipment e) { return name_of(kEquipment, e); }
std::string_view to_string(Sides s) { return name_of(kSides, s); }
std::string_view to_string(Demand d) { return name_of(kDemands, d); }

std::optional<Kind> parse_kind(std::string_view s) { return value_of(kKinds, s); }
std::optional<Position> parse_position(std::string_view s) { return value_of(kPositions, s); }
std::optional<Equipment> parse_equipment(std::string_view s) { return value_of(kEquipment, s); }
std::optional<Sides> parse_sides(std::string_view s) { return value_of(kSides, s); }
std::optional<Demand> parse_demand(std::string_view s) { return value_of(kDemands, s); }

std::vector<std::string> kind_names() { return names_of(kKinds); }
std::vector<std::string> position_names() { return names_of(kPositions); }
std::vector<std::string> equipment_names() { return names_of(kEquipment); }
std::vector<std::string> sides_names() { return names_of(kSides); }
std::vector<std::string> demand_names() { return names_of(kDemands); }
std::vector<std::string> region_names() { return names_of(kRegions); }
std::vector<std::string> muscle_names() { return names_of(kMuscles); }

bool is_region(std::string_view s) { return std::find(kRegions.begin(), kRegions.end(), s) != kRegions.end(); }
bool is_muscle(std::string_view s) { return std::find(kMuscles.begin(), kMuscles.end(), s) != kMuscles.end(); }

std::string_view label(Position p) {
  switch (p) {
    case Position::kStanding:
      return "standing";
    case Position::kSeated:
      return "seated";
    case Position::kLyingOnBack:
      return "lying on your back";
    case Position::kLyingOnFront:
      return "lying on your front";
    case Position::kLyingOnSide:
      return "lying on your side";
    case Position::kKneeling:
      return "kneeling";
    case Position::kAllFours:
      return "on all fours";
  }
  return "?";
}

}  // namespace kc
