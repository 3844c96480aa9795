// An exercise's picture as SVG text: one repetition of the figure animated in a loop, or its
// first keyframe. Used by `kneecoach exercises show --svg` and GET /api/v1/exercises/{id}/svg.
#pragma once

#include <string>

#include "core/catalog/exercise.h"
#include "core/common/result.h"
#include "core/figure/drawing.h"
#include "core/figure/scene.h"

namespace kc::render {

inline constexpr double kLoopMaxHold = 3;  // an animated loop shows at most 3 s of any hold

// Output size for drawings with these bounds: `width` wide, as tall as the scene needs, kept
// within [min_height, max_height].
int height_for(const figure::Drawing& d, int width, int min_height, int max_height);

// The SVG of exercise `e`: one repetition animated in a loop, or (`still`) its first keyframe.
Result<std::string> exercise_svg(const Exercise& e, const figure::ExercisePoses& poses, bool still);

}  // namespace kc::render
