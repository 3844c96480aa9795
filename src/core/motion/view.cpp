#include "core/motion/view.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/common/name_table.h"

namespace kc::motion {
namespace {

double median(std::vector<double> v) {
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

struct Px {
  double x, y;
};
Px px(const LandmarkFrame& f, Mp m) { return {f.at(m).x * f.width, f.at(m).y * f.height}; }

}  // namespace

std::string_view to_string(View v) {
  static constexpr NameTable<View, 5> kNames{{{View::kUnknown, "unknown"},
                                              {View::kSide, "side"},
                                              {View::kDiagonal, "diagonal"},
                                              {View::kFront, "front"},
                                              {View::kRear, "rear"}}};
  return name_of(kNames, v);
}

ViewReading read_view(const LandmarkFrame& frame) {
  const Px ls = px(frame, Mp::kLeftShoulder), rs = px(frame, Mp::kRightShoulder);
  const Px lh = px(frame, Mp::kLeftHip), rh = px(frame, Mp::kRightHip);
  const double torso = std::hypot((ls.x + rs.x - lh.x - rh.x) / 2, (ls.y + rs.y - lh.y - rh.y) / 2);
  ViewReading r;
  if (torso < 1) return r;
  // The person's left shoulder and hip appear on the picture's right when they face the camera.
  const double across = ((ls.x - rs.x) + (lh.x - rh.x)) / 2 / torso;
  r.width = std::abs(across);
  r.view = r.width < kSideWidth       ? View::kSide
           : r.width < kDiagonalWidth ? View::kDiagonal
           : across > 0               ? View::kFront
                                      : View::kRear;
  return r;
}

ViewReading ViewTracker::push(const LandmarkFrame& frame) {
  const ViewReading now = read_view(frame);
  const Px ls = px(frame, Mp::kLeftShoulder), rs = px(frame, Mp::kRightShoulder);
  const Px lh = px(frame, Mp::kLeftHip), rh = px(frame, Mp::kRightHip);
  const double torso = std::max(1.0, std::hypot((ls.x + rs.x - lh.x - rh.x) / 2, (ls.y + rs.y - lh.y - rh.y) / 2));
  // Nearer: smaller depth (z) and better seen (visibility), over hips, knees and shoulders.
  double near = 0;
  for (auto [l, r] : {std::pair{Mp::kLeftHip, Mp::kRightHip}, std::pair{Mp::kLeftKnee, Mp::kRightKnee},
                      std::pair{Mp::kLeftShoulder, Mp::kRightShoulder}}) {
    near += (frame.at(r).z - frame.at(l).z) + (frame.at(l).visibility - frame.at(r).visibility);
  }
  recent_.push_back({frame.t_ms, now.width, ((ls.x - rs.x) + (lh.x - rh.x)) / 2 / torso, near});
  while (recent_.front().t_ms < frame.t_ms - kViewWindowMs) recent_.pop_front();
  std::vector<double> widths, facings, nears;
  for (const Sample& s : recent_) {
    widths.push_back(s.width);
    facings.push_back(s.facing);
    nears.push_back(s.near);
  }
  ViewReading& r = settled_;
  r.width = median(widths);
  const double facing = median(facings);
  r.view = r.width < kSideWidth       ? View::kSide
           : r.width < kDiagonalWidth ? View::kDiagonal
           : facing > 0               ? View::kFront
                                      : View::kRear;
  const double n = median(nears);
  r.near_side.reset();
  if (n > 0.1) r.near_side = figure::Side::kLeft;
  if (n < -0.1) r.near_side = figure::Side::kRight;
  return r;
}

std::string view_advice(View view) {
  switch (view) {
    case View::kFront:
      return "I can't judge this from the front. Turn side-on: stand so your left or right side faces the camera.";
    case View::kRear:
      return "I can't judge this from behind. Turn side-on: stand so your left or right side faces the camera.";
    case View::kDiagonal:
      return "I can't judge your form at this angle. Turn a little further, until one side faces the camera.";
    case View::kSide:
    case View::kUnknown:
      return "";
  }
  return "";
}

}  // namespace kc::motion
