// The week-on-week rule of the pain-monitoring model, in one place: progression eases the dose
// when it holds (core/tracking/progression.cpp, R2), and the clinic's caseload flags it.
#pragma once

#include <optional>

namespace kc::tracking {

// Whether next-morning pain rose week on week: this week's mean at least kWeeklyRise (1 point,
// Salaffi 2004; core/tracking/progression.h) above last week's, both known.
bool pain_rising_week_on_week(std::optional<double> this_week, std::optional<double> last_week);

}  // namespace kc::tracking
