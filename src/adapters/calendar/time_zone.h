// Time zones for calendar export, from the system tz database (howardhinnant date, USE_OS_TZDB).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace date {
class time_zone;
}

namespace kc::calendar {

struct Zone {
  std::string name;                     // IANA name, e.g. "Europe/London", or "UTC"
  const date::time_zone* tz = nullptr;  // nullptr for UTC
  bool utc() const { return tz == nullptr; }
};

// The zone to use. `requested` (from --tz), when not empty, must name a zone in the tz database
// ("UTC" is always known). Otherwise: `tz_env` ($TZ, a leading ':' ignored) when it names a
// known zone, else the system zone (/etc/localtime), else UTC.
Result<Zone> resolve_zone(const std::string& requested, const char* tz_env);

// One period of a zone's rules, for a VTIMEZONE STANDARD or DAYLIGHT component.
struct Observance {
  bool daylight = false;
  std::chrono::sys_seconds onset;  // when it starts (UTC)
  std::chrono::seconds offset_from{0};
  std::chrono::seconds offset_to{0};
  std::string abbreviation;  // e.g. "BST"
};

// Every observance in force at some time in [from, to], in order. Requires !zone.utc().
// A zone with no transitions before `from` starts its first observance at 1970-01-01.
std::vector<Observance> observances(const Zone& zone, std::chrono::sys_seconds from, std::chrono::sys_seconds to);

}  // namespace kc::calendar
