// figure/: the drawn body: proportions, poses, props and the geometric form cues.
// The body model: segment lengths from published anthropometry, and the filled shape of each
// body part as a convex hull of spheres, posed by forward kinematics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/figure/geometry.h"
#include "core/figure/pose.h"

namespace kc::figure {

// Segment lengths and joint heights as fractions of standing height H, from Winter,
// "Biomechanics and Motor Control of Human Movement" (4th ed., 2009, fig. 4.1), after
// Drillis & Contini (1966).
namespace winter {
inline constexpr double kShoulderHeight = 0.818;
inline constexpr double kHipHeight = 0.530;  // greater trochanter
inline constexpr double kKneeHeight = 0.285;
inline constexpr double kAnkleHeight = 0.039;
inline constexpr double kUpperArm = 0.186;
inline constexpr double kForearm = 0.146;
inline constexpr double kHand = 0.108;
inline constexpr double kThigh = 0.245;
inline constexpr double kShank = 0.246;
inline constexpr double kFootLength = 0.152;
inline constexpr double kShoulderWidth = 0.259;
inline constexpr double kHipWidth = 0.191;
inline constexpr double kChinToCrown = 0.130;
inline constexpr double kChinHeight = 1.0 - kChinToCrown;  // 0.870
}  // namespace winter

// What a part is dressed in; renderers map these to colours.
enum class Material { kSkin, kHair, kShirt, kTrousers, kShoe, kEye };

// Which side of the body a part belongs to.
enum class Laterality { kCentre, kLeft, kRight };

// One filled body part in scene coordinates: the convex hull of its spheres.
struct Part {
  std::string name;  // e.g. "left-thigh"
  Material material = Material::kSkin;
  Laterality side = Laterality::kCentre;
  std::vector<Sphere> spheres;
  Vec3 proximal;  // the joint the part hangs from
  Vec3 distal;    // the far end (for the drawing order and outline start)
};

// A named sphere of the body (a joint or a surface that can touch things), for contacts
// and form cues: "left-heel", "seat", "upper-back", ...
struct Landmark {
  std::string name;
  Sphere sphere;
};

// The body in a pose: its parts and landmarks in scene metres, and its facing direction.
struct PosedBody {
  std::vector<Part> parts;
  std::vector<Landmark> landmarks;
  Vec3 forward{1, 0, 0};     // the pelvis's forward direction
  Vec3 trunk_axis{0, 1, 0};  // from the lumbar joint up the torso
  double height = 1.70;      // standing height H

  // The landmark with this name, or nullptr.
  const Sphere* find(std::string_view name) const;
  // Moves every part and landmark by `d`.
  void translate(Vec3 d);
  // Lowest point of the body (minimum of sphere bottoms).
  double lowest() const;
};

// The standing height used for every figure, metres (a representative adult).
inline constexpr double kDefaultHeight = 1.70;

// Poses a body of height `height` metres by forward kinematics from the pelvis, which sits
// at the origin (the midpoint of the hip joints).
PosedBody pose_body(const Pose& pose, double height = kDefaultHeight);

// Every landmark name a pose file may use, sorted (for messages).
std::vector<std::string> landmark_names();

}  // namespace kc::figure
