// Whole-exercise checks of pose data: every keyframe placed, its contacts kept, nothing
// sinking or floating, joints within limits, and the exercise's own form cues satisfied.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/figure/cues.h"
#include "core/figure/scene.h"

namespace kc::figure {

// A problem found in pose data, with the line of the keyframe or cue it concerns.
struct PoseProblem {
  int line = 0;
  std::string message;
};

// The cue with this id, or nullptr.
const Cue* find_cue(const std::vector<Cue>& cues, std::string_view id);
// The cue whose fault id is `fault` (or whose cue id is), or nullptr.
const Cue* find_fault(const std::vector<Cue>& cues, std::string_view fault);

// Problems with one keyframe: placement, limits, contacts and support (support.h).
std::vector<std::string> keyframe_problems(const Keyframe& k, const std::vector<Prop>& props);

// Every keyframe's problems, and every cue use that its keyframes break.
std::vector<PoseProblem> check_exercise_poses(const ExercisePoses& poses, const std::vector<Cue>& cues);

// Knee flexion in degrees above which a pose bends the knee past a right angle: 90 plus a
// small allowance for drawing.
inline constexpr double kRightAngleKnee = 92;

struct KneeBend {
  const Keyframe* keyframe = nullptr;
  std::string knee;  // "left-knee" or "right-knee"
  double degrees = 0;
};

// The deepest knee bend of any keyframe when it is past kRightAngleKnee, else nullopt.
std::optional<KneeBend> bend_past_right_angle(const ExercisePoses& poses);

// The keyframes a cue use is checked at.
std::vector<const Keyframe*> keyframes_for(const ExercisePoses& poses, const CueUse& use);

}  // namespace kc::figure
