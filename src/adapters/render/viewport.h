// Maps scene metres onto a page or image region: uniform scale, y flipped, centred.
#pragma once

#include "core/figure/drawing.h"
#include "core/figure/geometry.h"

namespace kc::render {

struct Viewport {
  double scale = 1;     // pixels (or points) per metre
  double offset_x = 0;  // where scene x = 0 lands
  double offset_y = 0;  // where scene y = 0 lands
  double left = 0;      // the region, in output units
  double top = 0;
  double width = 0;
  double height = 0;

  figure::Point2 map(figure::Point2 p) const { return {offset_x + p.x * scale, offset_y - p.y * scale}; }
};

// Fits the scene box [min, max] into the region (left, top, width, height) with a margin
// of `margin` (fraction of the region), keeping proportions and centring.
Viewport fit(figure::Point2 min, figure::Point2 max, double left, double top, double width, double height,
             double margin = 0.06);

}  // namespace kc::render
