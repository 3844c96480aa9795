// calendar/: the program as an iCalendar file (libical, the system time zones).
// A plan as an iCalendar file (RFC 5545), written with libical.
#pragma once

#include <string>
#include <string_view>

#include "adapters/calendar/time_zone.h"
#include "core/plan/plan.h"

namespace kc::calendar {

struct IcsOptions {
  int hour = 18;  // local start time of each session
  int minute = 0;
  Zone zone;             // the sessions' time zone; UTC times are written with a Z
  std::string uid_seed;  // identifies the person's answers, e.g. their canonical JSON
  std::string version;   // kneecoach version, for PRODID
};

// The calendar: VERSION, PRODID, CALSCALE; a VTIMEZONE built from the tz database covering the
// plan (unless UTC); one VEVENT per scheduled session, at the given local time, lasting the
// session's estimated minutes, with the exercises and doses in its DESCRIPTION; and one
// all-day VEVENT per review point. Deterministic: UIDs hash `uid_seed`, the plan start and the
// event's date and kind; DTSTAMP is the plan's start date at 00:00 UTC.
std::string plan_to_ics(const Plan& plan, const IcsOptions& options);

// "kc-" and 16 hex digits of a 64-bit FNV-1a hash of seed and key, then "@kneecoach".
std::string stable_uid(std::string_view seed, std::string_view key);

// The DESCRIPTION of a session event: its title and length, each exercise with its dose, the
// stop rule and a reminder that kneecoach does not replace a clinician.
std::string session_description(const SessionTemplate& session);

}  // namespace kc::calendar
