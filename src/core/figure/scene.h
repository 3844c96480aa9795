// An exercise's illustration as data: the view, the props, and keyframe poses placed by
// forward kinematics from a contact point, with the contacts each keyframe must keep.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/figure/body.h"
#include "core/figure/pose.h"
#include "core/figure/props.h"

namespace kc::figure {

// Where the camera looks from. Side: from the figure's left (the figure faces right).
// Front: from ahead. Back: from behind. Top: from above (for lying on one side).
enum class View { kSide, kFront, kBack, kTop };

std::string_view to_string(View v);
std::optional<View> parse_view(std::string_view s);
std::vector<std::string> view_names();

// Where the camera looks from: a named view, swung round the figure by `turn` degrees
// (anticlockwise seen from above) and raised by `tilt` degrees to look down on it. The
// projection stays orthographic, so sizes do not depend on distance.
struct Camera {
  View view = View::kSide;
  double turn = 0;
  double tilt = 0;

  Camera() = default;
  Camera(View v, double turn_degrees = 0, double tilt_degrees = 0)  // NOLINT: a view is a camera
      : view(v), turn(turn_degrees), tilt(tilt_degrees) {}
  // Whether the camera looks straight along the view's axis.
  bool straight() const { return turn == 0 && tilt == 0; }
};

// "left-heel on floor": a landmark resting on a named surface.
struct Contact {
  std::string landmark;
  std::string surface;
};

// One keyframe. The anchor contact fixes the height (it must be a horizontal surface);
// the figure's x comes from `anchor_x` (the anchor landmark's centre) or from a second
// contact against a wall; its sideways position puts the pelvis at `z`.
struct Keyframe {
  std::string name;
  Pose pose;
  Contact anchor;
  std::optional<double> anchor_x;
  std::optional<Contact> against;  // a landmark touching a vertical surface, fixing x
  double z = 0;
  std::vector<Contact> contacts;    // further contacts the pose must keep (checked)
  int line = 0;                     // where it was loaded from (for messages)
  std::vector<std::string> lifted;  // parts held clear of any surface ("left-foot"; see support.h)
  bool moving = false;              // caught mid-movement (a step): momentum carries it, so balance is not checked
};

// A form cue as applied to one exercise: which cue, for which leg, at which keyframes.
struct CueUse {
  std::string cue;
  std::optional<Side> leg;                            // the working leg, for cues about one leg
  bool both_legs = false;                             // the cue applies to each leg
  std::vector<std::string> at;                        // keyframe names; empty means every keyframe
  std::vector<std::pair<std::string, double>> fault;  // overrides the cue's fault recipe
  int line = 0;
};

// Everything needed to draw and animate one exercise.
struct ExercisePoses {
  std::string exercise;
  View view = View::kSide;
  double turn = 0;          // the camera swung from the view, degrees (see Camera)
  double tilt = 0;          // the camera raised to look down, degrees
  Side side = Side::kLeft;  // the side the illustration works (for "each side" exercises)
  std::vector<Prop> props;
  std::vector<Keyframe> keyframes;  // start, any middle keyframes, end
  std::vector<CueUse> cues;
  // Landmarks a picture zooms to when the motion is small (ankle circles: the knee, heel and toe),
  // so it shows on a phone; empty: the whole figure (frames.h, focus_bounds).
  std::vector<std::string> focus;
  std::string file;  // where it was loaded from (for messages)

  // The keyframe with this name, or nullptr.
  const Keyframe* keyframe(std::string_view name) const;
  // The camera the pictures are drawn with.
  Camera camera() const { return {view, turn, tilt}; }
};

// Poses the body and moves it so the anchor rests on its surface. Errors name an unknown
// landmark or surface.
Result<PosedBody> place(const Keyframe& k, const std::vector<Prop>& props, double height = kDefaultHeight);

// Contact tolerances, metres: how far a contact may be off its surface, and how far any
// part may sink into a surface it is above.
inline constexpr double kContactTolerance = 0.015;
inline constexpr double kSinkTolerance = 0.02;

// Problems with a placed keyframe: contacts more than kContactTolerance off their surface
// ("right-knee is 3.1 cm above books"), and parts sinking into the floor or a prop.
std::vector<std::string> contact_problems(const PosedBody& body, const Keyframe& k, const std::vector<Prop>& props);
// Only the parts sinking into the floor or a prop (for frames between keyframes).
std::vector<std::string> sinking_problems(const PosedBody& body, const std::vector<Prop>& props);

}  // namespace kc::figure
