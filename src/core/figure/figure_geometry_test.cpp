#include <gtest/gtest.h>

#include <cmath>

#include "core/figure/geometry.h"

namespace kc::figure {
namespace {

TEST(FigureGeometry, RotationsAreRightHanded) {
  const Vec3 x{1, 0, 0};
  const Vec3 r = rot_z(90) * x;
  EXPECT_NEAR(r.x, 0, 1e-12);
  EXPECT_NEAR(r.y, 1, 1e-12);
  const Vec3 u = rot_x(90) * Vec3{0, 1, 0};
  EXPECT_NEAR(u.z, 1, 1e-12);
}

TEST(FigureGeometry, ConvexHullDropsInteriorPoints) {
  const auto hull = convex_hull({{0, 0}, {2, 0}, {2, 2}, {0, 2}, {1, 1}, {1, 0.5}});
  EXPECT_EQ(hull.size(), 4u);
}

TEST(FigureGeometry, ResampledOutlineHasFixedCountAndStartsAtTheExtreme) {
  const auto circle = circle_points({0, 0}, 1.0, 40);
  const auto pts = resample_outline(circle, 16, {0, -1});
  ASSERT_EQ(pts.size(), 16u);
  EXPECT_NEAR(pts.front().y, -1.0, 1e-6);  // the lowest point first
  for (const Point2& p : pts) EXPECT_NEAR(std::hypot(p.x, p.y), 1.0, 0.01);
}

}  // namespace
}  // namespace kc::figure
