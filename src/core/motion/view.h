// Where the camera stands relative to the body: side-on (the only view whose joint angles a
// side-view analyzer can trust), at a diagonal, from the front or from behind; and which side
// of the body is nearer the camera. Read from the landmarks alone, and settled over a short
// stretch of frames so one odd frame does not turn the coach's advice round.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "core/figure/pose.h"
#include "core/motion/landmarks.h"

namespace kc::motion {

enum class View { kUnknown, kSide, kDiagonal, kFront, kRear };
std::string_view to_string(View v);

struct ViewReading {
  View view = View::kUnknown;
  std::optional<figure::Side> near_side;  // the side of the body nearer the camera, when known
  double width = 0;                       // shoulder and hip width across the picture, in torso lengths
};

// Seen side-on, the shoulders and hips lie almost behind each other; turned towards the
// camera they show more of their width. Width in torso lengths; on the real clips
// (tests/data/landmarks-real) side-on 0.02 to 0.11, turned 30 to 45 degrees 0.27 to 0.30,
// from behind at a slant 0.40, from the front 0.50 to 0.58.
inline constexpr double kSideWidth = 0.2;       // below: side-on
inline constexpr double kDiagonalWidth = 0.35;  // below: diagonal; above: front or rear
inline constexpr double kViewWindowMs = 1500;   // the settled view is the median over this long

// One frame's view. Requires frame.has_person().
ViewReading read_view(const LandmarkFrame& frame);

// The view over the last kViewWindowMs of frames with a person in them.
class ViewTracker {
 public:
  // Takes a frame with a person in it and returns the settled view.
  ViewReading push(const LandmarkFrame& frame);
  const ViewReading& settled() const { return settled_; }
  // Frames behind the settled view.
  std::size_t frames() const { return recent_.size(); }
  void reset() { recent_.clear(); }

 private:
  struct Sample {
    double t_ms;
    double width;
    double facing;  // + when the body faces the camera, - when it faces away
    double near;    // + when its left side is nearer, - its right
  };
  std::deque<Sample> recent_;
  ViewReading settled_;
};

// What to say when the camera cannot judge the exercise from where it stands; empty side-on.
std::string view_advice(View view);

}  // namespace kc::motion
