// The progress use case: how the program is going on a day: the program week, adherence, pain
// by program week and its trend, the review, and every exercise at the dose in force (when and
// why it last changed). Charts are drawn from `history` by core/tracking/charts.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/plan/program_calendar.h"
#include "core/store/store.h"
#include "core/tracking/judge.h"
#include "core/tracking/review.h"
#include "core/tracking/week_summary.h"
#include "usecases/content.h"
#include "usecases/program_view.h"

namespace kc::usecases {

struct ProgressOutcome {
  store::Person person;
  tracking::History history;  // everything stored about the program
  CivilDate date;
  ProgramCalendar calendar;
  std::optional<int> week;  // calendar.week_of(date)
  std::string week_text;    // "week 3 of 6", or what lies outside the program
  tracking::Adherence adherence;
  std::vector<tracking::PainWeek> pain_weeks;  // by program week, up to the week of `date`
  std::string pain_trend;
  tracking::PainReview review;
  std::vector<SessionInForce> sessions;  // every exercise at the dose in force
  tracking::WeekSummary week_summary;    // this program week in brief, and what comes next
};

// The person's progress on the requested day; a stopped program is shown too. Errors:
// find_program's (errc::kNotFound, kNoProgram, kFailed).
Result<ProgressOutcome> progress(store::Store& store, const Clock& clock, const Content& content,
                                 const ViewRequest& request);

}  // namespace kc::usecases
