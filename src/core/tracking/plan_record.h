// A planner's Plan as the record the store keeps. Pure.
#pragma once

#include "core/plan/plan.h"
#include "core/store/records.h"

namespace kc::tracking {

// The typed parts of `plan` (sessions with exercise ids and starting doses, calendar,
// review dates) plus `plan_json` (the planner's JSON document), for `person`, whose pain now
// at intake was `baseline_pain`.
store::PlanRecord to_record(const Plan& plan, store::PersonId person, int baseline_pain, TimePoint created_at,
                            std::string plan_json);

}  // namespace kc::tracking
