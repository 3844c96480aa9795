// Fitting a session into the person's minutes by trimming and restoring doses.
#pragma once

#include <vector>

#include "core/plan/plan.h"

namespace kc {

// Seconds for a list of exercises: every dose plus kMoveSeconds per exercise.
int session_seconds(const std::vector<PlannedExercise>& items);

// Sets each item to its minimum dose (minimum_dose of its target), then, round-robin in list
// order, adds one set or hold at a time toward its target while the session stays within
// `budget_seconds`. Returns false (items at their minimum) when even the minimum does not fit.
// `targets` has one dose per item.
bool fit_doses(std::vector<PlannedExercise>& items, const std::vector<Dose>& targets, int budget_seconds);

}  // namespace kc
