// Civil (calendar) dates for plans: whole days, no clock and no time zone.
// Built on howardhinnant date's header-only civil calendar (date::sys_days).
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/intake/answers.h"

namespace kc {

using CivilDate = date::sys_days;

// The date for year/month/day. Requires a valid Gregorian date.
CivilDate make_date(int year, unsigned month, unsigned day);

// Parses "YYYY-MM-DD" (four-digit year 1900-9999, two-digit month and day). Returns nullopt for
// anything else, including impossible dates such as 2025-02-30.
std::optional<CivilDate> parse_iso_date(std::string_view text);

// "YYYY-MM-DD".
std::string to_iso(CivilDate d);

// A time of day "HH:MM" on a 24-hour clock as (hour, minute); nullopt otherwise.
std::optional<std::pair<int, int>> parse_clock_time(std::string_view text);

// The intake weekday of a date.
Weekday weekday_of(CivilDate d);

// 0 for Monday ... 6 for Sunday.
int weekday_index(Weekday d);

// "Monday" ... "Sunday" and "Mon" ... "Sun".
std::string_view weekday_label(Weekday d);
std::string_view weekday_short(Weekday d);

// e.g. "Mon 3 Mar 2025" for people.
std::string describe_date(CivilDate d);
// e.g. "Mon 3 Mar", without the year.
std::string describe_day(CivilDate d);

}  // namespace kc
