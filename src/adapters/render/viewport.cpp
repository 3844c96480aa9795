#include "adapters/render/viewport.h"

#include <algorithm>

namespace kc::render {

Viewport fit(figure::Point2 min, figure::Point2 max, double left, double top, double width, double height,
             double margin) {
  const double w = std::max(max.x - min.x, 0.1);
  const double h = std::max(max.y - min.y, 0.1);
  const double inner_w = width * (1 - 2 * margin);
  const double inner_h = height * (1 - 2 * margin);
  Viewport v;
  v.scale = std::min(inner_w / w, inner_h / h);
  v.left = left;
  v.top = top;
  v.width = width;
  v.height = height;
  const double cx = (min.x + max.x) / 2;
  const double cy = (min.y + max.y) / 2;
  v.offset_x = left + width / 2 - cx * v.scale;
  v.offset_y = top + height / 2 + cy * v.scale;
  return v;
}

}  // namespace kc::render
