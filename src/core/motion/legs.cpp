#include "core/motion/legs.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>
#include <vector>

namespace kc::motion {
namespace {

constexpr double kScaleSeconds = 1.0;   // image scale smoothing
constexpr double kRejectSeconds = 0.6;  // a leg "jumping" this long has really moved
constexpr double kTrackSeconds = 0.05;  // smoothing of the tracked leg positions
constexpr double kShapeWeight = 2.0;    // weight of the keyframe shapes against continuity

double gap(P2 a, P2 b) { return std::hypot(a.f - b.f, a.u - b.u); }
P2 minus(P2 a, P2 b) { return {a.f - b.f, a.u - b.u}; }
P2 blend(P2 a, P2 b, double t) { return {a.f + (b.f - a.f) * t, a.u + (b.u - a.u) * t}; }

double smooth(double& state, double x, double dt, double tau) {
  state += (1.0 - std::exp(-dt / tau)) * (x - state);
  return state;
}

// Leg shape relative to the pelvis, against a keyframe (or halfway to the next).
double shape_distance(const Skeleton& a, const Skeleton& b, const Skeleton* next) {
  auto hip = [](const Skeleton& s) { return blend(s.limbs[0].hip, s.limbs[1].hip, 0.5); };
  double d = 0;
  for (int side = 0; side < 2; ++side)
    for (auto part : {&Limb::knee, &Limb::ankle, &Limb::toe}) {
      P2 target = minus(b.limbs[side].*part, hip(b));
      if (next != nullptr) target = blend(target, minus(next->limbs[side].*part, hip(*next)), 0.5);
      d += gap(minus(a.limbs[side].*part, hip(a)), target);
    }
  return d;
}

double keyframe_fit(const Skeleton& s, const std::vector<Skeleton>& keyframes) {
  double best = 1e18;
  for (std::size_t i = 0; i < keyframes.size(); ++i) {
    best = std::min(best, shape_distance(s, keyframes[i], nullptr));
    if (i + 1 < keyframes.size()) best = std::min(best, shape_distance(s, keyframes[i], &keyframes[i + 1]));
  }
  return best;
}

double leg_gap(const Limb& a, const Limb& b) { return gap(a.knee, b.knee) + gap(a.ankle, b.ankle); }

double lowest_visibility(const LandmarkFrame& f, std::initializer_list<Mp> points) {
  double v = 1;
  for (Mp m : points) v = std::min(v, f.at(m).visibility);
  return v;
}

// Per figure leg, how well the camera sees the model's leg it was given (swapped or not).
std::array<double, 2> leg_visibility(const LandmarkFrame& f, bool swapped) {
  const double left = lowest_visibility(f, {Mp::kLeftKnee, Mp::kLeftAnkle, Mp::kLeftHeel, Mp::kLeftFootIndex});
  const double right = lowest_visibility(f, {Mp::kRightKnee, Mp::kRightAnkle, Mp::kRightHeel, Mp::kRightFootIndex});
  return swapped ? std::array<double, 2>{right, left} : std::array<double, 2>{left, right};
}

}  // namespace

LegTracker::LegTracker(std::vector<Skeleton> keyframes, double leg_metres)
    : keyframes_(std::move(keyframes)), leg_metres_(leg_metres) {}

void LegTracker::update_scale_and_facing(const LandmarkFrame& frame, double dt) {
  const int facing = facing_of(frame);
  if (facing != 0) {
    if (!leg_pixels_) orientation_.facing = facing;
    facing_votes_ = std::clamp(facing_votes_ + facing, -5, 5);
    const int before = orientation_.facing;
    if (facing_votes_ >= 3) orientation_.facing = 1;
    if (facing_votes_ <= -3) orientation_.facing = -1;
    if (before != orientation_.facing) tracked_.reset();
  }
  const double px = leg_pixels(frame);
  if (!leg_pixels_)
    leg_pixels_ = px;
  else
    smooth(*leg_pixels_, px, dt, kScaleSeconds);
  if (*leg_pixels_ > 1) orientation_.metres_per_pixel = leg_metres_ / *leg_pixels_;
}

TrackedSkeleton LegTracker::update(const LandmarkFrame& frame, double dt) {
  update_scale_and_facing(frame, dt);
  Orientation swapped = orientation_;
  swapped.swap_sides = !swapped.swap_sides;
  const Skeleton plain = skeleton_of(frame, orientation_);
  const Skeleton other = skeleton_of(frame, swapped);
  TrackedSkeleton out;
  if (!tracked_) {  // first sight: label the legs by the exercise's shapes
    const bool swap = keyframe_fit(other, keyframes_) < keyframe_fit(plain, keyframes_);
    out.skeleton = swap ? other : plain;
    out.by_shape = out.skeleton;
    out.leg_visibility = leg_visibility(frame, swap);
    tracked_ = out.skeleton.limbs;
    rejected_ = {0, 0};
    steady_feet(out, frame.t_ms);
    return out;
  }
  const auto& t = *tracked_;
  // Continuity first; the exercise's shapes break ties where the legs overlap.
  const double fit_plain = keyframe_fit(plain, keyframes_), fit_other = keyframe_fit(other, keyframes_);
  out.by_shape = fit_other < fit_plain ? other : plain;
  const double stay = leg_gap(plain.limbs[0], t[0]) + leg_gap(plain.limbs[1], t[1]) + kShapeWeight * fit_plain;
  const double cross = leg_gap(other.limbs[0], t[0]) + leg_gap(other.limbs[1], t[1]) + kShapeWeight * fit_other;
  out.skeleton = cross < stay ? other : plain;
  out.shape_swapped = (fit_other < fit_plain) != (cross < stay);
  out.leg_visibility = leg_visibility(frame, cross < stay);
  const double reach = kMaxLimbSpeed * std::min(dt, kJumpWindowSeconds) + kJumpSlack;
  for (int side = 0; side < 2; ++side) {
    const Limb& seen = out.skeleton.limbs[side];
    Limb& kept = (*tracked_)[side];
    out.leg_ok[side] = gap(seen.ankle, kept.ankle) <= reach && gap(seen.knee, kept.knee) <= reach &&
                       gap(seen.toe, kept.toe) <= reach && gap(seen.heel, kept.heel) <= reach;
    if (out.leg_ok[side]) {
      rejected_[side] = 0;
      for (auto part : {&Limb::hip, &Limb::knee, &Limb::ankle, &Limb::heel, &Limb::toe}) {
        smooth((kept.*part).f, (seen.*part).f, dt, kTrackSeconds);
        smooth((kept.*part).u, (seen.*part).u, dt, kTrackSeconds);
      }
    } else if ((rejected_[side] += dt) >= kRejectSeconds) {
      kept = seen;  // it has really moved
      rejected_[side] = 0;
      feet_[side].clear();
    }
  }
  out.jumping_seconds = rejected_;
  steady_feet(out, frame.t_ms);
  return out;
}

void LegTracker::steady_feet(TrackedSkeleton& out, double t_ms) {
  for (std::size_t side = 0; side < 2; ++side) {
    Limb& leg = out.skeleton.limbs[side];
    auto& recent = feet_[side];
    if (out.leg_ok[side]) recent.push_back({t_ms, minus(leg.heel, leg.ankle), minus(leg.toe, leg.ankle)});
    while (!recent.empty() && recent.front().t_ms < t_ms - kFootMedianMs) recent.pop_front();
    if (recent.empty()) continue;
    auto median_of = [&](auto pick) {
      std::vector<double> v;
      for (const FootShape& f : recent) v.push_back(pick(f));
      std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
      return v[v.size() / 2];
    };
    leg.heel = {leg.ankle.f + median_of([](const FootShape& f) { return f.heel.f; }),
                leg.ankle.u + median_of([](const FootShape& f) { return f.heel.u; })};
    leg.toe = {leg.ankle.f + median_of([](const FootShape& f) { return f.toe.f; }),
               leg.ankle.u + median_of([](const FootShape& f) { return f.toe.u; })};
  }
}

}  // namespace kc::motion
