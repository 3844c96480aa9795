// Geometric form cues as checkable predicates over a placed pose ("knee not past the toes",
// "trunk upright", ...), and the deliberate faults that break them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/result.h"
#include "core/figure/body.h"
#include "core/figure/pose.h"
#include "core/figure/scene.h"

namespace kc::figure {

// What a cue measures. Offsets are metres along the body's horizontal facing direction
// (forward) or up; tilt is the signed angle of from->to away from vertical, forward +;
// clearance is how far a landmark's underside is above the floor.
enum class Measure { kForwardOffset, kHeightOffset, kTilt, kJointAngle, kClearance };

std::string_view to_string(Measure m);
std::optional<Measure> parse_measure(std::string_view s);
std::vector<std::string> measure_names();

// A cue. Landmark and joint names may contain "{leg}" (the working leg) and "{other}".
struct Cue {
  std::string id;          // the cue: "knee-not-past-toes"
  std::string fault;       // the fault that breaks it: "knee-past-toes"
  std::string text;        // for people: "Keep your knee behind your toes."
  std::string fault_text;  // what the fault looks like: "the knee travels past the toes"
  Measure measure = Measure::kTilt;
  std::string from;   // landmark (offsets, tilt, clearance)
  std::string to;     // landmark (offsets, tilt)
  std::string joint;  // joint (joint-angle)
  std::optional<double> min;
  std::optional<double> max;
  double tolerance = 0;
  bool per_leg = false;  // needs a leg when used
  // Joint changes (degrees) that make the fault, e.g. {"{leg}-knee", 25}.
  std::vector<std::pair<std::string, double>> fault_change;
  std::string file;  // where it was loaded from (for messages)
};

// "{leg}-knee" with leg = left -> "left-knee"; "{other}-knee" -> "right-knee".
std::string bind_leg(std::string_view name, std::optional<Side> leg);

// The measured value of a cue on a placed pose. Errors name an unknown landmark or joint.
Result<double> measure_cue(const Cue& cue, std::optional<Side> leg, const Pose& pose, const PosedBody& body);

// Whether a measured value is within the cue's range, widened by its tolerance.
bool within(const Cue& cue, double value);

// "knee-not-past-toes (left): 0.041 m; expected at most 0.000 (± 0.020)" when the cue is
// broken, nullopt when it holds.
std::optional<std::string> cue_problem(const Cue& cue, std::optional<Side> leg, const Pose& pose,
                                       const PosedBody& body);

// The pose with a fraction `amount` (0..1) of a fault applied: the joint changes of
// `change` (the exercise's own, or else the cue's) with {leg} bound.
Pose apply_fault(const Pose& pose, const std::vector<std::pair<std::string, double>>& change, std::optional<Side> leg,
                 double amount);

// The legs a cue use applies to: none for whole-body cues, one, or both when per_leg and
// `both` is set.
std::vector<std::optional<Side>> legs_of(const Cue& cue, std::optional<Side> leg, bool both);

}  // namespace kc::figure
