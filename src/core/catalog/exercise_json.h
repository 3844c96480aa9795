// The stable JSON form of exercises (documented in docs/content-schema.md, "JSON form").
#pragma once

#include <nlohmann/json.hpp>

#include "core/catalog/exercise.h"

namespace kc {

// Uses nlohmann::ordered_json so field order is stable and matches the content files.
using Json = nlohmann::ordered_json;

Json dose_to_json(const Dose& d);
// The full record. Absent optional dose fields are null.
Json exercise_to_json(const Exercise& e);

}  // namespace kc
