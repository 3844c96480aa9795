#include "core/motion/landmarks.h"

#include <string>
#include <string_view>

namespace kc::motion {
namespace {

ImagePoint project(figure::Vec3 p, const Camera& c) {
  ImagePoint out;
  out.x = (c.width / 2.0 + (p.x - c.centre_x) * c.pixels_per_metre) / c.width;
  out.y = (c.height / 2.0 - (p.y - c.centre_y) * c.pixels_per_metre) / c.height;
  out.z = -p.z;
  out.visibility = 1;
  return out;
}

figure::Vec3 landmark_or(const figure::PosedBody& body, std::string_view name, figure::Vec3 fallback) {
  const figure::Sphere* s = body.find(name);
  return s != nullptr ? s->center : fallback;
}

// The centre of a part's last sphere (the nose is the head's last sphere; an eye is one sphere).
figure::Vec3 part_tip(const figure::PosedBody& body, std::string_view name, figure::Vec3 fallback) {
  for (const figure::Part& part : body.parts)
    if (part.name == name && !part.spheres.empty()) return part.spheres.back().center;
  return fallback;
}

}  // namespace

figure::Vec3 nose_of(const figure::PosedBody& body) { return part_tip(body, "head", landmark_or(body, "head", {})); }

LandmarkFrame figure_landmarks(const figure::PosedBody& body, const Camera& camera, double t_ms) {
  LandmarkFrame f;
  f.t_ms = t_ms;
  f.width = camera.width;
  f.height = camera.height;
  f.points.assign(kLandmarkCount, ImagePoint{});
  const figure::Vec3 head = landmark_or(body, "head", {});
  auto set = [&](Mp m, figure::Vec3 p) { f.points[static_cast<std::size_t>(m)] = project(p, camera); };
  auto named = [&](const char* side, const char* what) {
    return landmark_or(body, std::string(side) + "-" + what, head);
  };
  set(Mp::kNose, nose_of(body));
  for (int i : {1, 2, 3}) f.points[static_cast<std::size_t>(i)] = project(part_tip(body, "left-eye", head), camera);
  for (int i : {4, 5, 6}) f.points[static_cast<std::size_t>(i)] = project(part_tip(body, "right-eye", head), camera);
  set(Mp::kLeftEar, head);
  set(Mp::kRightEar, head);
  const figure::Vec3 mouth = landmark_or(body, "chin", head);
  f.points[9] = project(mouth, camera);
  f.points[10] = project(mouth, camera);
  struct SideNames {
    const char* side;
    Mp shoulder, elbow, wrist, hip, knee, ankle, heel, toe;
    int pinky, index, thumb;
  };
  for (const SideNames& s :
       {SideNames{"left", Mp::kLeftShoulder, Mp::kLeftElbow, Mp::kLeftWrist, Mp::kLeftHip, Mp::kLeftKnee,
                  Mp::kLeftAnkle, Mp::kLeftHeel, Mp::kLeftFootIndex, 17, 19, 21},
        SideNames{"right", Mp::kRightShoulder, Mp::kRightElbow, Mp::kRightWrist, Mp::kRightHip, Mp::kRightKnee,
                  Mp::kRightAnkle, Mp::kRightHeel, Mp::kRightFootIndex, 18, 20, 22}}) {
    set(s.shoulder, named(s.side, "shoulder"));
    set(s.elbow, named(s.side, "elbow"));
    set(s.wrist, named(s.side, "wrist"));
    const figure::Vec3 fingers = named(s.side, "fingers");
    for (int i : {s.pinky, s.index, s.thumb}) f.points[static_cast<std::size_t>(i)] = project(fingers, camera);
    set(s.hip, named(s.side, "hip"));
    set(s.knee, named(s.side, "knee"));
    set(s.ankle, named(s.side, "ankle"));
    set(s.heel, named(s.side, "heel"));
    set(s.toe, named(s.side, "toe"));
  }
  return f;
}

}  // namespace kc::motion
