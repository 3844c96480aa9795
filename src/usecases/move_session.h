// Moving a coming session to another day (a rest day offers it, next to "do a session anyway"):
// the days it may go to, and the move itself, by core/tracking/move_day.h's rule.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/store/store.h"

namespace kc::usecases {

struct MoveChoices {
  store::PlanDay planned;       // the session that would move (date, week, session id)
  std::string title;            // its session's title
  std::vector<CivilDate> days;  // where it may go, in date order (may be empty)
};

// The first session planned on or after `from` (default the clock's today) and the days it may
// move to. Errors: find_program's; errc::kNotFound (field "date") when no session is planned
// from then on.
Result<MoveChoices> move_choices(store::Store& store, const Clock& clock, const std::string& person,
                                 std::optional<CivilDate> from);

struct MoveRequest {
  std::string person;
  CivilDate from;  // the day the session is planned on
  CivilDate to;    // the day it goes to
};

// Moves it, when tracking::check_move allows; returns the planned day as it is now. Errors:
// find_program's (a stopped program moves nothing); check_move's; the store's.
Result<store::PlanDay> move_session(store::Store& store, const Clock& clock, const MoveRequest& request);

}  // namespace kc::usecases
