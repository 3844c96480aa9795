#include "core/figure/props.h"

#include <algorithm>
#include <cmath>

namespace kc::figure {

namespace {

struct PropName {
  PropKind kind;
  std::string_view name;
};

constexpr PropName kPropNames[] = {{PropKind::kChair, "chair"}, {PropKind::kStep, "step"},
                                   {PropKind::kWall, "wall"},   {PropKind::kMat, "mat"},
                                   {PropKind::kBooks, "books"}, {PropKind::kCounter, "counter"}};

// Typical sizes (metres): a dining chair seat 0.46 high, 0.42 deep, 0.44 wide, back 0.90 high;
// a stair 0.17 high, 0.28 deep; an exercise mat 1.8 long, 0.6 wide, 12 mm thick; a book stack
// 0.15 high; a kitchen counter 0.90 high, 0.60 deep; a wall 2.4 high.
constexpr double kSeatHeight = 0.46;
constexpr double kSeatDepth = 0.42;
constexpr double kSeatWidth = 0.44;
constexpr double kChairBackHeight = 0.90;
constexpr double kStepHeight = 0.17;
constexpr double kStepDepth = 0.28;
constexpr double kMatLength = 1.8;
constexpr double kMatThickness = 0.012;
constexpr double kBooksHeight = 0.15;
constexpr double kCounterHeight = 0.90;
constexpr double kCounterDepth = 0.60;
constexpr double kWallHeight = 2.4;

Box box(double x0, double x1, double y0, double y1, double z0, double z1, PropPart part) {
  return {{std::min(x0, x1), y0, std::min(z0, z1)}, {std::max(x0, x1), y1, std::max(z0, z1)}, part};
}

std::vector<Box> chair(const Prop& p) {
  const double h = p.height.value_or(kSeatHeight);
  const double f = p.facing;
  const double front = p.x + f * kSeatDepth / 2;
  const double back = p.x - f * kSeatDepth / 2;
  const double z0 = p.z - kSeatWidth / 2;
  const double z1 = p.z + kSeatWidth / 2;
  const double leg = 0.035;
  std::vector<Box> out;
  for (double zl : {z0, z1 - leg}) {
    out.push_back(box(back, back + f * leg, 0, kChairBackHeight, zl, zl + leg, PropPart::kWoodDark));
    out.push_back(box(front, front - f * leg, 0, h - 0.04, zl, zl + leg, PropPart::kWoodDark));
  }
  out.push_back(box(back, back + f * 0.03, h + 0.18, kChairBackHeight - 0.03, z0, z1, PropPart::kWood));
  out.push_back(box(back, front, h - 0.04, h, z0, z1, PropPart::kSeat));
  return out;
}

std::vector<Box> books(const Prop& p) {
  const double h = p.height.value_or(kBooksHeight);
  const PropPart colours[] = {PropPart::kBookA, PropPart::kBookB, PropPart::kBookC};
  std::vector<Box> out;
  const int n = std::max(1, static_cast<int>(std::lround(h / 0.04)));
  const double towel = 0.015;
  const double each = (h - towel) / n;
  for (int i = 0; i < n; ++i) {
    const double inset = (i % 2) * 0.012;
    out.push_back(box(p.x - 0.12 + inset, p.x + 0.12 - inset / 2, i * each, (i + 1) * each, p.z - 0.14, p.z + 0.14,
                      colours[i % 3]));
  }
  out.push_back(box(p.x - 0.12, p.x + 0.12, h - towel, h, p.z - 0.15, p.z + 0.15, PropPart::kTowel));
  return out;
}

}  // namespace

std::string_view to_string(PropKind k) {
  for (const PropName& n : kPropNames)
    if (n.kind == k) return n.name;
  return "?";
}

std::optional<PropKind> parse_prop(std::string_view s) {
  for (const PropName& n : kPropNames)
    if (n.name == s) return n.kind;
  return std::nullopt;
}

std::vector<std::string> prop_names() {
  std::vector<std::string> out;
  for (const PropName& n : kPropNames) out.emplace_back(n.name);
  return out;
}

std::vector<Box> prop_boxes(const Prop& p) {
  switch (p.kind) {
    case PropKind::kChair:
      return chair(p);
    case PropKind::kStep: {
      const double h = p.height.value_or(kStepHeight);
      return {box(p.x - kStepDepth / 2, p.x + kStepDepth / 2, 0, h, p.z - 0.4, p.z + 0.4, PropPart::kWood)};
    }
    case PropKind::kWall:
      return {box(p.x, p.x - p.facing * 1.5, 0, kWallHeight, p.z - 1.5, p.z + 1.5, PropPart::kWall)};
    case PropKind::kMat: {
      const double l = p.length.value_or(kMatLength);
      return {box(p.x - l / 2, p.x + l / 2, 0, kMatThickness, p.z - 0.3, p.z + 0.3, PropPart::kMat)};
    }
    case PropKind::kBooks:
      return books(p);
    case PropKind::kCounter: {
      const double h = p.height.value_or(kCounterHeight);
      const double front = p.x + p.facing * kCounterDepth / 2;
      const double back = p.x - p.facing * kCounterDepth / 2;
      return {box(back, front - p.facing * 0.05, 0, h - 0.04, p.z - 0.6, p.z + 0.6, PropPart::kCounter),
              box(back, front, h - 0.04, h, p.z - 0.6, p.z + 0.6, PropPart::kCounterTop)};
    }
  }
  return {};
}

std::vector<Surface> prop_surfaces(const Prop& p) {
  const std::string name(to_string(p.kind));
  std::vector<Surface> out;
  if (p.kind == PropKind::kWall) {
    const Box b = prop_boxes(p).front();
    out.push_back({name, true, p.x, b.min, b.max, p.facing});
    return out;
  }
  const std::vector<Box> boxes = prop_boxes(p);
  Vec3 lo = boxes.front().min;
  Vec3 hi = boxes.front().max;
  for (const Box& b : boxes) {
    lo = {std::min(lo.x, b.min.x), std::min(lo.y, b.min.y), std::min(lo.z, b.min.z)};
    hi = {std::max(hi.x, b.max.x), std::max(hi.y, b.max.y), std::max(hi.z, b.max.z)};
  }
  if (p.kind == PropKind::kChair) {
    const double h = p.height.value_or(kSeatHeight);
    const Box& seat = boxes.back();
    out.push_back({name, false, h, seat.min, seat.max, p.facing});
    const Box& back = boxes[boxes.size() - 2];
    out.push_back({"chair-back",
                   false,
                   kChairBackHeight,
                   {back.min.x - 0.02, 0, back.min.z},
                   {back.max.x + 0.02, 0, back.max.z},
                   p.facing});
    return out;
  }
  out.push_back({name, false, hi.y, lo, hi, p.facing});
  return out;
}

Surface floor_surface() { return {"floor", false, 0.0, {-1e9, 0, -1e9}, {1e9, 0, 1e9}, 1}; }

std::vector<Surface> scene_surfaces(const std::vector<Prop>& props) {
  std::vector<Surface> out{floor_surface()};
  for (const Prop& p : props)
    for (Surface& s : prop_surfaces(p)) out.push_back(std::move(s));
  return out;
}

std::optional<double> gap_to(const Sphere& s, const Surface& surface, double margin) {
  const Vec3 c = s.center;
  const bool in_z = c.z >= surface.min.z - margin && c.z <= surface.max.z + margin;
  if (surface.vertical) {
    const bool in_y = c.y >= surface.min.y - margin && c.y <= surface.max.y + margin;
    if (!in_y || !in_z) return std::nullopt;
    return (c.x - surface.level) * surface.facing - s.radius;
  }
  const bool in_x = c.x >= surface.min.x - margin && c.x <= surface.max.x + margin;
  if (!in_x || !in_z) return std::nullopt;
  return c.y - s.radius - surface.level;
}

}  // namespace kc::figure
