#include "core/figure/geometry.h"

#include <algorithm>
#include <cmath>

namespace kc::figure {

Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
double length(Vec3 a) { return std::sqrt(dot(a, a)); }
Vec3 lerp(Vec3 a, Vec3 b, double t) { return a + (b - a) * t; }

Mat3 operator*(const Mat3& a, const Mat3& b) {
  Mat3 r;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) r.m[i][j] = a.m[i][0] * b.m[0][j] + a.m[i][1] * b.m[1][j] + a.m[i][2] * b.m[2][j];
  return r;
}

Vec3 operator*(const Mat3& a, Vec3 v) {
  return {a.m[0][0] * v.x + a.m[0][1] * v.y + a.m[0][2] * v.z, a.m[1][0] * v.x + a.m[1][1] * v.y + a.m[1][2] * v.z,
          a.m[2][0] * v.x + a.m[2][1] * v.y + a.m[2][2] * v.z};
}

Mat3 rot_x(double deg) {
  const double c = std::cos(radians(deg));
  const double s = std::sin(radians(deg));
  return Mat3{{{1, 0, 0}, {0, c, -s}, {0, s, c}}};
}

Mat3 rot_y(double deg) {
  const double c = std::cos(radians(deg));
  const double s = std::sin(radians(deg));
  return Mat3{{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}};
}

Mat3 rot_z(double deg) {
  const double c = std::cos(radians(deg));
  const double s = std::sin(radians(deg));
  return Mat3{{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}};
}

namespace {

double cross(Point2 o, Point2 a, Point2 b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

}  // namespace

// Andrew's monotone chain.
std::vector<Point2> convex_hull(std::vector<Point2> points) {
  std::sort(points.begin(), points.end(), [](Point2 a, Point2 b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  if (points.size() < 3) return points;
  std::vector<Point2> hull(2 * points.size());
  std::size_t k = 0;
  for (const Point2& p : points) {
    while (k >= 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  for (std::size_t i = points.size() - 1, lower = k + 1; i > 0; --i) {
    const Point2& p = points[i - 1];
    while (k >= lower && cross(hull[k - 2], hull[k - 1], p) <= 0) --k;
    hull[k++] = p;
  }
  hull.resize(k - 1);
  return hull;
}

std::vector<Point2> circle_points(Point2 center, double radius, int n) {
  std::vector<Point2> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const double a = 2 * kPi * i / n;
    out.push_back({center.x + radius * std::cos(a), center.y + radius * std::sin(a)});
  }
  return out;
}

namespace {

double distance(Point2 a, Point2 b) { return std::hypot(b.x - a.x, b.y - a.y); }

}  // namespace

std::vector<Point2> resample_outline(const std::vector<Point2>& outline, int n, Point2 start) {
  std::vector<Point2> out;
  if (outline.empty() || n <= 0) return out;
  std::size_t first = 0;
  for (std::size_t i = 1; i < outline.size(); ++i)
    if (outline[i].x * start.x + outline[i].y * start.y > outline[first].x * start.x + outline[first].y * start.y)
      first = i;
  const std::size_t m = outline.size();
  double perimeter = 0;
  for (std::size_t i = 0; i < m; ++i) perimeter += distance(outline[i], outline[(i + 1) % m]);
  out.reserve(static_cast<std::size_t>(n));
  std::size_t edge = 0;  // current edge starts at outline[(first + edge) % m]
  double walked = 0;     // length of the edges before `edge`
  for (int k = 0; k < n; ++k) {
    const double target = perimeter * k / n;
    while (edge < m) {
      const Point2 a = outline[(first + edge) % m];
      const Point2 b = outline[(first + edge + 1) % m];
      const double len = distance(a, b);
      if (walked + len >= target || edge + 1 == m) {
        const double t = len > 0 ? std::clamp((target - walked) / len, 0.0, 1.0) : 0.0;
        out.push_back({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
        break;
      }
      walked += len;
      ++edge;
    }
  }
  return out;
}

}  // namespace kc::figure
