// render/: pictures and printouts: SVG, PNG, the PDF handout and Y4M video (cairo, pango).
// SVG output of figure drawings: a still picture, or one repetition animated with SMIL
// (each outline's points animated, looping forever).
#pragma once

#include <string>
#include <vector>

#include "core/figure/drawing.h"

namespace kc::render {

// A standalone SVG document of one drawing, `width` x `height` user units.
std::string svg_still(const figure::Drawing& d, int width, int height, const std::string& title);

// A standalone SVG document animating `frames` (evenly spaced over `seconds`, first and last
// alike) in a loop. Frames must come from the same scene drawn with a fixed outline point
// count (draw(..., outline_points > 0)); shapes are matched by id and painted in the first
// frame's order.
std::string svg_animated(const std::vector<figure::Drawing>& frames, double seconds, int width, int height,
                         const std::string& title);

}  // namespace kc::render
