// When to make an exercise harder, in words for a printout, from the progression rules' own
// numbers (progression.h, core/common/pain.h): the condition decide() checks before a step up,
// and the step step_up() would take from the dose in force. Pure.
#pragma once

#include <optional>
#include <string>

#include "core/catalog/catalog.h"
#include "core/plan/civil_date.h"
#include "core/tracking/progression.h"

namespace kc::tracking {

// "when you have done the whole dose with pain of 2/10 or less that has settled by the next
// morning, at most one step a week": the rule R4 (step-up) in docs/progression.md.
std::string step_up_condition();

// The next step up of exercise `e` from dose `d` ("more reps: 10 -> 12 (up to 15)"), or, at the
// top dose, "it is at its top dose; to make it harder: " and the catalog's first harder parameter
// change, else "it is at its top dose; ask a physiotherapist what comes next". `last_change` (the latest change of the
// dose, if any) adds "not before Mon 17 Mar" when the weekly limit applies.
std::string next_step(const Exercise& e, const Dose& d, const Catalog& catalog, const CanDo& can_do,
                      std::optional<CivilDate> last_change);

}  // namespace kc::tracking
