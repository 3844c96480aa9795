#include "core/figure/scene.h"

#include <fmt/format.h>

#include <cmath>

namespace kc::figure {

namespace {

struct ViewName {
  View view;
  std::string_view name;
};

constexpr ViewName kViews[] = {
    {View::kSide, "side"}, {View::kFront, "front"}, {View::kBack, "back"}, {View::kTop, "top"}};

std::optional<Surface> find_surface(const std::vector<Surface>& all, const std::string& name) {
  for (const Surface& s : all)
    if (s.name == name) return s;
  return std::nullopt;
}

double centre_z(const PosedBody& body) {
  const Sphere* l = body.find("left-hip");
  const Sphere* r = body.find("right-hip");
  return (l->center.z + r->center.z) / 2;
}

}  // namespace

std::string_view to_string(View v) {
  for (const ViewName& n : kViews)
    if (n.view == v) return n.name;
  return "?";
}

std::optional<View> parse_view(std::string_view s) {
  for (const ViewName& n : kViews)
    if (n.name == s) return n.view;
  return std::nullopt;
}

std::vector<std::string> view_names() {
  std::vector<std::string> out;
  for (const ViewName& n : kViews) out.emplace_back(n.name);
  return out;
}

const Keyframe* ExercisePoses::keyframe(std::string_view name) const {
  for (const Keyframe& k : keyframes)
    if (k.name == name) return &k;
  return nullptr;
}

Result<PosedBody> place(const Keyframe& k, const std::vector<Prop>& props, double height) {
  PosedBody body = pose_body(k.pose, height);
  const std::vector<Surface> surfaces = scene_surfaces(props);
  const Sphere* anchor = body.find(k.anchor.landmark);
  if (anchor == nullptr) return make_error("unknown landmark '" + k.anchor.landmark + "'");
  const auto base = find_surface(surfaces, k.anchor.surface);
  if (!base) return make_error("no surface '" + k.anchor.surface + "' in the scene");
  if (base->vertical) return make_error("the anchor surface '" + k.anchor.surface + "' must be horizontal");
  Vec3 move{0, base->level - (anchor->center.y - anchor->radius), k.z - centre_z(body)};
  if (k.against) {
    const Sphere* touch = body.find(k.against->landmark);
    if (touch == nullptr) return make_error("unknown landmark '" + k.against->landmark + "'");
    const auto wall = find_surface(surfaces, k.against->surface);
    if (!wall || !wall->vertical)
      return make_error("'" + k.against->surface + "' is not a vertical surface in the scene");
    move.x = wall->level + wall->facing * touch->radius - touch->center.x;
  } else {
    move.x = k.anchor_x.value_or(0.0) - anchor->center.x;
  }
  body.translate(move);
  return body;
}

namespace {

void check_contact(const PosedBody& body, const Contact& c, const std::vector<Surface>& surfaces,
                   std::vector<std::string>& out) {
  const Sphere* s = body.find(c.landmark);
  const auto surface = find_surface(surfaces, c.surface);
  if (s == nullptr || !surface) {
    out.push_back(fmt::format("{} on {}: unknown landmark or surface", c.landmark, c.surface));
    return;
  }
  const auto gap = gap_to(*s, *surface, kContactTolerance);
  if (!gap) {
    out.push_back(fmt::format("{} is not over {}", c.landmark, c.surface));
  } else if (std::abs(*gap) > kContactTolerance) {
    out.push_back(fmt::format("{} is {:.1f} cm {} {}", c.landmark, std::abs(*gap) * 100,
                              *gap > 0 ? (surface->vertical ? "away from" : "above") : "into", c.surface));
  }
}

// A part sinks when its sphere's centre is above (or in front of) a surface, within its
// extent, but the sphere reaches through it by more than kSinkTolerance.
void check_sinking(const PosedBody& body, const std::vector<Surface>& surfaces, std::vector<std::string>& out) {
  for (const Part& part : body.parts) {
    for (const Surface& surface : surfaces) {
      double worst = 0;
      for (const Sphere& s : part.spheres) {
        const auto gap = gap_to(s, surface, 0.0);
        const double centre_side =
            surface.vertical ? (s.center.x - surface.level) * surface.facing : s.center.y - surface.level;
        if (gap && centre_side >= 0) worst = std::min(worst, *gap);
        if (gap && !surface.vertical && surface.name == "floor") worst = std::min(worst, *gap);
      }
      if (worst < -kSinkTolerance)
        out.push_back(fmt::format("{} sinks {:.1f} cm into {}", part.name, -worst * 100, surface.name));
    }
  }
}

}  // namespace

std::vector<std::string> sinking_problems(const PosedBody& body, const std::vector<Prop>& props) {
  std::vector<std::string> out;
  check_sinking(body, scene_surfaces(props), out);
  return out;
}

std::vector<std::string> contact_problems(const PosedBody& body, const Keyframe& k, const std::vector<Prop>& props) {
  const std::vector<Surface> surfaces = scene_surfaces(props);
  std::vector<std::string> out;
  check_contact(body, k.anchor, surfaces, out);
  if (k.against) check_contact(body, *k.against, surfaces, out);
  for (const Contact& c : k.contacts) check_contact(body, c, surfaces, out);
  check_sinking(body, surfaces, out);
  return out;
}

}  // namespace kc::figure
