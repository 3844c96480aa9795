#include "core/figure/frames.h"

#include <algorithm>
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

Result<std::optional<std::pair<Point2, Point2>>> focus_bounds(const ExercisePoses& poses) {
  using Region = std::optional<std::pair<Point2, Point2>>;
  if (poses.focus.empty()) return Region{};
  Point2 lo{1e9, 1e9};
  Point2 hi{-1e9, -1e9};
  for (const Keyframe& k : poses.keyframes) {
    auto body = place(k, poses.props);
    if (!body) return body.error();
    for (const std::string& name : poses.focus) {
      const Sphere* s = body->find(name);
      if (s == nullptr) return make_error(errc::kContent, "focus", "focus: no landmark '" + name + "'");
      const Point2 p = project(s->center, poses.camera());
      lo = {std::min(lo.x, p.x - s->radius), std::min(lo.y, p.y - s->radius)};
      hi = {std::max(hi.x, p.x + s->radius), std::max(hi.y, p.y + s->radius)};
    }
  }
  return Region{std::make_pair(Point2{lo.x - kFocusMargin, lo.y - kFocusMargin},
                               Point2{hi.x + kFocusMargin, hi.y + kFocusMargin})};
}

Result<std::vector<Drawing>> zoom_to_focus(const ExercisePoses& poses, std::vector<Drawing> drawings) {
  auto box = focus_bounds(poses);
  if (!box) return box.error();
  if (!*box) return drawings;
  for (Drawing& d : drawings) {
    d.min = {std::max(d.min.x, (*box)->first.x), std::max(d.min.y, (*box)->first.y)};
    d.max = {std::min(d.max.x, (*box)->second.x), std::min(d.max.y, (*box)->second.y)};
  }
  return drawings;
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
