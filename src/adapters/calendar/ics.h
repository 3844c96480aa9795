// calendar/: the program as an iCalendar file (libical, the system time zones).
// The calendar use case's model (usecases/calendar.h) as an iCalendar file (RFC 5545), written
// with libical.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "adapters/calendar/time_zone.h"
#include "usecases/calendar.h"

namespace kc::calendar {

struct IcsOptions {
  int hour = 18;  // local start time of each session
  int minute = 0;
  Zone zone;            // the sessions' time zone; UTC times are written with a Z
  std::string version;  // kneecoach version, for PRODID
};

// The calendar: VERSION, PRODID, CALSCALE; a VTIMEZONE built from the tz database covering the
// program (unless UTC); one VEVENT per session of the model, at the given local time, lasting the
// session's estimated minutes, with the exercises and their doses in its DESCRIPTION; and one
// all-day VEVENT per review point. Deterministic: UIDs hash the model's uid_seed, the program
// start and the event's date and kind; DTSTAMP is the program's start date at 00:00 UTC.
std::string calendar_to_ics(const usecases::CalendarModel& model, const IcsOptions& options);

// "kc-" and 16 hex digits of a 64-bit FNV-1a hash of seed and key, then "@kneecoach".
std::string stable_uid(std::string_view seed, std::string_view key);

// The DESCRIPTION of a session event: its title and length, `as_of` (when not empty), each
// exercise with its dose and when and why it last changed, the stop rule under `pain_limit`
// (pain_stop_advice: the person's acceptable pain) and a reminder that
// kneecoach does not replace a clinician.
std::string session_description(const usecases::CalendarSession& session, const std::string& as_of,
                                const PainLimit& pain_limit);

}  // namespace kc::calendar
