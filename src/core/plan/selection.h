// Choosing the exercises: which catalog entries cover the chain for this person.
#pragma once

#include <optional>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/chain.h"
#include "core/plan/plan.h"
#include "core/plan/profile.h"

namespace kc {

struct Pick {
  const Exercise* exercise = nullptr;
  std::optional<ChainGroup> slot;  // the group it was chosen for; nullopt for mobility and extras
  bool secondary = false;          // covers `slot` though its main muscle is elsewhere
};

struct Selection {
  std::vector<Pick> strength;      // quadriceps, hips and glutes, hamstrings (+ calves if possible)
  std::vector<Pick> inner_extras;  // the rest of the inner-knee set, for inner-knee pain
  std::vector<Pick> flexibility;   // a stretch per chain group, then a mobility exercise
  std::vector<Missing> missing;    // slots nothing can fill, with how to fix that
};

// Fills each slot with the feasible exercise of the right kind whose main muscle is in the
// group (or, failing that, that works the group at all) and ranks highest by `preference`;
// ties go to the lower id. Deterministic.
Selection select_exercises(const Catalog& catalog, const Profile& p);

// How much the planner prefers an exercise for this person (higher is better), regardless of
// whether they can do it: +100 from the articles; +50 strengthening from the inner-knee set
// with inner-knee pain; -20 kneeling on the painful knee; with a caution or pain of 4 or more,
// +60 for an easier version of another exercise, -60 when a feasible easier version exists,
// -20 single-leg balance; -10 single-leg balance at 65 or over.
int preference(const Exercise& e, const Catalog& catalog, const Profile& p);

// Catalog exercises that list `e` as their easier version, in id order.
std::vector<const Exercise*> harder_versions(const Exercise& e, const Catalog& catalog);

// True when the person's pain or triage level calls for gentler choices.
bool gentle(const Profile& p);

}  // namespace kc
