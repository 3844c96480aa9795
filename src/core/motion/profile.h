// What the camera coach looks for in one exercise, derived from the exercise's illustrated
// keyframes, form cues and dose: the joint angle that tracks a rep, where the rep starts and
// ends, the hysteresis thresholds, how long to hold, and each form cue's camera limits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/exercise.h"
#include "core/common/result.h"
#include "core/figure/cues.h"
#include "core/figure/scene.h"
#include "core/motion/skeleton.h"

namespace kc::motion {

// The joint angle that moves most between the start and end keyframes, and its values there.
// Progress through a rep is (angle - start) / (end - start).
struct RepSignal {
  std::string joint;  // "left-knee", "left-hip", "trunk" ...
  double start = 0;
  double end = 0;
};

// One form cue as the camera checks it (one leg of a both-legs cue).
struct CueCheck {
  figure::Cue cue;
  std::optional<figure::Side> leg;
  bool at_start = false;            // checked just before the rep leaves the start position
  bool at_end = false;              // checked while at the end position (and any hold)
  std::vector<double> at_progress;  // middle keyframes: checked as the rep passes these
  // Limits on the stand-in measure: the cue's limits moved by the stand-ins' offset on the
  // figure, widened by the cue's tolerance and the camera margin; or halfway between the
  // figure's good form and its fault where the fault would not clear those by a third of
  // the way.
  std::optional<double> min;
  std::optional<double> max;
  bool legs_apart = false;  // the figure's legs are apart at these keyframes: the camera must
                            // see them apart too, or it cannot tell which leg is which
  double good = 0;          // the stand-in measure on the figure's keyframe, good form
  double faulty = 0;        // ... and with the exercise's own version of the fault
  std::string basis;        // how the limits were set, for people
};

struct MotionProfile {
  std::string exercise;
  std::string name;
  std::string placement;  // where to put the camera, for people
  RepSignal signal;
  double leave_start = 0.3;  // progress above which a rep has left the start
  double reach_end = 0.7;    // progress above which it has reached the end
  int hold_seconds = 0;      // 0: not a hold exercise
  std::vector<CueCheck> checks;
  std::vector<std::string> unchecked;  // cues a camera cannot see (no stand-in landmarks)
  std::vector<Skeleton> keyframes;     // the figure's keyframes, for telling the legs apart
  double leg_metres = 0;               // the figure's thigh + shank, for the image scale
};

// Camera margins added to a cue's tolerance: metres for offsets and clearance, degrees for
// angles.
inline constexpr double kOffsetMargin = 0.02;
inline constexpr double kAngleMargin = 5.0;

// Legs whose knees, ankles or toes come closer than this (metres, side-on) overlap: a camera
// cannot tell which is which.
inline constexpr double kLegsApart = 0.08;

// Whether a cue measures from or to the toes, whose stand-in (the pose model's foot index) sits
// a varying way behind the tip of a real shoe.
bool measured_at_toes(const figure::Cue& c);

// The smallest distance between a skeleton's two knees, two ankles or two toes, metres.
double leg_overlap_gap(const Skeleton& s);

// The profile of an exercise. Errors: poses not seen side-on (a side camera cannot follow
// them), fewer than two keyframes, or keyframes that cannot be placed.
Result<MotionProfile> derive_profile(const Exercise& exercise, const figure::ExercisePoses& poses,
                                     const std::vector<figure::Cue>& cues);

}  // namespace kc::motion
