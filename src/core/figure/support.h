// Whether a placed keyframe reads as held up, as its pose data says: the body's weight is over
// what it rests on, every foot rests or is listed as lifted, a lifted part is clearly off its
// surface and nothing else hovers just above one, and where the figure lies or kneels on a
// mat, whatever rests low stays on the mat.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/figure/body.h"
#include "core/figure/props.h"
#include "core/figure/scene.h"

namespace kc::figure {

// A part that can bear weight or be held off a surface, with the landmarks it rests on.
struct RestingPart {
  std::string_view name;                    // "left-foot", "right-knee", "seat", ...
  std::vector<std::string_view> landmarks;  // "left-heel", "left-ball", "left-toe"
};

// The parts a keyframe may list under `lifted`: each foot, knee and hand, and the seat.
const std::vector<RestingPart>& resting_parts();
// Their names, for messages.
std::vector<std::string> resting_part_names();

// How far a lifted part must clear the surface under it for the lift to show, metres.
inline constexpr double kClearLift = 0.05;
// How far the centre of mass may lie outside the outline of what the body rests on, metres
// (the outline runs through landmark centres; feet and hands are wider than that).
inline constexpr double kBalanceMargin = 0.05;
// A body sphere whose underside is this close to a surface counts as resting on it (for the
// body's base of support, and for staying on a mat).
inline constexpr double kRestingBand = 0.03;

// The gap from the lowest of a part's landmarks to the nearest horizontal surface below
// it, and that surface's name; nullopt when no surface is below.
struct Clearance {
  double gap = 0;
  std::string surface;
};
std::optional<Clearance> clearance(const PosedBody& body, const RestingPart& part,
                                   const std::vector<Surface>& surfaces);

// The body's centre of mass, from segment masses as fractions of body mass (Winter 2009,
// table 4.1, after Dempster 1955), each at the mean of its part's sphere centres.
Vec3 centre_of_mass(const PosedBody& body);

// Support problems of a placed keyframe, each a sentence naming the part and what to do:
// "right-foot is 21.3 cm above floor but not listed under 'lifted'; ...".
std::vector<std::string> support_problems(const PosedBody& body, const Keyframe& k, const std::vector<Prop>& props);

}  // namespace kc::figure
