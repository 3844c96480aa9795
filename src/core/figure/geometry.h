// Small 2-D and 3-D geometry for the figure: vectors, rotations, spheres and convex hulls.
// Pure value types and functions; angles are in degrees at the edges, radians inside.
#pragma once

#include <vector>

namespace kc::figure {

inline constexpr double kPi = 3.14159265358979323846;

// Degrees to radians.
constexpr double radians(double degrees) { return degrees * kPi / 180.0; }
// Radians to degrees.
constexpr double degrees(double radians) { return radians * 180.0 / kPi; }

// A point or direction in the scene, metres. x forward (the way the figure faces when
// unturned), y up, z to the figure's left.
struct Vec3 {
  double x = 0;
  double y = 0;
  double z = 0;
};

Vec3 operator+(Vec3 a, Vec3 b);
Vec3 operator-(Vec3 a, Vec3 b);
Vec3 operator*(Vec3 a, double s);
// Dot product.
double dot(Vec3 a, Vec3 b);
// Euclidean length.
double length(Vec3 a);
// a + (b - a) * t.
Vec3 lerp(Vec3 a, Vec3 b, double t);

// A rotation as a 3x3 matrix (rows).
struct Mat3 {
  double m[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
};

Mat3 operator*(const Mat3& a, const Mat3& b);
Vec3 operator*(const Mat3& a, Vec3 v);
// Right-handed rotations about the x, y and z axes by `deg` degrees.
Mat3 rot_x(double deg);
Mat3 rot_y(double deg);
Mat3 rot_z(double deg);

// A rigid placement: rotation then translation.
struct Frame {
  Mat3 rotation;
  Vec3 origin;
  // A point given in this frame's coordinates, in the parent's coordinates.
  Vec3 apply(Vec3 local) const { return origin + rotation * local; }
};

// A sphere; the body is drawn as convex hulls of spheres.
struct Sphere {
  Vec3 center;
  double radius = 0;
};

// A point on a drawing, in scene metres (x right, y up).
struct Point2 {
  double x = 0;
  double y = 0;
};

// The convex hull of `points`, counter-clockwise, without repeated points.
std::vector<Point2> convex_hull(std::vector<Point2> points);

// `n` points evenly spaced around a circle, counter-clockwise from angle 0.
std::vector<Point2> circle_points(Point2 center, double radius, int n);

// The closed counter-clockwise outline resampled to exactly `n` points evenly spaced along
// its length, starting at the outline point furthest in direction `start`. Gives a stable
// point order, so two outlines of the same part can be interpolated point by point.
std::vector<Point2> resample_outline(const std::vector<Point2>& outline, int n, Point2 start);

}  // namespace kc::figure
