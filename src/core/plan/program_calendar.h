// The one calendar of a program: week 1 starts on the program's start date (any weekday), each
// week is 7 days, and only weeks 1..weeks exist. Every view (plan, today, progress, charts,
// handout, calendar export, web pages) numbers weeks with this and nothing else.
//
//   const ProgramCalendar cal{plan.start, plan.weeks};
//   if (auto w = cal.week_of(today)) ... "week " + *w   // nullopt before the start or after the end
//   cal.describe(today)                                 // "week 3 of 6", or what lies outside
#pragma once

#include <optional>
#include <string>

#include "core/plan/civil_date.h"

namespace kc {

struct ProgramCalendar {
  CivilDate start;  // the first day of week 1
  int weeks = 1;    // >= 1

  // The program week of `d`: floor((d - start) / 7) + 1 when that is 1..weeks, else nullopt.
  std::optional<int> week_of(CivilDate d) const;
  // The first and last day of `week` (1-based; any integer, for laying out rows).
  CivilDate first_day(int week) const;
  CivilDate last_day(int week) const;
  // The last day of the program: the last day of week `weeks`.
  CivilDate end() const { return last_day(weeks); }
  bool contains(CivilDate d) const { return week_of(d).has_value(); }

  // "week 3 of 6"; outside the program "before the program starts (week 1 starts Mon 3 Mar 2025)"
  // or "after the program (it ended Sun 13 Apr 2025)".
  std::string describe(CivilDate d) const;
};

}  // namespace kc
