// The closed vocabularies of the catalog and their spellings in content files and JSON.
// Every name here is lower-case and hyphenated; parse_* return nullopt for unknown names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog/exercise.h"

namespace kc {

std::string_view to_string(Kind k);
std::string_view to_string(Position p);
std::string_view to_string(Equipment e);
std::string_view to_string(Sides s);
std::string_view to_string(Demand d);

std::optional<Kind> parse_kind(std::string_view s);
std::optional<Position> parse_position(std::string_view s);
std::optional<Equipment> parse_equipment(std::string_view s);
std::optional<Sides> parse_sides(std::string_view s);
std::optional<Demand> parse_demand(std::string_view s);

// All valid names, in a fixed order, for error messages and --help.
std::vector<std::string> kind_names();
std::vector<std::string> position_names();
std::vector<std::string> equipment_names();
std::vector<std::string> sides_names();
std::vector<std::string> demand_names();
std::vector<std::string> region_names();
std::vector<std::string> muscle_names();

bool is_region(std::string_view s);
bool is_muscle(std::string_view s);

// A human label, e.g. Position::kLyingOnBack -> "lying on your back".
std::string_view label(Position p);

}  // namespace kc
