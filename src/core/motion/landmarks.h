// Pose landmarks as a camera pose model (MediaPipe Pose) reports them: 33 points per video
// frame in image coordinates. And the same landmarks for the illustrated figure, so the
// analyzer can be tested against poses whose truth is known.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "core/figure/body.h"

namespace kc::motion {

// MediaPipe Pose landmark indices (fixed by the model). "Left" is the person's own left.
enum class Mp : int {
  kNose = 0,
  kLeftEye = 2,
  kRightEye = 5,
  kLeftEar = 7,
  kRightEar = 8,
  kLeftShoulder = 11,
  kRightShoulder = 12,
  kLeftElbow = 13,
  kRightElbow = 14,
  kLeftWrist = 15,
  kRightWrist = 16,
  kLeftHip = 23,
  kRightHip = 24,
  kLeftKnee = 25,
  kRightKnee = 26,
  kLeftAnkle = 27,
  kRightAnkle = 28,
  kLeftHeel = 29,
  kRightHeel = 30,
  kLeftFootIndex = 31,
  kRightFootIndex = 32,
};

inline constexpr int kLandmarkCount = 33;

// One landmark: x and y as fractions of the image width and height (y down; may fall
// outside 0..1 when the point is out of the picture), z depth (unused), and the model's
// visibility 0..1.
struct ImagePoint {
  double x = 0;
  double y = 0;
  double z = 0;
  double visibility = 0;
};

// The landmarks of one video frame. `points` is empty when no person was found, else it
// has kLandmarkCount entries. `t_ms` is the frame's time, milliseconds, increasing.
struct LandmarkFrame {
  double t_ms = 0;
  int width = 0;
  int height = 0;
  std::vector<ImagePoint> points;

  bool has_person() const { return points.size() == static_cast<std::size_t>(kLandmarkCount); }
  const ImagePoint& at(Mp m) const { return points[static_cast<std::size_t>(m)]; }
};

// How scene metres map to an image seen from the figure's left (the figure faces right).
struct Camera {
  int width = 640;
  int height = 480;
  double centre_x = 0.3;   // scene x at the image centre, metres
  double centre_y = 0.85;  // scene y at the image centre, metres
  double pixels_per_metre = 210;
};

// The tip of the figure's nose (its head's centre when the head has no nose).
figure::Vec3 nose_of(const figure::PosedBody& body);

// The landmarks a perfect pose model would report for a placed figure seen side-on
// through `camera` (every point visible).
LandmarkFrame figure_landmarks(const figure::PosedBody& body, const Camera& camera, double t_ms);

}  // namespace kc::motion
