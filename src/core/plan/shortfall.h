// What is missing for a balanced program, in plain words with how to fix it.
#pragma once

#include <vector>

#include "core/catalog/catalog.h"
#include "core/plan/chain.h"
#include "core/plan/plan.h"
#include "core/plan/profile.h"

namespace kc {

// No feasible exercise of `kind` for group `g`. The fix names what to add to the equipment
// (and for which exercise), or, when only abilities stand in the way, says so.
Missing missing_for_slot(const Catalog& catalog, const Profile& p, Kind kind, ChainGroup g);

// No feasible mobility exercise.
Missing missing_mobility(const Catalog& catalog, const Profile& p);

// Fewer than two exercise days.
Missing missing_days(const std::vector<Weekday>& days);

// Days that allow only one strength day (all adjacent). `additions` are weekdays that, added,
// would allow two strength days with a rest day between.
Missing missing_strength_days(const std::vector<Weekday>& days, const std::vector<Weekday>& additions);

// The essentials at their smallest doses take `needed_seconds`, more than the person's minutes.
Missing missing_minutes(int needed_seconds, int minutes_per_session);

// Why the planner leaves `e` out for this person, in plain words ("it needs kneeling; it needs a
// mat to be added to your equipment"), or empty when it may be in their program.
std::string excluded_because(const Exercise& e, const Profile& p);

// "a chair", "a step (a stair or an aerobic step)", ...
std::string equipment_phrase(Equipment e);

}  // namespace kc
