#include "core/figure/frames.h"

#include <cmath>

namespace kc::figure {

void share_bounds(std::vector<Drawing>& drawings) {
  if (drawings.empty()) return;
  Drawing all = drawings.front();
  for (const Drawing& d : drawings) include_bounds(all, d);
  for (Drawing& d : drawings) {
    d.min = all.min;
    d.max = all.max;
  }
}

Result<std::vector<Drawing>> keyframe_drawings(const ExercisePoses& poses, int outline_points) {
  std::vector<Drawing> out;
  for (const Keyframe& k : poses.keyframes) {
    auto body = place(k, poses.props);
    if (!body) return body.error();
    out.push_back(draw(*body, poses.props, poses.camera(), outline_points));
  }
  share_bounds(out);
  return out;
}

Result<std::vector<Drawing>> rep_drawings(const ExercisePoses& poses, const RepTiming& timing, double fps,
                                          int outline_points, const std::optional<Fault>& fault) {
  std::vector<Drawing> out;
  const int n = std::max(1, static_cast<int>(std::lround(timing.total() * fps)));
  for (int i = 0; i <= n; ++i) {
    const double t = timing.total() * i / n;
    auto body = body_at(poses, timing, t, fault, fault);
    if (!body) return body.error();
    out.push_back(draw(*body, poses.props, poses.camera(), outline_points));
  }
  share_bounds(out);
  return out;
}

}  // namespace kc::figure
