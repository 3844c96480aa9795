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

// The pain the program started from, as the plan stated it ("Your pain is 5/10": the higher of
// pain now and the worst in the past week, the plan JSON's `pain`); the record's baseline_pain
// (pain now at intake) when the plan JSON is missing or has none. `progress` shows this figure
// "at the start", so the plan and the progress report say the same.
int start_pain(const store::PlanRecord& plan);

}  // namespace kc::tracking
