#include "core/motion/skeleton.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/figure/geometry.h"

namespace kc::motion {
namespace {

P2 operator-(P2 a, P2 b) { return {a.f - b.f, a.u - b.u}; }
P2 mid(P2 a, P2 b) { return {(a.f + b.f) / 2, (a.u + b.u) / 2}; }
P2 lerp(P2 a, P2 b, double t) { return {a.f + (b.f - a.f) * t, a.u + (b.u - a.u) * t}; }
double norm(P2 a) { return std::hypot(a.f, a.u); }

// Signed angle (degrees) turning a into b, anticlockwise (forward of down) positive.
double turn(P2 a, P2 b) { return figure::degrees(std::atan2(a.f * b.u - a.u * b.f, a.f * b.f + a.u * b.u)); }

P2 from_figure(const figure::PosedBody& body, const std::string& name) {
  const figure::Sphere* s = body.find(name);
  return s != nullptr ? P2{s->center.x, s->center.y} : P2{};
}

Limb figure_limb(const figure::PosedBody& body, const std::string& side) {
  auto p = [&](const char* what) { return from_figure(body, side + "-" + what); };
  return {p("shoulder"), p("elbow"), p("wrist"), p("hip"), p("knee"), p("ankle"), p("heel"), p("toe")};
}

struct MpLimb {
  Mp shoulder, elbow, wrist, hip, knee, ankle, heel, toe;
};
constexpr MpLimb kMpLeft{Mp::kLeftShoulder, Mp::kLeftElbow, Mp::kLeftWrist, Mp::kLeftHip,
                         Mp::kLeftKnee,     Mp::kLeftAnkle, Mp::kLeftHeel,  Mp::kLeftFootIndex};
constexpr MpLimb kMpRight{Mp::kRightShoulder, Mp::kRightElbow, Mp::kRightWrist, Mp::kRightHip,
                          Mp::kRightKnee,     Mp::kRightAnkle, Mp::kRightHeel,  Mp::kRightFootIndex};

double px(const LandmarkFrame& f, Mp m) { return f.at(m).x * f.width; }
double py(const LandmarkFrame& f, Mp m) { return f.at(m).y * f.height; }
double dist_px(const LandmarkFrame& f, Mp a, Mp b) { return std::hypot(px(f, a) - px(f, b), py(f, a) - py(f, b)); }

std::optional<figure::Side> side_of(std::string_view name, std::string_view* rest) {
  for (auto [prefix, side] : {std::pair{std::string_view("left-"), figure::Side::kLeft},
                              std::pair{std::string_view("right-"), figure::Side::kRight}})
    if (name.substr(0, prefix.size()) == prefix) {
      *rest = name.substr(prefix.size());
      return side;
    }
  return std::nullopt;
}

P2 hip_mid(const Skeleton& s) { return mid(s.limbs[0].hip, s.limbs[1].hip); }
P2 shoulder_mid(const Skeleton& s) { return mid(s.limbs[0].shoulder, s.limbs[1].shoulder); }

}  // namespace

Skeleton skeleton_of(const figure::PosedBody& body) {
  Skeleton s;
  s.limbs[0] = figure_limb(body, "left");
  s.limbs[1] = figure_limb(body, "right");
  s.ear = from_figure(body, "head");
  const figure::Vec3 nose = nose_of(body);
  s.nose = {nose.x, nose.y};
  return s;
}

Skeleton skeleton_of(const LandmarkFrame& frame, const Orientation& o) {
  const double k = o.metres_per_pixel;
  // Image x right and y down; the skeleton's forward is the facing direction, up is -y.
  auto p = [&](Mp m) { return P2{o.facing * px(frame, m) * k, -py(frame, m) * k}; };
  auto limb = [&](const MpLimb& m) {
    return Limb{p(m.shoulder), p(m.elbow), p(m.wrist), p(m.hip), p(m.knee), p(m.ankle), p(m.heel), p(m.toe)};
  };
  Skeleton s;
  s.nose = p(Mp::kNose);
  s.ear = mid(p(Mp::kLeftEar), p(Mp::kRightEar));
  s.limbs[0] = limb(o.swap_sides ? kMpRight : kMpLeft);
  s.limbs[1] = limb(o.swap_sides ? kMpLeft : kMpRight);
  return s;
}

int facing_of(const LandmarkFrame& frame) {
  const double dx = px(frame, Mp::kLeftFootIndex) - px(frame, Mp::kLeftHeel) + px(frame, Mp::kRightFootIndex) -
                    px(frame, Mp::kRightHeel);
  const double foot =
      dist_px(frame, Mp::kLeftFootIndex, Mp::kLeftHeel) + dist_px(frame, Mp::kRightFootIndex, Mp::kRightHeel);
  if (foot <= 0 || std::abs(dx) < 0.25 * foot) return 0;
  return dx > 0 ? 1 : -1;
}

double leg_pixels(const LandmarkFrame& frame) {
  const double left = dist_px(frame, Mp::kLeftHip, Mp::kLeftKnee) + dist_px(frame, Mp::kLeftKnee, Mp::kLeftAnkle);
  const double right = dist_px(frame, Mp::kRightHip, Mp::kRightKnee) + dist_px(frame, Mp::kRightKnee, Mp::kRightAnkle);
  return std::max(left, right);
}

double leg_length(const Skeleton& s) {
  double best = 0;
  for (const Limb& l : s.limbs) best = std::max(best, norm(l.knee - l.hip) + norm(l.ankle - l.knee));
  return best;
}

std::optional<P2> stand_in(const Skeleton& s, std::string_view landmark) {
  std::string_view part;
  if (auto side = side_of(landmark, &part)) {
    const Limb& l = s.of(*side);
    if (part == "shoulder") return l.shoulder;
    if (part == "elbow") return l.elbow;
    if (part == "wrist" || part == "hand" || part == "fingers") return l.wrist;
    if (part == "hip" || part == "pelvis") return l.hip;
    if (part == "knee") return l.knee;
    if (part == "ankle") return l.ankle;
    if (part == "heel") return l.heel;
    if (part == "toe") return l.toe;
    if (part == "ball") return lerp(l.heel, l.toe, 0.8);
    return std::nullopt;
  }
  if (landmark == "head" || landmark == "back-of-head") return s.ear;
  if (landmark == "forehead" || landmark == "chin") return s.nose;
  if (landmark == "neck-base") return shoulder_mid(s);
  if (landmark == "seat" || landmark == "sacrum" || landmark == "lower-back" || landmark == "pelvis-front" ||
      landmark == "belly")
    return hip_mid(s);
  if (landmark == "chest" || landmark == "upper-back") return lerp(hip_mid(s), shoulder_mid(s), 0.75);
  return std::nullopt;
}

std::optional<double> joint_angle(const Skeleton& s, std::string_view joint) {
  const P2 trunk_up = shoulder_mid(s) - hip_mid(s);
  if (joint == "trunk") return turn(P2{0, 1}, trunk_up) * -1;
  std::string_view part;
  const auto side = side_of(joint, &part);
  if (!side) return std::nullopt;
  const Limb& l = s.of(*side);
  if (part == "knee") return 180.0 - std::abs(turn(l.hip - l.knee, l.ankle - l.knee));
  if (part == "hip") return turn(P2{-trunk_up.f, -trunk_up.u}, l.knee - l.hip);
  return std::nullopt;
}

std::optional<double> measure(const figure::Cue& cue, std::optional<figure::Side> leg, const Skeleton& s) {
  using figure::Measure;
  if (cue.measure == Measure::kJointAngle) return joint_angle(s, figure::bind_leg(cue.joint, leg));
  const auto from = stand_in(s, figure::bind_leg(cue.from, leg));
  if (!from) return std::nullopt;
  if (cue.measure == Measure::kClearance) {
    double floor = from->u;
    for (const Limb& l : s.limbs) floor = std::min({floor, l.heel.u, l.toe.u});
    return from->u - floor;
  }
  const auto to = stand_in(s, figure::bind_leg(cue.to, leg));
  if (!to) return std::nullopt;
  const P2 d = *to - *from;
  switch (cue.measure) {
    case Measure::kForwardOffset:
      return d.f;
    case Measure::kHeightOffset:
      return d.u;
    case Measure::kTilt:
      return figure::degrees(std::atan2(d.f, d.u));
    default:
      return std::nullopt;
  }
}

}  // namespace kc::motion
