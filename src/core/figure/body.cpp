#include "core/figure/body.h"

#include <algorithm>
#include <initializer_list>

namespace kc::figure {

const Sphere* PosedBody::find(std::string_view name) const {
  for (const Landmark& l : landmarks)
    if (l.name == name) return &l.sphere;
  return nullptr;
}

void PosedBody::translate(Vec3 d) {
  for (Part& p : parts) {
    for (Sphere& s : p.spheres) s.center = s.center + d;
    p.proximal = p.proximal + d;
    p.distal = p.distal + d;
  }
  for (Landmark& l : landmarks) l.sphere.center = l.sphere.center + d;
}

double PosedBody::lowest() const {
  double low = 1e9;
  for (const Part& p : parts)
    for (const Sphere& s : p.spheres) low = std::min(low, s.center.y - s.radius);
  return low;
}

namespace {

// A sphere in a segment's frame, in fractions of standing height.
struct Ball {
  double x;
  double y;
  double z;
  double r;
};

// Builds parts and landmarks from segment frames; local sizes are fractions of H.
// Sphere sizes are drawing choices for an average adult build; lengths come from winter::.
class Builder {
 public:
  explicit Builder(double height) : h_(height) { body_.height = height; }

  Vec3 at(const Frame& f, double x, double y, double z) const { return f.apply(Vec3{x * h_, y * h_, z * h_}); }

  Sphere sphere(const Frame& f, const Ball& b) const { return {at(f, b.x, b.y, b.z), b.r * h_}; }

  void part(std::string name, Material m, Laterality side, const Frame& f, std::initializer_list<Ball> balls,
            Vec3 distal_local) {
    Part p;
    p.name = std::move(name);
    p.material = m;
    p.side = side;
    for (const Ball& b : balls) p.spheres.push_back(sphere(f, b));
    p.proximal = f.origin;
    p.distal = at(f, distal_local.x, distal_local.y, distal_local.z);
    body_.parts.push_back(std::move(p));
  }

  void landmark(std::string name, const Frame& f, const Ball& b) {
    body_.landmarks.push_back({std::move(name), sphere(f, b)});
  }

  // The child frame at `offset` (fractions of H) in `parent`, turned by `joint`.
  Frame child(const Frame& parent, Vec3 offset, const Mat3& joint) const {
    return {parent.rotation * joint, at(parent, offset.x, offset.y, offset.z)};
  }

  PosedBody take() { return std::move(body_); }
  PosedBody& body() { return body_; }

 private:
  double h_;
  PosedBody body_;
};

double sign(Side s) { return s == Side::kLeft ? 1.0 : -1.0; }
Laterality lat(Side s) { return s == Side::kLeft ? Laterality::kLeft : Laterality::kRight; }
std::string named(Side s, const char* what) { return std::string(to_string(s)) + "-" + what; }

struct LegJoints {
  Joint hip, abduction, rotation, knee, ankle, inversion;
};
struct ArmJoints {
  Joint shoulder, abduction, rotation, elbow, wrist;
};

LegJoints leg_joints(Side s) {
  if (s == Side::kLeft)
    return {Joint::kLeftHip,  Joint::kLeftHipAbduction, Joint::kLeftHipRotation,
            Joint::kLeftKnee, Joint::kLeftAnkle,        Joint::kLeftAnkleInversion};
  return {Joint::kRightHip,  Joint::kRightHipAbduction, Joint::kRightHipRotation,
          Joint::kRightKnee, Joint::kRightAnkle,        Joint::kRightAnkleInversion};
}

ArmJoints arm_joints(Side s) {
  if (s == Side::kLeft)
    return {Joint::kLeftShoulder, Joint::kLeftShoulderAbduction, Joint::kLeftShoulderRotation, Joint::kLeftElbow,
            Joint::kLeftWrist};
  return {Joint::kRightShoulder, Joint::kRightShoulderAbduction, Joint::kRightShoulderRotation, Joint::kRightElbow,
          Joint::kRightWrist};
}

// Flexion about z, then abduction about x, then rotation about the limb's own axis.
Mat3 ball_joint(double flexion, double abduction, double external_rotation, Side s) {
  return rot_z(flexion) * rot_x(-abduction * sign(s)) * rot_y(-external_rotation * sign(s));
}

// Hip joint centres sit about half the hip width apart; the thigh spans hip to knee
// (winter::kThigh), the shank knee to ankle (winter::kShank); the foot's spheres put the
// ankle winter::kAnkleHeight above the sole and make it winter::kFootLength long.
void add_leg(Builder& b, const Pose& p, const Frame& pelvis, Side s) {
  const LegJoints j = leg_joints(s);
  const double z = sign(s);
  const Frame hip = b.child(pelvis, {0, 0, 0.052 * z}, ball_joint(p[j.hip], p[j.abduction], p[j.rotation], s));
  const Frame knee = b.child(hip, {0, -winter::kThigh, 0}, rot_z(-p[j.knee]));
  // Inversion turns the foot about the shank's axis, then the ankle bends it up or down.
  const Frame ankle = b.child(knee, {0, -winter::kShank, 0}, rot_y(p[j.inversion] * z) * rot_z(p[j.ankle]));
  const Laterality l = lat(s);
  b.part(named(s, "thigh"), Material::kTrousers, l, hip,
         {{0, 0, 0, 0.046}, {0.006, -0.08, 0, 0.046}, {0.002, -winter::kThigh, 0, 0.031}}, {0, -winter::kThigh, 0});
  b.part(named(s, "shank"), Material::kTrousers, l, knee,
         {{0, 0, 0, 0.031}, {-0.008, -0.075, 0, 0.034}, {0, -winter::kShank, 0, 0.019}}, {0, -winter::kShank, 0});
  b.part(named(s, "foot"), Material::kShoe, l, ankle,
         {{0, 0, 0, 0.019},
          {-0.025, -0.019, 0, 0.020},
          {0.075, -0.026, 0.014, 0.013},
          {0.075, -0.026, -0.014, 0.013},
          {0.097, -0.030, 0, 0.009}},
         {0.106, -0.030, 0});
  b.landmark(named(s, "hip"), hip, {0, 0, 0, 0.046});
  b.landmark(named(s, "knee"), knee, {0, 0, 0, 0.031});
  b.landmark(named(s, "ankle"), ankle, {0, 0, 0, 0.019});
  b.landmark(named(s, "heel"), ankle, {-0.025, -0.019, 0, 0.020});
  b.landmark(named(s, "ball"), ankle, {0.075, -0.026, 0, 0.013});
  b.landmark(named(s, "toe"), ankle, {0.097, -0.030, 0, 0.009});
}

// The shoulder joint sits near winter::kShoulderHeight, half the shoulder width out;
// upper arm, forearm and hand lengths are winter::kUpperArm, kForearm and kHand.
void add_arm(Builder& b, const Pose& p, const Frame& torso, Side s) {
  const ArmJoints j = arm_joints(s);
  const double z = sign(s);
  const Frame shoulder =
      b.child(torso, {0, 0.208, 0.098 * z}, ball_joint(p[j.shoulder], p[j.abduction], p[j.rotation], s));
  const Frame elbow = b.child(shoulder, {0, -winter::kUpperArm, 0}, rot_z(p[j.elbow]));
  const Frame wrist = b.child(elbow, {0, -winter::kForearm, 0}, rot_z(p[j.wrist]));
  const Laterality l = lat(s);
  b.part(named(s, "upper-arm"), Material::kShirt, l, shoulder,
         {{0, 0, 0, 0.033}, {0.003, -0.07, 0, 0.031}, {0, -winter::kUpperArm, 0, 0.024}}, {0, -winter::kUpperArm, 0});
  b.part(named(s, "forearm"), Material::kSkin, l, elbow,
         {{0, 0, 0, 0.023}, {0.002, -0.04, 0, 0.025}, {0, -winter::kForearm, 0, 0.016}}, {0, -winter::kForearm, 0});
  b.part(named(s, "hand"), Material::kSkin, l, wrist,
         {{0, 0, 0, 0.016}, {0.004, -0.04, 0, 0.021}, {0.018, -0.03, 0, 0.011}, {0.002, -0.094, 0, 0.014}},
         {0.002, -winter::kHand, 0});
  b.landmark(named(s, "shoulder"), shoulder, {0, 0, 0, 0.033});
  b.landmark(named(s, "elbow"), elbow, {0, 0, 0, 0.023});
  b.landmark(named(s, "wrist"), wrist, {0, 0, 0, 0.016});
  b.landmark(named(s, "hand"), wrist, {0.004, -0.04, 0, 0.021});
  b.landmark(named(s, "fingers"), wrist, {0.002, -0.094, 0, 0.014});
}

// Pelvis: hip joints at the origin, lumbar joint 0.07 H above (about iliac-crest height);
// overall width about winter::kHipWidth.
void add_pelvis(Builder& b, const Frame& pelvis) {
  b.part("pelvis", Material::kTrousers, Laterality::kCentre, pelvis,
         {{-0.005, 0.03, 0.040, 0.055},
          {-0.005, 0.03, -0.040, 0.055},
          {-0.022, -0.005, 0.045, 0.050},
          {-0.022, -0.005, -0.045, 0.050},
          {0.020, 0.035, 0.030, 0.045},
          {0.020, 0.035, -0.030, 0.045},
          {0, 0.07, 0.045, 0.050},
          {0, 0.07, -0.045, 0.050}},
         {0, 0.07, 0});
  b.landmark("seat", pelvis, {-0.022, -0.005, 0, 0.050});
  b.landmark("sacrum", pelvis, {-0.022, -0.005, 0, 0.050});
  b.landmark("pelvis-front", pelvis, {0.020, 0.035, 0, 0.045});
  b.landmark("left-pelvis", pelvis, {-0.005, 0.03, 0.040, 0.055});
  b.landmark("right-pelvis", pelvis, {-0.005, 0.03, -0.040, 0.055});
}

// Torso from the lumbar joint to the shoulders; shoulder width about winter::kShoulderWidth.
void add_torso(Builder& b, const Frame& torso) {
  b.part("abdomen", Material::kShirt, Laterality::kCentre, torso,
         {{0, 0, 0.045, 0.055}, {0, 0, -0.045, 0.055}, {0.008, 0.09, 0.05, 0.062}, {0.008, 0.09, -0.05, 0.062}},
         {0, 0.09, 0});
  b.part("chest", Material::kShirt, Laterality::kCentre, torso,
         {{0.008, 0.09, 0.05, 0.062},
          {0.008, 0.09, -0.05, 0.062},
          {0.012, 0.15, 0.055, 0.068},
          {0.012, 0.15, -0.055, 0.068},
          {0, 0.19, 0.05, 0.045},
          {0, 0.19, -0.05, 0.045},
          {-0.004, 0.208, 0.098, 0.032},
          {-0.004, 0.208, -0.098, 0.032}},
         {0, 0.218, 0});
  b.landmark("belly", torso, {0, 0, 0, 0.055});
  b.landmark("lower-back", torso, {0, 0, 0, 0.055});
  b.landmark("chest", torso, {0.012, 0.15, 0, 0.068});
  b.landmark("upper-back", torso, {0.012, 0.15, 0, 0.068});
  b.landmark("neck-base", torso, {0, 0.218, 0, 0.030});
}

// Neck from the top of the torso to chin height (winter::kChinHeight); head from chin to
// crown, winter::kChinToCrown.
void add_head(Builder& b, const Pose& p, const Frame& torso) {
  const Frame neck = b.child(torso, {0.004, 0.215, 0}, rot_z(-p[Joint::kNeck] / 2));
  const Frame head = b.child(neck, {0.004, 0.055, 0}, rot_z(-p[Joint::kNeck] / 2));
  b.part("neck", Material::kSkin, Laterality::kCentre, neck, {{0, -0.02, 0, 0.030}, {0.004, 0.055, 0, 0.027}},
         {0.004, 0.055, 0});
  b.part("hair", Material::kHair, Laterality::kCentre, head,
         {{-0.016, 0.078, 0, 0.053}, {0.004, 0.092, 0, 0.047}, {-0.030, 0.045, 0, 0.036}},
         {0, winter::kChinToCrown, 0});
  b.part("head", Material::kSkin, Laterality::kCentre, head,
         {{-0.008, 0.075, 0, 0.050},
          {0.020, 0.072, 0, 0.050},
          {0.006, 0.080, 0, 0.052},
          {0.035, 0.022, 0, 0.028},
          {0.068, 0.050, 0, 0.009}},
         {0, winter::kChinToCrown, 0});
  b.part("left-eye", Material::kEye, Laterality::kLeft, head, {{0.055, 0.068, 0.021, 0.0065}}, {0.06, 0.068, 0.021});
  b.part("right-eye", Material::kEye, Laterality::kRight, head, {{0.055, 0.068, -0.021, 0.0065}},
         {0.06, 0.068, -0.021});
  b.landmark("head", head, {0.006, 0.080, 0, 0.052});
  b.landmark("forehead", head, {0.020, 0.072, 0, 0.050});
  b.landmark("back-of-head", head, {-0.016, 0.078, 0, 0.053});  // the hair at the back
  b.landmark("chin", head, {0.035, 0.022, 0, 0.028});
}

}  // namespace

PosedBody pose_body(const Pose& p, double height) {
  Builder b(height);
  const double pelvis_pitch = p[Joint::kTrunk] - p[Joint::kLumbar];
  const Frame pelvis{
      rot_y(-p[Joint::kYaw]) * rot_z(-pelvis_pitch) * rot_y(p[Joint::kRoll]) * rot_x(-p[Joint::kPelvisList]), Vec3{}};
  const Frame torso =
      b.child(pelvis, {0, 0.07, 0}, rot_z(-p[Joint::kLumbar]) * rot_x(p[Joint::kSideBend]) * rot_y(-p[Joint::kTwist]));
  // Parts are listed far-to-near for an unturned side view; the renderer sorts by depth.
  add_leg(b, p, pelvis, Side::kRight);
  add_arm(b, p, torso, Side::kRight);
  add_pelvis(b, pelvis);
  add_torso(b, torso);
  add_head(b, p, torso);
  add_leg(b, p, pelvis, Side::kLeft);
  add_arm(b, p, torso, Side::kLeft);
  PosedBody& body = b.body();
  body.forward = pelvis.rotation * Vec3{1, 0, 0};
  body.trunk_axis = torso.rotation * Vec3{0, 1, 0};
  return b.take();
}

std::vector<std::string> landmark_names() {
  const PosedBody body = pose_body(Pose{});
  std::vector<std::string> out;
  for (const Landmark& l : body.landmarks) out.push_back(l.name);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kc::figure
