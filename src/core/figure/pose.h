// A pose of the figure: the angles of every joint, in degrees, with their limits.
// Zero everywhere is standing upright, arms by the sides, facing +x.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc::figure {

// Every angle a pose sets. Signs follow anatomy: flexion, abduction and external rotation
// are positive; "left" means the figure's own left.
enum class Joint {
  kTrunk,       // torso lean from vertical, forward +; -90 lies face up, +90 face down
  kLumbar,      // torso flexion relative to the pelvis (pelvis pitch = trunk - lumbar)
  kSideBend,    // torso bent towards the left +
  kTwist,       // torso turned to the left + (relative to the pelvis)
  kNeck,        // head nodded forward +
  kPelvisList,  // left hip raised +
  kYaw,         // whole body turned to the left +, about the vertical
  kRoll,        // whole body rolled about its long axis, onto the right side +
  kLeftHip,
  kLeftHipAbduction,
  kLeftHipRotation,
  kLeftKnee,
  kLeftAnkle,  // dorsiflexion +
  kRightHip,
  kRightHipAbduction,
  kRightHipRotation,
  kRightKnee,
  kRightAnkle,
  kLeftShoulder,  // flexion: arm forward and up +
  kLeftShoulderAbduction,
  kLeftShoulderRotation,
  kLeftElbow,
  kLeftWrist,
  kRightShoulder,
  kRightShoulderAbduction,
  kRightShoulderRotation,
  kRightElbow,
  kRightWrist,
  kLeftAnkleInversion,  // foot turned in, toes towards the midline +; out (eversion) -
  kRightAnkleInversion,
  kCount
};

inline constexpr std::size_t kJointCount = static_cast<std::size_t>(Joint::kCount);

// A joint's content name (e.g. "left-knee") and its allowed range in degrees.
struct JointSpec {
  Joint joint;
  std::string_view name;
  double min;
  double max;
};

// Every joint with its limits, in Joint order.
const std::array<JointSpec, kJointCount>& joint_specs();
// The spec of one joint.
const JointSpec& spec(Joint j);
// The joint with this content name, or nullopt.
std::optional<Joint> parse_joint(std::string_view name);
// Every joint name, in Joint order (for messages).
std::vector<std::string> joint_names();

struct Pose {
  std::array<double, kJointCount> angles{};

  double operator[](Joint j) const { return angles[static_cast<std::size_t>(j)]; }
  double& operator[](Joint j) { return angles[static_cast<std::size_t>(j)]; }
};

// Angle by angle a + (b - a) * t.
Pose interpolate(const Pose& a, const Pose& b, double t);

// "left-knee is 170; expected 0 to 155" for every angle outside its limits.
std::vector<std::string> limit_violations(const Pose& p);

// Which leg or arm: the figure's left or right.
enum class Side { kLeft, kRight };
std::string_view to_string(Side s);
std::optional<Side> parse_side(std::string_view s);
Side other(Side s);

}  // namespace kc::figure
