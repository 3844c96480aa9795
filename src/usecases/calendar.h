// The calendar use case: the program as calendar events, one per scheduled session with the
// doses in force on the day of export (and when and why each last changed), and one per review
// point. Weeks are the program's (core/plan/program_calendar.h). The iCalendar writer
// (adapters/calendar/ics.h) only renders this model.
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/clock.h"
#include "core/common/pain.h"
#include "core/common/result.h"
#include "core/plan/plan.h"
#include "core/store/store.h"
#include "usecases/content.h"
#include "usecases/program_view.h"

namespace kc::usecases {

struct CalendarSession {
  CivilDate date;
  int week = 1;         // program week of `date`
  std::string session;  // "A" or "B"
  std::string title;
  int minutes = 0;                     // at the doses in force
  std::vector<DoseInForce> exercises;  // in order
};

struct CalendarReview {
  CivilDate date;  // the last day of `week`
  int week = 1;
  std::string what;
};

struct CalendarModel {
  ProgramCalendar calendar;
  std::string uid_seed;  // identifies the person's answers (their canonical JSON): stable event UIDs
  std::string as_of;     // "Doses in force on Mon 17 Mar 2025 (week 3 of 6)", or "" for a new plan
  std::vector<CalendarSession> sessions;
  std::vector<CalendarReview> reviews;
  PainLimit pain_limit;  // the acceptable pain (acceptable_pain of the clearance's ceiling)
};

// The events of `plan` at the doses in force after `changes` (pure). `as_of` as above;
// `pain_limit`: the person's acceptable pain, which each event's text quotes.
CalendarModel calendar_of(const store::PlanRecord& plan, const std::vector<store::DoseChange>& changes,
                          const Catalog& catalog, std::string uid_seed, std::string as_of,
                          const PainLimit& pain_limit = {});

// The person's stored program as calendar events, at the doses in force on the requested day.
// Errors: program_in_force's; errc::kFailed when the stored answers cannot be read.
Result<CalendarModel> calendar(store::Store& store, const Clock& clock, const Content& content,
                               const ViewRequest& request);

// A plan not yet stored (`export ics --answers`): the starting doses. `uid_seed` as above.
CalendarModel calendar_of_new_plan(const Plan& plan, const Catalog& catalog, std::string uid_seed);

}  // namespace kc::usecases
