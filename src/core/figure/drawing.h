// Turns a placed body and its props into flat, filled shapes for a given view: the list of
// drawing primitives every renderer paints in order. Pure; units stay scene metres.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/figure/body.h"
#include "core/figure/props.h"
#include "core/figure/scene.h"

namespace kc::figure {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
};

// A filled, outlined polygon in scene metres (x right, y up on the drawing).
struct Shape {
  std::string id;  // stable across frames: "left-thigh", "prop-0-3", "floor"
  std::vector<Point2> points;
  Rgb fill;
  Rgb stroke;
  double stroke_width = 0;  // metres
};

// Shapes in painting order (first is furthest back) and the region worth showing.
struct Drawing {
  std::vector<Shape> shapes;
  Point2 min;  // bounds of the body and props (the floor and walls are clipped to it)
  Point2 max;
};

// Where a scene point lands on the drawing, and how near it is to the camera.
Point2 project(Vec3 p, const Camera& c);
double depth(Vec3 p, const Camera& c);

// Draws props (back to front), then the body parts back to front. With `outline_points`
// > 0 every body outline is resampled to that many points, starting at a stable place, so
// the shapes of two frames can be blended point by point (hidden parts collapse to a point).
Drawing draw(const PosedBody& body, const std::vector<Prop>& props, const Camera& camera, int outline_points = 0);

// The union of two drawings' bounds.
void include_bounds(Drawing& into, const Drawing& other);

}  // namespace kc::figure
