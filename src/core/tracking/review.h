// The week-6 review (GLA:D length; Farrar 2001's minimal important change) and the progress
// summary that `kneecoach progress` prints and charts. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/tracking/judge.h"

namespace kc::tracking {

inline constexpr double kPainFallPoints = 2.0;    // Farrar 2001: 2 points ...
inline constexpr double kPainFallPercent = 30.0;  // ... or 30%

struct PainReview {
  bool due = false;               // `today` is on or after the first review date
  CivilDate date;                 // the review date
  int baseline = 0;               // intake pain_now
  std::optional<double> current;  // mean pain rating over the 7 days up to today (latest if none)
  double fell_points = 0;
  double fell_percent = 0;
  bool improved = false;       // fell >= 2 points or >= 30%
  bool see_clinician = false;  // due, rated, and not improved
  std::string message;         // what it means and what to do
};

// The program's first review date: its first stored review, else the program's last day.
CivilDate review_date(const store::PlanRecord& plan);

// What the review looks for, for a person whose pain was `baseline` at the start: "your usual
// pain should have fallen by at least 2 points or 30% (from 4/10 to 2/10 or less)".
std::string review_goal(int baseline);

// The review of `h.plan` on `today`. Pain ratings counted: pain now and next morning.
PainReview pain_review(const History& h, CivilDate today);

struct Adherence {
  int planned = 0;  // planned sessions dated on or before today
  int done = 0;     // finished sessions of the plan dated on or before today
  int partly = 0;   // quit sessions with at least one exercise done or partly done
  int percent = 0;  // done of planned, 0-100 (capped)
};

Adherence adherence(const History& h, CivilDate today);

// One week of pain ratings.
struct PainWeek {
  int week = 1;                        // plan week
  std::optional<double> during;        // mean pain during sessions
  std::optional<double> next_morning;  // mean next-morning pain
  std::optional<double> now;           // mean "pain now"
};

// Weekly pain means by program week (core/plan/program_calendar.h): weeks 1 to the week of
// `today`, every week once the program is over, none before it starts.
std::vector<PainWeek> pain_by_week(const History& h, CivilDate today);

// First and latest value of a measure (PSFS mean score, chair-stand count).
struct Change {
  std::string measure;
  std::optional<store::Measurement> first;
  std::optional<store::Measurement> latest;
  std::optional<double> change() const;  // latest - first, when both exist and differ
};

Change change_of(const History& h, const std::string& measure);

// "falling", "steady", "rising" or "not enough ratings yet", comparing the first and the last
// week with next-morning (else any) ratings; 1 point counts as a change (Salaffi 2004).
std::string pain_trend(const std::vector<PainWeek>& weeks);

}  // namespace kc::tracking
