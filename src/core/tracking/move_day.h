// Moving a planned session to another day (the browser's rest day offers it): which days it may
// go to. Pure. The store moves it (store::Store::move_plan_day); this says whether it may.
#pragma once

#include <vector>

#include "core/common/result.h"
#include "core/plan/civil_date.h"
#include "core/store/records.h"

namespace kc::tracking {

// A session moves at most this many days either way, so the week keeps its shape.
inline constexpr int kMoveWindowDays = 3;

// Whether the session planned on `from` may move to `to`, seen on `today`. Errors (errc::kInvalid
// unless said) name the field and say why in plain words:
//  - "from": no session is planned that day (errc::kNotFound), or it is in the past;
//  - "to": before today, outside the program, the same day, more than kMoveWindowDays away,
//    a day with a session already (errc::kConflict), or, for a strength session, the day
//    before or after another strength session (muscles need 48 hours between strength days,
//    ACSM: Garber 2011 — the planner's own spacing rule).
Status check_move(const store::PlanRecord& plan, CivilDate from, CivilDate to, CivilDate today);

// The days the session planned on `from` may move to, in date order (empty when none).
std::vector<CivilDate> move_days(const store::PlanRecord& plan, CivilDate from, CivilDate today);

// The planned day on `from`, or nullptr.
const store::PlanDay* planned_on(const store::PlanRecord& plan, CivilDate day);

}  // namespace kc::tracking
