// Terminal renderings of catalog entries.
#pragma once

#include <ostream>
#include <vector>

#include "core/catalog/catalog.h"

namespace kc::cli {

// A readable card: what it is for, equipment, steps, cues, mistakes, dose, frequency,
// variants, cautions and sources. Wrapped to `width` columns.
void print_exercise_card(const Exercise& e, const Catalog& catalog, std::ostream& out, std::size_t width = 80);

// One line per exercise: id, kind, position, needed equipment, name.
void print_exercise_table(const std::vector<const Exercise*>& list, std::ostream& out);

}  // namespace kc::cli
