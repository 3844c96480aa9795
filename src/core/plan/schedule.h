// Laying the sessions out over the weeks: which weekdays get strengthening, the dates of every
// session, and the review points.
#pragma once

#include <vector>

#include "core/intake/answers.h"
#include "core/plan/civil_date.h"
#include "core/plan/plan.h"

namespace kc {

// Days from `a` forward to `b` around the week, 1..7 (Sunday to Monday is 1).
int days_forward(Weekday a, Weekday b);

// True when two different weekdays are next to each other, Sunday and Monday included.
bool adjacent(Weekday a, Weekday b);

// True when no two of `days` are adjacent, so each pair is at least 48 hours apart.
bool spaced_apart(const std::vector<Weekday>& days);

// The best set of up to `wanted` strength days among `days`: the largest size (at most
// `wanted`) with no two adjacent; among those, the one whose smallest gap around the week is
// largest; then the earliest in the week. Monday first. Empty when `days` is empty.
std::vector<Weekday> choose_strength_days(const std::vector<Weekday>& days, int wanted);

// Weekdays not in `days` that, added, would allow two strength days, Monday first.
std::vector<Weekday> days_allowing_two(const std::vector<Weekday>& days);

// Every session date from `start` over `weeks` weeks: each of `days`, a strength session on
// `strength_days`, a flexibility session on the others.
std::vector<ScheduledSession> lay_out(CivilDate start, int weeks, const std::vector<Weekday>& days,
                                      const std::vector<Weekday>& strength_days);

// A review at the end of week 6 when the plan lasts that long, and at the end of the plan when
// it lasts any other number of weeks.
std::vector<ReviewPoint> review_points(CivilDate start, int weeks);

}  // namespace kc
