#include "core/figure/support.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/common/text.h"

namespace kc::figure {

const std::vector<RestingPart>& resting_parts() {
  static const std::vector<RestingPart> kParts{
      {"left-foot", {"left-heel", "left-ball", "left-toe"}},
      {"right-foot", {"right-heel", "right-ball", "right-toe"}},
      {"left-knee", {"left-knee"}},
      {"right-knee", {"right-knee"}},
      {"left-hand", {"left-hand", "left-fingers"}},
      {"right-hand", {"right-hand", "right-fingers"}},
      {"seat", {"seat"}},
  };
  return kParts;
}

std::vector<std::string> resting_part_names() {
  std::vector<std::string> out;
  for (const RestingPart& p : resting_parts()) out.emplace_back(p.name);
  return out;
}

namespace {

// The gap from a sphere to the nearest horizontal surface under its centre.
std::optional<Clearance> clearance_of(const Sphere& s, const std::vector<Surface>& surfaces) {
  std::optional<Clearance> best;
  for (const Surface& surface : surfaces) {
    if (surface.vertical || s.center.y < surface.level) continue;
    const auto gap = gap_to(s, surface, 0.0);
    if (gap && (!best || *gap < best->gap)) best = Clearance{*gap, surface.name};
  }
  return best;
}

bool contains(const std::vector<std::string>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool declared_contact(const Keyframe& k, std::string_view landmark) {
  if (k.anchor.landmark == landmark || (k.against && k.against->landmark == landmark)) return true;
  return std::any_of(k.contacts.begin(), k.contacts.end(), [&](const Contact& c) { return c.landmark == landmark; });
}

// Segment masses as fractions of body mass (Winter 2009, table 4.1): trunk split into
// thorax, abdomen and pelvis; head and neck together.
double mass_fraction(const std::string& part) {
  struct Mass {
    std::string_view suffix;
    double fraction;
  };
  constexpr Mass kMasses[] = {{"chest", 0.216},     {"abdomen", 0.139}, {"pelvis", 0.142}, {"head", 0.069},
                              {"neck", 0.012},      {"thigh", 0.100},   {"shank", 0.0465}, {"foot", 0.0145},
                              {"upper-arm", 0.028}, {"forearm", 0.016}, {"hand", 0.006}};
  for (const Mass& m : kMasses)
    if (part.size() >= m.suffix.size() && part.compare(part.size() - m.suffix.size(), m.suffix.size(), m.suffix) == 0)
      return m.fraction;
  return 0;  // hair, eyes
}

// Distance from p to the segment ab, in the floor plane (x, z).
double distance_to_segment(Point2 p, Point2 a, Point2 b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// How far p lies outside the convex polygon `hull` (counter-clockwise); 0 inside.
double outside_by(Point2 p, const std::vector<Point2>& hull) {
  if (hull.empty()) return 1e9;
  if (hull.size() == 1) return std::hypot(p.x - hull[0].x, p.y - hull[0].y);
  bool inside = hull.size() >= 3;
  double nearest = 1e9;
  for (std::size_t i = 0; i < hull.size(); ++i) {
    const Point2 a = hull[i];
    const Point2 b = hull[(i + 1) % hull.size()];
    if ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) < 0) inside = false;
    nearest = std::min(nearest, distance_to_segment(p, a, b));
  }
  return inside ? 0 : nearest;
}

// The centre of mass must lie over the outline of the body's spheres that rest on a
// horizontal surface (in the floor plane), unless the body leans on a wall.
void check_balance(const PosedBody& body, const Keyframe& k, const std::vector<Surface>& surfaces,
                   std::vector<std::string>& out) {
  std::vector<Point2> base;
  std::vector<std::string> names;
  bool on_wall = k.against.has_value();
  for (const Contact& c : k.contacts)
    for (const Surface& s : surfaces)
      if (s.vertical && s.name == c.surface) on_wall = true;
  if (on_wall) return;   // a wall takes the weight sideways; balance is not the question
  if (k.moving) return;  // mid-step, momentum carries the body over the next support
  for (const Part& p : body.parts) {
    bool rests = false;
    for (const Sphere& s : p.spheres) {
      const auto gap = clearance_of(s, surfaces);
      if (!gap || gap->gap > kRestingBand) continue;
      base.push_back({s.center.x, s.center.z});
      rests = true;
    }
    if (rests) names.push_back(p.name);
  }
  const Vec3 com = centre_of_mass(body);
  const double off = outside_by({com.x, com.z}, convex_hull(base));
  if (off <= kBalanceMargin) return;
  out.push_back(fmt::format(
      "the body would tip: its centre of mass is {:.1f} cm outside what it rests on ({}); move a support under it "
      "or shift the body over its supports",
      off * 100, names.empty() ? std::string("nothing") : join(names)));
}

// A knee bears weight only where it is the low point of its leg (kneeling, on all fours);
// lying with the leg straight, the back of the knee is naturally off the floor.
bool can_bear(const PosedBody& body, const RestingPart& part) {
  if (!part.name.ends_with("knee")) return true;
  const std::string side(part.name.substr(0, part.name.find('-')));
  const auto bottom = [&](const std::string& name) {
    const Sphere* s = body.find(name);
    return s->center.y - s->radius;
  };
  const double knee = bottom(side + "-knee");
  return knee < bottom(side + "-hip") && knee < bottom(side + "-ankle");
}

void check_parts(const PosedBody& body, const Keyframe& k, const std::vector<Surface>& surfaces,
                 std::vector<std::string>& out) {
  for (const RestingPart& part : resting_parts()) {
    const bool lifted = contains(k.lifted, part.name);
    const bool declared = std::any_of(part.landmarks.begin(), part.landmarks.end(),
                                      [&](std::string_view l) { return declared_contact(k, l); });
    if (declared && lifted) {
      out.push_back(fmt::format("{} is listed under 'lifted' and also rests in 'contacts'; expected one or the other",
                                part.name));
      continue;
    }
    const auto c = clearance(body, part, surfaces);
    if (declared || !c || (!lifted && !can_bear(body, part)))
      continue;  // contacts are checked with the contacts; nothing below: it is held
    if (lifted && c->gap < kClearLift) {
      out.push_back(
          fmt::format("{} is listed under 'lifted' but is only {:.1f} cm above {}; lift it at least {:.0f} "
                      "cm so the lift shows",
                      part.name, c->gap * 100, c->surface, kClearLift * 100));
    } else if (!lifted && c->gap > kContactTolerance && c->gap < kClearLift) {
      out.push_back(
          fmt::format("{} hovers {:.1f} cm above {}; rest it there (add it to 'contacts') or lift it at "
                      "least {:.0f} cm and list it under 'lifted'",
                      part.name, c->gap * 100, c->surface, kClearLift * 100));
    } else if (!lifted && part.name.ends_with("foot") && c->gap >= kClearLift) {
      out.push_back(
          fmt::format("{} is {:.1f} cm above {} but not listed under 'lifted'; rest it on a surface or "
                      "list it under 'lifted'",
                      part.name, c->gap * 100, c->surface));
    }
  }
}

// On a mat, every sphere resting low stays over the mat.
void check_mat(const PosedBody& body, const Keyframe& k, const std::vector<Surface>& surfaces,
               std::vector<std::string>& out) {
  if (k.anchor.surface != "mat") return;
  const auto mat = std::find_if(surfaces.begin(), surfaces.end(), [](const Surface& s) { return s.name == "mat"; });
  if (mat == surfaces.end()) return;
  for (const Part& part : body.parts) {
    double worst = 0;
    for (const Sphere& s : part.spheres) {
      if (s.center.y - s.radius - mat->level > kRestingBand) continue;
      const double slack = s.radius / 2;
      const double dx = std::max({mat->min.x - slack - s.center.x, s.center.x - mat->max.x - slack, 0.0});
      const double dz = std::max({mat->min.z - slack - s.center.z, s.center.z - mat->max.z - slack, 0.0});
      worst = std::max(worst, std::hypot(dx, dz));
    }
    if (worst > 0)
      out.push_back(
          fmt::format("{} rests {:.1f} cm off the mat; keep the body on the mat (move the figure or "
                      "lengthen the mat)",
                      part.name, worst * 100));
  }
}

}  // namespace

std::optional<Clearance> clearance(const PosedBody& body, const RestingPart& part,
                                   const std::vector<Surface>& surfaces) {
  std::optional<Clearance> best;
  for (std::string_view name : part.landmarks) {
    const Sphere* s = body.find(name);
    if (s == nullptr) continue;
    const auto c = clearance_of(*s, surfaces);
    if (c && (!best || c->gap < best->gap)) best = c;
  }
  return best;
}

Vec3 centre_of_mass(const PosedBody& body) {
  Vec3 sum;
  double mass = 0;
  for (const Part& p : body.parts) {
    const double m = mass_fraction(p.name);
    if (m == 0 || p.spheres.empty()) continue;
    Vec3 c;
    for (const Sphere& s : p.spheres) c = c + s.center;
    sum = sum + c * (m / static_cast<double>(p.spheres.size()));
    mass += m;
  }
  return mass > 0 ? sum * (1 / mass) : sum;
}

std::vector<std::string> support_problems(const PosedBody& body, const Keyframe& k, const std::vector<Prop>& props) {
  const std::vector<Surface> surfaces = scene_surfaces(props);
  std::vector<std::string> out;
  check_parts(body, k, surfaces, out);
  check_balance(body, k, surfaces, out);
  check_mat(body, k, surfaces, out);
  return out;
}

}  // namespace kc::figure
