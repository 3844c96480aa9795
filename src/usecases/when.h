// The day and instant a write acts at, shared by the logging use cases (check in, log a session,
// record a measure).
#pragma once

#include <optional>

#include "core/common/clock.h"
#include "core/plan/civil_date.h"

namespace kc::usecases {

struct When {
  CivilDate date;
  TimePoint at;
};

// `date` at 08:00 UTC when given (a back-dated entry), else the clock's today and now.
inline When when_of(const Clock& clock, std::optional<CivilDate> date) {
  if (!date) return When{clock.today(), clock.now()};
  return When{*date, TimePoint{*date} + std::chrono::hours{8}};
}

}  // namespace kc::usecases
