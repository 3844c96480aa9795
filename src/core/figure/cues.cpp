#include "core/figure/cues.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace kc::figure {

namespace {

struct MeasureName {
  Measure measure;
  std::string_view name;
};

constexpr MeasureName kMeasures[] = {{Measure::kForwardOffset, "forward-offset"},
                                     {Measure::kHeightOffset, "height-offset"},
                                     {Measure::kTilt, "tilt"},
                                     {Measure::kJointAngle, "joint-angle"},
                                     {Measure::kClearance, "clearance"}};

void replace_all(std::string& s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
    s.replace(at, what.size(), with);
}

// The body's horizontal facing direction: forward turned by the whole-body yaw.
Vec3 facing(const Pose& pose) { return rot_y(-pose[Joint::kYaw]) * Vec3{1, 0, 0}; }

Result<Sphere> landmark(const PosedBody& body, const std::string& name, std::optional<Side> leg) {
  const std::string bound = bind_leg(name, leg);
  const Sphere* s = body.find(bound);
  if (s == nullptr) return make_error("unknown landmark '" + bound + "'");
  return *s;
}

}  // namespace

std::string_view to_string(Measure m) {
  for (const MeasureName& n : kMeasures)
    if (n.measure == m) return n.name;
  return "?";
}

std::optional<Measure> parse_measure(std::string_view s) {
  for (const MeasureName& n : kMeasures)
    if (n.name == s) return n.measure;
  return std::nullopt;
}

std::vector<std::string> measure_names() {
  std::vector<std::string> out;
  for (const MeasureName& n : kMeasures) out.emplace_back(n.name);
  return out;
}

std::string bind_leg(std::string_view name, std::optional<Side> leg) {
  std::string out(name);
  if (!leg) return out;
  replace_all(out, "{leg}", to_string(*leg));
  replace_all(out, "{other}", to_string(other(*leg)));
  return out;
}

Result<double> measure_cue(const Cue& cue, std::optional<Side> leg, const Pose& pose, const PosedBody& body) {
  if (cue.measure == Measure::kJointAngle) {
    const auto joint = parse_joint(bind_leg(cue.joint, leg));
    if (!joint) return make_error("unknown joint '" + bind_leg(cue.joint, leg) + "'");
    return pose[*joint];
  }
  auto a = landmark(body, cue.from, leg);
  if (!a) return a.error();
  if (cue.measure == Measure::kClearance) return a->center.y - a->radius;
  auto b = landmark(body, cue.to, leg);
  if (!b) return b.error();
  const Vec3 d = b->center - a->center;
  const Vec3 fwd = facing(pose);
  switch (cue.measure) {
    case Measure::kForwardOffset:
      return dot(d, fwd);
    case Measure::kHeightOffset:
      return d.y;
    case Measure::kTilt:
      return degrees(std::atan2(dot(d, fwd), d.y));
    case Measure::kJointAngle:
    case Measure::kClearance:
      break;
  }
  return make_error("unsupported measure");
}

bool within(const Cue& cue, double value) {
  if (cue.min && value < *cue.min - cue.tolerance) return false;
  if (cue.max && value > *cue.max + cue.tolerance) return false;
  return true;
}

std::optional<std::string> cue_problem(const Cue& cue, std::optional<Side> leg, const Pose& pose,
                                       const PosedBody& body) {
  const auto value = measure_cue(cue, leg, pose, body);
  const std::string who = leg ? fmt::format("{} ({})", cue.id, to_string(*leg)) : cue.id;
  if (!value) return who + ": " + value.error().message;
  if (within(cue, *value)) return std::nullopt;
  std::string range;
  if (cue.min && cue.max)
    range = fmt::format("{:.3g} to {:.3g}", *cue.min, *cue.max);
  else if (cue.min)
    range = fmt::format("at least {:.3g}", *cue.min);
  else
    range = fmt::format("at most {:.3g}", cue.max.value_or(0));
  return fmt::format("{}: {} is {:.3g}; expected {} (± {:.3g})", who, to_string(cue.measure), *value, range,
                     cue.tolerance);
}

Pose apply_fault(const Pose& pose, const std::vector<std::pair<std::string, double>>& change, std::optional<Side> leg,
                 double amount) {
  Pose out = pose;
  for (const auto& [name, delta] : change)
    if (const auto j = parse_joint(bind_leg(name, leg))) {
      const JointSpec& s = spec(*j);
      out[*j] = std::clamp(out[*j] + delta * amount, s.min, s.max);
    }
  return out;
}

std::vector<std::optional<Side>> legs_of(const Cue& cue, std::optional<Side> leg, bool both) {
  if (!cue.per_leg) return {std::nullopt};
  if (both) return {Side::kLeft, Side::kRight};
  return {leg};
}

}  // namespace kc::figure
