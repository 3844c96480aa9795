#include "core/figure/pose.h"

#include <fmt/format.h>

namespace kc::figure {

// Limits: typical adult active ranges of motion (American Academy of Orthopaedic Surgeons,
// "Joint motion: method of measuring and recording", 1965; Greene & Heckman 1994), widened a
// little where a stretch takes a joint to its end of range; ankle dorsiflexion allows the
// 35-40 degrees reached with the knee bent under load (weight-bearing lunge test), and hip
// external rotation the 70 degrees a figure-four position takes in this model's joint order;
// ankle inversion 35 and eversion 20 (AAOS). The whole-body angles
// (trunk, yaw, roll) are orientations, not joints, and span what the exercises need.
const std::array<JointSpec, kJointCount>& joint_specs() {
  static const std::array<JointSpec, kJointCount> kSpecs{{
      {Joint::kTrunk, "trunk", -135, 135},
      {Joint::kLumbar, "lumbar", -30, 90},
      {Joint::kSideBend, "side-bend", -35, 35},
      {Joint::kTwist, "twist", -45, 45},
      {Joint::kNeck, "neck", -60, 70},
      {Joint::kPelvisList, "pelvis-list", -20, 20},
      {Joint::kYaw, "yaw", -180, 180},
      {Joint::kRoll, "roll", -90, 90},
      {Joint::kLeftHip, "left-hip", -30, 135},
      {Joint::kLeftHipAbduction, "left-hip-abduction", -30, 50},
      {Joint::kLeftHipRotation, "left-hip-rotation", -45, 70},
      {Joint::kLeftKnee, "left-knee", 0, 155},
      {Joint::kLeftAnkle, "left-ankle", -50, 40},
      {Joint::kRightHip, "right-hip", -30, 135},
      {Joint::kRightHipAbduction, "right-hip-abduction", -30, 50},
      {Joint::kRightHipRotation, "right-hip-rotation", -45, 70},
      {Joint::kRightKnee, "right-knee", 0, 155},
      {Joint::kRightAnkle, "right-ankle", -50, 40},
      {Joint::kLeftShoulder, "left-shoulder", -60, 180},
      {Joint::kLeftShoulderAbduction, "left-shoulder-abduction", -30, 180},
      {Joint::kLeftShoulderRotation, "left-shoulder-rotation", -90, 90},
      {Joint::kLeftElbow, "left-elbow", 0, 150},
      {Joint::kLeftWrist, "left-wrist", -80, 80},
      {Joint::kRightShoulder, "right-shoulder", -60, 180},
      {Joint::kRightShoulderAbduction, "right-shoulder-abduction", -30, 180},
      {Joint::kRightShoulderRotation, "right-shoulder-rotation", -90, 90},
      {Joint::kRightElbow, "right-elbow", 0, 150},
      {Joint::kRightWrist, "right-wrist", -80, 80},
      {Joint::kLeftAnkleInversion, "left-ankle-inversion", -20, 35},
      {Joint::kRightAnkleInversion, "right-ankle-inversion", -20, 35},
  }};
  return kSpecs;
}

const JointSpec& spec(Joint j) { return joint_specs()[static_cast<std::size_t>(j)]; }

std::optional<Joint> parse_joint(std::string_view name) {
  for (const JointSpec& s : joint_specs())
    if (s.name == name) return s.joint;
  return std::nullopt;
}

std::vector<std::string> joint_names() {
  std::vector<std::string> out;
  for (const JointSpec& s : joint_specs()) out.emplace_back(s.name);
  return out;
}

Pose interpolate(const Pose& a, const Pose& b, double t) {
  Pose out;
  for (std::size_t i = 0; i < kJointCount; ++i) out.angles[i] = a.angles[i] + (b.angles[i] - a.angles[i]) * t;
  return out;
}

std::vector<std::string> limit_violations(const Pose& p) {
  std::vector<std::string> out;
  for (const JointSpec& s : joint_specs()) {
    const double v = p[s.joint];
    if (v < s.min || v > s.max)
      out.push_back(fmt::format("{} is {:g}; expected {:g} to {:g}", s.name, v, s.min, s.max));
  }
  return out;
}

std::string_view to_string(Side s) { return s == Side::kLeft ? "left" : "right"; }

std::optional<Side> parse_side(std::string_view s) {
  if (s == "left") return Side::kLeft;
  if (s == "right") return Side::kRight;
  return std::nullopt;
}

Side other(Side s) { return s == Side::kLeft ? Side::kRight : Side::kLeft; }

}  // namespace kc::figure
