// Turns camera landmark frames into skeletons that keep each leg the same leg from frame to
// frame. A pose model seeing a body side-on often swaps its left and right legs, or loses the
// far leg where the legs cross; the tracker labels legs by continuity (starting from the
// exercise's keyframes) and marks a leg unreliable on frames where it jumps.
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <vector>

#include "core/motion/landmarks.h"
#include "core/motion/skeleton.h"

namespace kc::motion {

// A skeleton and, per leg ([0] left, [1] right), whether it can be trusted on this frame and
// how well the camera sees it: the pose model's lowest visibility of its knee, ankle, heel and
// toe (the far leg of a body seen side-on is partly hidden and scores low).
struct TrackedSkeleton {
  Skeleton skeleton;
  Skeleton by_shape;           // this frame's legs labelled by the exercise's shapes alone, no continuity
  bool shape_swapped = false;  // by_shape's legs are skeleton's the other way round
  std::array<bool, 2> leg_ok{true, true};
  std::array<double, 2> leg_visibility{1, 1};
  std::array<double, 2> jumping_seconds{0, 0};  // how long each leg has not been trusted
};

class LegTracker {
 public:
  // `keyframes` (the figure's, in metres) give the first labelling; `leg_metres` the scale.
  LegTracker(std::vector<Skeleton> keyframes, double leg_metres);

  // The skeleton of a frame with a person in it; `dt` seconds since the last one.
  TrackedSkeleton update(const LandmarkFrame& frame, double dt);

  // Forgets the legs' positions (after the person left the picture).
  void reset() {
    tracked_.reset();
    feet_ = {};
  }

 private:
  void update_scale_and_facing(const LandmarkFrame& frame, double dt);
  void steady_feet(TrackedSkeleton& out, double t_ms);

  // Where the heel and toe sit relative to the ankle, recently, per leg.
  struct FootShape {
    double t_ms = 0;
    P2 heel;
    P2 toe;
  };

  std::vector<Skeleton> keyframes_;
  double leg_metres_;
  Orientation orientation_;
  std::optional<double> leg_pixels_;
  int facing_votes_ = 0;
  std::optional<std::array<Limb, 2>> tracked_;
  std::array<double, 2> rejected_{0, 0};  // seconds each leg has been jumping
  std::array<std::deque<FootShape>, 2> feet_;
};

// A pose model's heel and toe points slide along the foot for a few frames at a time (the
// ankle stays put): the skeleton's heel and toe are the ankle plus the median of their offsets
// from it over this long.
inline constexpr double kFootMedianMs = 600;

// Fastest plausible speed of a knee, ankle, heel or toe, metres a second, and the slack added per frame.
inline constexpr double kMaxLimbSpeed = 1.5;
inline constexpr double kJumpSlack = 0.04;
// A pose model's glitch is a jump between two frames however far apart they are, so the
// distance allowed between frames stops growing past this gap (a dropped frame or two).
inline constexpr double kJumpWindowSeconds = 0.05;

}  // namespace kc::motion
