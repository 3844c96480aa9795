// The body seen side-on, in its own terms: points in metres, `f` along the way the person
// faces and `u` up, legs named as the exercise names them. Built from the illustrated figure
// or from camera landmarks, so the same measures and form cues apply to both.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/figure/body.h"
#include "core/figure/cues.h"
#include "core/motion/landmarks.h"

namespace kc::motion {

struct P2 {
  double f = 0;  // forward, metres
  double u = 0;  // up, metres
};

// One side of the body.
struct Limb {
  P2 shoulder, elbow, wrist, hip, knee, ankle, heel, toe;
};

struct Skeleton {
  P2 nose;
  P2 ear;
  std::array<Limb, 2> limbs;  // [0] the figure's left, [1] its right

  const Limb& of(figure::Side s) const { return limbs[s == figure::Side::kLeft ? 0 : 1]; }
};

// How camera landmarks become a skeleton: which way the person faces in the image
// (+1 right, -1 left), whether the model's left and right legs and arms are swapped
// relative to the exercise's, and the image scale.
struct Orientation {
  int facing = 1;
  bool swap_sides = false;
  double metres_per_pixel = 0.004;
};

// The figure's skeleton: its joint landmarks, x forward and y up (a side view).
Skeleton skeleton_of(const figure::PosedBody& body);

// The camera's skeleton. Requires frame.has_person().
Skeleton skeleton_of(const LandmarkFrame& frame, const Orientation& o);

// Which way the person faces in the image: the sign of the mean heel-to-toe direction
// (+1 right, -1 left); 0 when the feet are too foreshortened to tell. Requires has_person().
int facing_of(const LandmarkFrame& frame);

// Thigh plus shank of the longer-looking leg, pixels. Requires has_person().
double leg_pixels(const LandmarkFrame& frame);

// Thigh plus shank of a skeleton's longer leg, metres.
double leg_length(const Skeleton& s);

// The skeleton point standing in for a figure landmark ("left-knee", "neck-base", ...), or
// nullopt when a camera has nothing close to it.
std::optional<P2> stand_in(const Skeleton& s, std::string_view landmark);

// A joint angle in the figure's terms, degrees, from the points alone: "left-knee" and
// "right-knee" (flexion), "left-hip"/"right-hip" (thigh forward of the trunk line +),
// "trunk" (lean from vertical, forward +). nullopt for other joints.
std::optional<double> joint_angle(const Skeleton& s, std::string_view joint);

// A form cue's measure on the skeleton, with the stand-in points ({leg} bound); nullopt when
// a landmark or joint has no stand-in. Clearance is height above the lowest heel or toe.
std::optional<double> measure(const figure::Cue& cue, std::optional<figure::Side> leg, const Skeleton& s);

}  // namespace kc::motion
