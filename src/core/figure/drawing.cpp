#include "core/figure/drawing.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace kc::figure {

namespace {

// The camera's axes in the scene: right and up on the drawing, and towards the camera.
struct Basis {
  Vec3 right;
  Vec3 up;
  Vec3 toward;
};

Basis view_basis(View v) {
  switch (v) {
    case View::kSide:
      return {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    case View::kFront:
      return {{0, 0, 1}, {0, 1, 0}, {1, 0, 0}};
    case View::kBack:
      return {{0, 0, -1}, {0, 1, 0}, {-1, 0, 0}};
    case View::kTop:
      return {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}};
  }
  return {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
}

Basis basis(const Camera& c) {
  Basis b = view_basis(c.view);
  if (c.straight()) return b;
  const Mat3 swing = rot_y(c.turn);
  b.right = swing * b.right;
  b.toward = swing * b.toward;
  const double ct = std::cos(radians(c.tilt));
  const double st = std::sin(radians(c.tilt));
  const Vec3 up = b.up * ct - b.toward * st;
  b.toward = b.toward * ct + b.up * st;
  b.up = up;
  return b;
}

}  // namespace

Point2 project(Vec3 p, const Camera& c) {
  const Basis b = basis(c);
  return {dot(p, b.right), dot(p, b.up)};
}

double depth(Vec3 p, const Camera& c) { return dot(p, basis(c).toward); }

namespace {

constexpr Rgb kSkin{240, 196, 164};
constexpr Rgb kHair{92, 62, 42};
constexpr Rgb kShirt{66, 131, 196};
constexpr Rgb kTrousers{52, 66, 88};
constexpr Rgb kShoe{70, 70, 74};
constexpr Rgb kEye{34, 34, 34};
constexpr double kOutline = 0.0045;  // metres; about 1 px on a 400 px tall figure

Rgb shade(Rgb c, double f) {
  auto ch = [f](std::uint8_t v) { return static_cast<std::uint8_t>(std::clamp(v * f, 0.0, 255.0)); };
  return {ch(c.r), ch(c.g), ch(c.b)};
}

Rgb material_colour(Material m) {
  switch (m) {
    case Material::kSkin:
      return kSkin;
    case Material::kHair:
      return kHair;
    case Material::kShirt:
      return kShirt;
    case Material::kTrousers:
      return kTrousers;
    case Material::kShoe:
      return kShoe;
    case Material::kEye:
      return kEye;
  }
  return kSkin;
}

Rgb prop_colour(PropPart p) {
  switch (p) {
    case PropPart::kWood:
      return {196, 158, 116};
    case PropPart::kWoodDark:
      return {160, 120, 80};
    case PropPart::kSeat:
      return {184, 141, 95};
    case PropPart::kWall:
      return {226, 221, 212};
    case PropPart::kMat:
      return {118, 180, 154};
    case PropPart::kBookA:
      return {192, 80, 77};
    case PropPart::kBookB:
      return {79, 129, 189};
    case PropPart::kBookC:
      return {155, 187, 89};
    case PropPart::kTowel:
      return {242, 236, 222};
    case PropPart::kCounterTop:
      return {190, 172, 140};
    case PropPart::kCounter:
      return {222, 208, 182};
  }
  return {200, 200, 200};
}

// Parts on the midline are painted in a fixed order for the view: the hair goes behind the
// head unless the camera is behind the figure.
int centre_rank(std::string_view name, View v) {
  constexpr std::string_view kFront[] = {"hair", "pelvis", "abdomen", "chest", "neck", "head", "left-eye", "right-eye"};
  constexpr std::string_view kBack[] = {"left-eye", "right-eye", "pelvis", "abdomen", "chest", "neck", "head", "hair"};
  const auto& order = v == View::kBack ? kBack : kFront;
  for (std::size_t i = 0; i < std::size(order); ++i)
    if (order[i] == name) return static_cast<int>(i);
  return 0;
}

// Within one limb: upper part first, so the joint overlaps read from the body outwards.
int limb_rank(std::string_view name) {
  constexpr std::string_view kSuffixes[] = {"thigh", "shank", "foot", "upper-arm", "forearm", "hand"};
  for (std::size_t i = 0; i < std::size(kSuffixes); ++i) {
    const std::string_view s = kSuffixes[i];
    if (name.size() >= s.size() && name.substr(name.size() - s.size()) == s) return static_cast<int>(i % 3);
  }
  return 0;
}

bool is_arm(std::string_view name) {
  return name.find("arm") != std::string_view::npos || name.find("hand") != std::string_view::npos;
}

Point2 centre_of(const Part& p, const Camera& v) {
  Point2 c;
  for (const Sphere& s : p.spheres) {
    const Point2 q = project(s.center, v);
    c.x += q.x;
    c.y += q.y;
  }
  const double n = static_cast<double>(p.spheres.size());
  return {c.x / n, c.y / n};
}

double part_depth(const Part& p, const Camera& v) {
  double d = 0;
  for (const Sphere& s : p.spheres) d += depth(s.center, v);
  return d / static_cast<double>(p.spheres.size());
}

std::vector<Point2> outline_of(const Part& p, const Camera& v) {
  std::vector<Point2> pts;
  for (const Sphere& s : p.spheres) {
    const auto ring = circle_points(project(s.center, v), s.radius, 32);
    pts.insert(pts.end(), ring.begin(), ring.end());
  }
  return convex_hull(pts);
}

// The side of the body turned away from the camera, if one clearly is.
std::optional<Laterality> far_side(const PosedBody& body, const Camera& v) {
  const double l = depth(body.find("left-hip")->center, v) + depth(body.find("left-shoulder")->center, v);
  const double r = depth(body.find("right-hip")->center, v) + depth(body.find("right-shoulder")->center, v);
  if (l - r > 0.1) return Laterality::kRight;
  if (r - l > 0.1) return Laterality::kLeft;
  return std::nullopt;
}

// An eye shows only on the half of the head that faces the camera.
bool eye_visible(const PosedBody& body, const Part& eye, const Camera& v) {
  const Sphere* head = body.find("head");
  return depth(eye.spheres.front().center, v) > depth(head->center, v) + 0.25 * head->radius;
}

struct Ordered {
  double key;
  Shape shape;
};

void add_bounds(Drawing& d, const std::vector<Point2>& pts) {
  for (const Point2& p : pts) {
    d.min = {std::min(d.min.x, p.x), std::min(d.min.y, p.y)};
    d.max = {std::max(d.max.x, p.x), std::max(d.max.y, p.y)};
  }
}

std::vector<Point2> rectangle(Point2 a, Point2 b) { return {{a.x, a.y}, {b.x, a.y}, {b.x, b.y}, {a.x, b.y}}; }

std::vector<Point2> box_outline(Vec3 lo, Vec3 hi, const Camera& view) {
  std::vector<Point2> corners;
  for (const double x : {lo.x, hi.x})
    for (const double y : {lo.y, hi.y})
      for (const double z : {lo.z, hi.z}) corners.push_back(project(Vec3{x, y, z}, view));
  return convex_hull(corners);
}

// The floor: seen level, a band along the bottom; seen from above, a patch around the props
// and the figure's place (the same in every frame, so keyframes line up).
Shape floor_shape(const std::vector<Prop>& props, const Camera& view) {
  constexpr Rgb kFill{216, 210, 196};
  constexpr Rgb kStroke{170, 162, 148};
  if (view.tilt == 0) return {"floor", rectangle({-50, -0.05}, {50, 0}), kFill, kStroke, kOutline};
  constexpr double kReach = 1.2;  // metres around the figure's place
  Vec3 lo{-kReach, -0.05, -kReach};
  Vec3 hi{kReach, 0, kReach};
  for (const Prop& p : props)
    if (p.kind != PropKind::kWall)
      for (const Box& b : prop_boxes(p)) {
        lo = {std::min(lo.x, b.min.x - 0.15), lo.y, std::min(lo.z, b.min.z - 0.15)};
        hi = {std::max(hi.x, b.max.x + 0.15), hi.y, std::max(hi.z, b.max.z + 0.15)};
      }
  return {"floor", box_outline(lo, hi, view), {232, 228, 218}, kStroke, kOutline};
}

void draw_props(Drawing& d, const std::vector<Prop>& props, const Camera& view) {
  std::vector<Ordered> boxes;
  for (std::size_t i = 0; i < props.size(); ++i) {
    const auto parts = prop_boxes(props[i]);
    for (std::size_t j = 0; j < parts.size(); ++j) {
      const Box& b = parts[j];
      const Rgb fill = prop_colour(b.part);
      Shape s{"prop-" + std::to_string(i) + "-" + std::to_string(j), box_outline(b.min, b.max, view), fill,
              shade(fill, 0.7), kOutline};
      // A wall is tall and wide: only its face, up to 1 m, counts towards the bounds.
      if (props[i].kind == PropKind::kWall) {
        const Point2 face = project(Vec3{props[i].x, 0, props[i].z}, view);
        add_bounds(d, {{face.x, 0}, {face.x, 1.0}});
      } else {
        add_bounds(d, s.points);
      }
      // Walls, then mats, are behind everything; other boxes go by their centre's depth.
      double key = (depth(b.min, view) + depth(b.max, view)) / 2;
      if (props[i].kind == PropKind::kWall) key = -1e9;
      if (props[i].kind == PropKind::kMat) key = -1e8;
      boxes.push_back({key, std::move(s)});
    }
  }
  std::stable_sort(boxes.begin(), boxes.end(), [](const Ordered& a, const Ordered& b) { return a.key < b.key; });
  for (Ordered& o : boxes) d.shapes.push_back(std::move(o.shape));
}

Shape body_shape(const PosedBody& body, const Part& p, const Camera& view, std::optional<Laterality> far, int n) {
  Rgb fill = material_colour(p.material);
  if (far && p.side == *far) fill = shade(fill, 0.78);
  std::vector<Point2> pts = outline_of(p, view);
  if (p.material == Material::kEye && !eye_visible(body, p, view)) {
    const Point2 c = centre_of(p, view);
    pts.assign(1, c);
  }
  if (n > 0) {
    const Point2 a = project(p.proximal, view);
    const Point2 b = project(p.distal, view);
    Point2 dir{b.x - a.x, b.y - a.y};
    if (std::hypot(dir.x, dir.y) < 1e-6) dir = {0, -1};
    pts =
        pts.size() == 1 ? std::vector<Point2>(static_cast<std::size_t>(n), pts.front()) : resample_outline(pts, n, dir);
  }
  const double width = p.material == Material::kEye ? 0.0 : kOutline;
  return {p.name, std::move(pts), fill, shade(fill, 0.62), width};
}

}  // namespace

void include_bounds(Drawing& into, const Drawing& other) {
  into.min = {std::min(into.min.x, other.min.x), std::min(into.min.y, other.min.y)};
  into.max = {std::max(into.max.x, other.max.x), std::max(into.max.y, other.max.y)};
}

Drawing draw(const PosedBody& body, const std::vector<Prop>& props, const Camera& view, int outline_points) {
  Drawing d;
  d.min = {1e9, 1e9};
  d.max = {-1e9, -1e9};
  if (view.view != View::kTop) d.shapes.push_back(floor_shape(props, view));
  draw_props(d, props, view);
  const auto far = far_side(body, view);
  double pelvis_depth = 0;
  double chest_depth = 0;
  for (const Part& p : body.parts) {
    if (p.name == "pelvis") pelvis_depth = part_depth(p, view);
    if (p.name == "chest") chest_depth = part_depth(p, view);
  }
  // Midline parts sit at depth 0 in a fixed order; a limb part goes in front of them or
  // behind by how far its centre is in front of the pelvis (legs) or chest (arms).
  std::vector<Ordered> parts;
  for (const Part& p : body.parts) {
    double key = 1e-5 * centre_rank(p.name, view.view);
    if (p.side != Laterality::kCentre && p.material != Material::kEye)
      key = part_depth(p, view) - (is_arm(p.name) ? chest_depth : pelvis_depth) + 1e-4 * limb_rank(p.name);
    parts.push_back({key, body_shape(body, p, view, far, outline_points)});
  }
  std::stable_sort(parts.begin(), parts.end(), [](const Ordered& a, const Ordered& b) { return a.key < b.key; });
  for (Ordered& o : parts) {
    add_bounds(d, o.shape.points);
    d.shapes.push_back(std::move(o.shape));
  }
  return d;
}

}  // namespace kc::figure
