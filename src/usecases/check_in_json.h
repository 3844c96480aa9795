// The check-in's questions as JSON, for every surface that asks them (GET /api/v1/check-in-signs;
// the web check-in page builds its form from it).
#pragma once

#include "core/catalog/exercise_json.h"

namespace kc::usecases {

// {"question": the "anything new?" question, "signs": [{"id", "prompt"}]}: the warning signs of
// tracking::check_in_signs() in the order they are asked, each with its intake question's words.
Json check_in_signs_json();

}  // namespace kc::usecases
