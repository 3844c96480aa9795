#include "adapters/render/exercise_picture.h"

#include <algorithm>

#include "adapters/render/svg.h"
#include "core/figure/frames.h"

namespace kc::render {
namespace {

constexpr double kSvgFps = 6;
constexpr int kOutlinePoints = 32;

}  // namespace

int height_for(const figure::Drawing& d, int width, int min_height, int max_height) {
  const double w = std::max(d.max.x - d.min.x, 0.1);
  const double h = std::max(d.max.y - d.min.y, 0.1);
  return std::clamp(static_cast<int>(width * h / w * 1.1), min_height, max_height);
}

Result<std::string> exercise_svg(const Exercise& e, const figure::ExercisePoses& poses, bool still) {
  const int width = 640;
  if (still) {
    auto keyframes = figure::keyframe_drawings(poses);
    if (!keyframes) return keyframes.error();
    auto drawings = figure::zoom_to_focus(poses, std::move(keyframes).value());
    if (!drawings) return drawings.error();
    if (drawings->empty()) return make_error(e.id + ": no keyframes to draw");
    const int height = height_for(drawings->front(), width, 240, 640);
    return render::svg_still(drawings->front(), width, height, e.name);
  }
  const figure::RepTiming timing = figure::rep_timing(e.dose, kLoopMaxHold);
  auto rep = figure::rep_drawings(poses, timing, kSvgFps, kOutlinePoints);
  if (!rep) return rep.error();
  auto frames = figure::zoom_to_focus(poses, std::move(rep).value());
  if (!frames) return frames.error();
  const int height = height_for(frames->front(), width, 240, 640);
  return render::svg_animated(*frames, timing.total(), width, height, e.name);
}

}  // namespace kc::render
