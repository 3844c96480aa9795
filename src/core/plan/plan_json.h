// The stable JSON form of a plan and of a "too little to build" outcome (docs/plan-format.md).
#pragma once

#include <vector>

#include "core/catalog/exercise_json.h"
#include "core/plan/plan.h"

namespace kc {

inline constexpr int kPlanFormatVersion = 1;

// {"format": "kneecoach-plan", "version": 1, "status": "plan", ...}: field order fixed, every
// list in plan order, so the same plan always dumps to the same bytes.
Json plan_to_json(const Plan& plan);

// {"format": "kneecoach-plan", "version": 1, "status": "too-little", "missing": [{"what", "fix"}],
//  "enough_alone": ["chair", ...]} for an outcome without a plan.
Json shortfall_to_json(const PlanOutcome& outcome);
// The same for a bare list of what is missing ("enough_alone" empty).
Json shortfall_to_json(const std::vector<Missing>& missing);

}  // namespace kc
