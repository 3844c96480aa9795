// Props placed in a scene (chair, step, wall, mat, books, counter) as 3-D boxes, and the
// surfaces a body can rest on. Sizes are typical household ones, in metres.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/figure/geometry.h"

namespace kc::figure {

enum class PropKind { kChair, kStep, kWall, kMat, kBooks, kCounter };

std::string_view to_string(PropKind k);
std::optional<PropKind> parse_prop(std::string_view s);
std::vector<std::string> prop_names();

// A prop in the scene. `x` is its centre along the figure's facing axis (for a wall, its
// face); `z` its centre sideways. `facing` is +1 when the prop's front (a chair's seat
// edge, a wall's face, a counter's front) looks towards +x, -1 towards -x.
struct Prop {
  PropKind kind = PropKind::kChair;
  double x = 0;
  double z = 0;
  int facing = 1;
  std::optional<double> height;  // seat, step, stack or counter height; default typical
  std::optional<double> length;  // mat length
};

// What a box of a prop is, for colouring.
enum class PropPart { kWood, kWoodDark, kSeat, kWall, kMat, kBookA, kBookB, kBookC, kTowel, kCounterTop, kCounter };

// A solid box; props are drawn and checked as boxes.
struct Box {
  Vec3 min;
  Vec3 max;
  PropPart part = PropPart::kWood;
};

// The boxes that make up a prop.
std::vector<Box> prop_boxes(const Prop& p);

// A surface a body can rest on: horizontal (a top, at height `level`) or vertical (a wall
// face at x = `level`, looking towards `facing`). Extents bound where contact is possible.
struct Surface {
  std::string name;  // "floor", "chair", "chair-back", "step", "mat", "books", "counter", "wall"
  bool vertical = false;
  double level = 0;
  Vec3 min;  // extent (the level axis ignored)
  Vec3 max;
  int facing = 1;
};

// The surfaces of a prop.
std::vector<Surface> prop_surfaces(const Prop& p);
// The floor: y = 0, unbounded.
Surface floor_surface();
// Every surface of the scene: the floor and each prop's.
std::vector<Surface> scene_surfaces(const std::vector<Prop>& props);

// How far `s` is from resting on `surface`: the gap between the sphere's nearest point and
// the surface (negative when it sinks in). nullopt when the sphere is outside the surface's
// extent (beyond a tolerance `margin`).
std::optional<double> gap_to(const Sphere& s, const Surface& surface, double margin);

}  // namespace kc::figure
