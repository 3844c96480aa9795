// The weekly summary on the progress page and in `kneecoach progress`: this program week's
// sessions done against those planned, the pain trend against last week, the dose changes made
// this week, and what comes next. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/tracking/judge.h"

namespace kc::tracking {

struct WeekSummary {
  std::optional<int> week;                 // the program week of `today`; nullopt outside the program
  CivilDate first, last;                   // its first and last day (the program's first or last week outside it)
  int planned = 0;                         // sessions planned in the whole week
  int planned_so_far = 0;                  // ... of them dated on or before today
  int done = 0;                            // days of the week with a finished session (a day counts once)
  int partly = 0;                          // ... with a session stopped early after something was done
  std::optional<double> pain_this_week;    // mean next-morning pain this week, else mean pain during sessions
  std::optional<double> pain_last_week;    // the same for the week before
  std::string pain_trend;                  // "lower", "higher", "about the same", or "" without both weeks
  std::vector<store::DoseChange> changes;  // dose changes dated in the week, up to today
  std::optional<store::PlanDay> next;      // the next planned session after today
  std::optional<CivilDate> review;         // the review date when it falls in the next 7 days (or is today)
  std::vector<std::string> lines;          // the summary in plain words, one line per part, in order
};

// The summary of the program week that holds `today` (names from `catalog`). Pain: the week's
// next-morning ratings (else its pain-during ratings); a change of 1 point counts as lower or
// higher (Salaffi 2004, the minimal change kWeeklyRise uses). Sessions counted as adherence()
// counts them.
WeekSummary week_summary(const History& h, CivilDate today, const Catalog& catalog);

}  // namespace kc::tracking
