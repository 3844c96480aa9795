#include "core/plan/selection.h"

#include <algorithm>
#include <functional>

#include "core/plan/shortfall.h"

namespace kc {
namespace {

using Filter = std::function<bool(const Exercise&)>;

bool has_feasible_easier(const Exercise& e, const Catalog& catalog, const Profile& p) {
  return std::any_of(e.easier.begin(), e.easier.end(), [&](const Variant& v) {
    const Exercise* other = v.exercise.empty() ? nullptr : catalog.find(v.exercise);
    return other != nullptr && feasible(*other, p);
  });
}

bool chosen(const std::vector<Pick>& picks, const Exercise& e) {
  return std::any_of(picks.begin(), picks.end(), [&](const Pick& k) { return k.exercise == &e; });
}

// The best feasible exercise passing `ok`, or nullptr.
const Exercise* best(const Catalog& catalog, const Profile& p, const Filter& ok) {
  const Exercise* top = nullptr;
  int top_score = 0;
  for (const auto& e : catalog.all()) {  // id order, so the first of equals wins
    if (!ok(e) || !feasible(e, p)) continue;
    const int score = preference(e, catalog, p);
    if (top == nullptr || score > top_score) {
      top = &e;
      top_score = score;
    }
  }
  return top;
}

// Fills the slot for group `g` with an exercise whose kind passes `kind_ok`. Returns false when
// nothing can.
bool fill_slot(const Catalog& catalog, const Profile& p, ChainGroup g, const std::function<bool(Kind)>& kind_ok,
               std::vector<Pick>& picks) {
  auto primary_covered =
      std::any_of(picks.begin(), picks.end(), [g](const Pick& k) { return primary_group(*k.exercise) == g; });
  if (primary_covered) return true;
  const Exercise* main = best(
      catalog, p, [&](const Exercise& e) { return kind_ok(e.kind) && primary_group(e) == g && !chosen(picks, e); });
  if (main != nullptr) {
    picks.push_back({main, g, false});
    return true;
  }
  if (std::any_of(picks.begin(), picks.end(), [g](const Pick& k) { return works(*k.exercise, g); })) return true;
  const Exercise* any =
      best(catalog, p, [&](const Exercise& e) { return kind_ok(e.kind) && works(e, g) && !chosen(picks, e); });
  if (any == nullptr) return false;
  picks.push_back({any, g, true});
  return true;
}

void choose_strength(const Catalog& catalog, const Profile& p, Selection& s) {
  const auto strength = [](Kind k) { return k == Kind::kStrength; };
  for (ChainGroup g : {ChainGroup::kQuadriceps, ChainGroup::kHipsGlutes, ChainGroup::kHamstrings}) {
    if (!fill_slot(catalog, p, g, strength, s.strength))
      s.missing.push_back(missing_for_slot(catalog, p, Kind::kStrength, g));
  }
  // Calves and ankles are strengthened only when the catalog has a fitting exercise for them;
  // otherwise the stretching and mobility block covers them.
  const Exercise* calf = best(catalog, p, [&](const Exercise& e) {
    return e.kind == Kind::kStrength && primary_group(e) == ChainGroup::kCalvesAnkles && !chosen(s.strength, e);
  });
  if (calf != nullptr) s.strength.push_back({calf, ChainGroup::kCalvesAnkles, false});
}

bool same_muscles(const Exercise& a, const Exercise& b) { return a.muscles == b.muscles; }

void choose_inner_extras(const Catalog& catalog, const Profile& p, Selection& s) {
  if (!p.inner) return;
  for (const auto& e : catalog.all()) {
    if (e.kind != Kind::kStrength || !in_inner_knee_set(e) || !feasible(e, p) || chosen(s.strength, e)) continue;
    const bool duplicate = std::any_of(s.strength.begin(), s.strength.end(),
                                       [&](const Pick& k) { return same_muscles(*k.exercise, e); }) ||
                           std::any_of(s.inner_extras.begin(), s.inner_extras.end(),
                                       [&](const Pick& k) { return same_muscles(*k.exercise, e); });
    if (!duplicate) s.inner_extras.push_back({&e, std::nullopt, false});
  }
}

void choose_flexibility(const Catalog& catalog, const Profile& p, Selection& s) {
  const auto stretch = [](Kind k) { return k == Kind::kStretch; };
  const auto mobility = [](Kind k) { return k == Kind::kMobility; };
  for (ChainGroup g : kChainGroups) {
    if (fill_slot(catalog, p, g, stretch, s.flexibility)) continue;
    if (fill_slot(catalog, p, g, mobility, s.flexibility)) continue;
    s.missing.push_back(missing_for_slot(catalog, p, Kind::kStretch, g));
  }
  const bool has_mobility = std::any_of(s.flexibility.begin(), s.flexibility.end(),
                                        [](const Pick& k) { return k.exercise->kind == Kind::kMobility; });
  if (has_mobility) return;
  const Exercise* m = best(catalog, p, [&](const Exercise& e) {
    return e.kind == Kind::kMobility && !groups_of(e).empty() && !chosen(s.flexibility, e);
  });
  if (m == nullptr) m = best(catalog, p, [&](const Exercise& e) { return e.kind == Kind::kMobility; });
  if (m != nullptr) {
    s.flexibility.push_back({m, std::nullopt, false});
  } else {
    s.missing.push_back(missing_mobility(catalog, p));
  }
}

}  // namespace

bool gentle(const Profile& p) { return p.caution || p.band != PainBand::kLow; }

std::vector<const Exercise*> harder_versions(const Exercise& e, const Catalog& catalog) {
  std::vector<const Exercise*> out;
  for (const auto& other : catalog.all()) {
    if (&other == &e) continue;
    const bool links =
        std::any_of(other.easier.begin(), other.easier.end(), [&](const Variant& v) { return v.exercise == e.id; });
    if (links) out.push_back(&other);
  }
  return out;
}

int preference(const Exercise& e, const Catalog& catalog, const Profile& p) {
  int score = 0;
  if (e.from_articles) score += 100;
  if (p.inner && e.kind == Kind::kStrength && in_inner_knee_set(e)) score += 50;
  if (e.has_demand(Demand::kKneeling)) score -= 20;
  const bool balance = e.has_demand(Demand::kSingleLegBalance);
  if (gentle(p)) {
    if (!harder_versions(e, catalog).empty()) score += 60;
    if (has_feasible_easier(e, catalog, p)) score -= 60;
    if (balance) score -= 20;
  }
  if (p.older && balance) score -= 10;
  return score;
}

Selection select_exercises(const Catalog& catalog, const Profile& p) {
  Selection s;
  choose_strength(catalog, p, s);
  choose_inner_extras(catalog, p, s);
  choose_flexibility(catalog, p, s);
  return s;
}

}  // namespace kc
