// The today use case: what a day holds in the person's program (the session at the doses in
// force, done or not, the next session, the program week, and the review when it is due).
#pragma once

#include <optional>
#include <string>

#include "core/common/clock.h"
#include "core/common/pain.h"
#include "core/common/result.h"
#include "core/store/store.h"
#include "core/tracking/review.h"
#include "core/tracking/today.h"
#include "usecases/content.h"
#include "usecases/program_view.h"

namespace kc::usecases {

struct TodayOutcome {
  store::Person person;
  store::PlanRecord plan;
  tracking::Today today;                       // the session, next, before the start / after the end
  tracking::PainReview review;                 // due on and after the first review date
  std::optional<int> week;                     // the program week of the day (core/plan/program_calendar.h)
  std::string week_text;                       // "week 3 of 6", or what lies outside the program
  std::optional<store::ProgramChange> paused;  // a clinician's pause in force (no session is scheduled)
  std::vector<store::ProgramChange> messages;  // a clinician's messages since the last session or check-in
  PainLimit pain_limit;                        // the acceptable pain during exercise (acceptable_pain)
};

// The requested day of the person's program, a clinician's changes applied (usecases/program.h). Errors: find_program's
// (errc::kNotFound, kNoProgram, kStopped unless allow_stopped, kFailed).
Result<TodayOutcome> today(store::Store& store, const Clock& clock, const Content& content, const ViewRequest& request);

}  // namespace kc::usecases
