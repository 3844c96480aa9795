// plan/: the planner: exercises chosen for the person, dosed and spread over their week.
// The personal exercise program: what to do, on which days, at what dose, and why.
// build_plan is pure and deterministic: the same answers, catalog and options give the same plan.
// The JSON form is documented in docs/plan-format.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/plan/chain.h"
#include "core/plan/civil_date.h"
#include "core/plan/program_calendar.h"
#include "core/triage/clearance.h"
#include "core/triage/level.h"

namespace kc {

inline constexpr int kDefaultWeeks = 6;
inline constexpr int kMaxWeeks = 52;
inline constexpr int kReviewWeek = 6;  // GLA:D length; reassess at 6 weeks

struct PlanOptions {
  CivilDate start;                       // the first day of week 1 (any weekday)
  int weeks = kDefaultWeeks;             // 1..kMaxWeeks
  Level level = Level::kGo;              // triage level; must be go or caution
  std::vector<std::string> cautions;     // triage messages behind a caution, shown with the plan
  std::optional<Clearance> clearance{};  // a clinician's clearance: its limits are kept, its words shown
};

// Which part of a session an exercise belongs to.
enum class Block { kStrength, kFlexibility };

struct PlannedExercise {
  const Exercise* exercise = nullptr;  // points into the catalog given to build_plan
  Block block = Block::kFlexibility;
  Dose dose;                 // for this session
  int seconds = 0;           // the dose's estimated duration (without moving between exercises)
  std::string reason;        // one line tied to the person
  std::string start_easier;  // with a caution: how to make it easier at first, or empty
  bool trimmed = false;      // fewer sets or holds than its starting dose, to fit the minutes
};

// The two session types. A: strengthening then stretching and mobility; B: stretching and mobility.
enum class SessionKind { kStrength, kFlexibility };

struct SessionTemplate {
  SessionKind kind = SessionKind::kFlexibility;
  std::string id;     // "A" or "B"
  std::string title;  // e.g. "Strength, then stretching and mobility"
  std::vector<PlannedExercise> exercises;
  int seconds = 0;  // every dose plus kMoveSeconds per exercise
  int minutes() const { return (seconds + 59) / 60; }
};

struct ScheduledSession {
  CivilDate date;
  int week = 1;  // 1-based, weeks counted from the start date
  SessionKind kind = SessionKind::kFlexibility;
};

struct ReviewPoint {
  int week = kReviewWeek;
  CivilDate date;    // the last day of that week
  std::string what;  // what to check and what to do with the result
};

struct Plan {
  CivilDate start;
  int weeks = kDefaultWeeks;
  Level level = Level::kGo;
  int pain = 0;
  std::string pain_band;
  int minutes_per_session = 20;
  std::vector<Weekday> days;               // exercise days, Monday first
  std::vector<Weekday> strength_days;      // subset of days, never adjacent (Sunday-Monday included)
  std::vector<SessionTemplate> sessions;   // A first (strength), then B when there are other days
  std::vector<ScheduledSession> calendar;  // every session date in order
  std::vector<ReviewPoint> reviews;
  std::vector<std::string> cautions;   // from triage; a clearance's words first
  std::optional<Clearance> clearance;  // who cleared the person, for what, and their limits
  std::vector<std::string> decisions;  // why the plan looks as it does, in plain words
  std::vector<std::string> safety;     // stop rules and when to see a clinician
  // One exercise for every muscle group in every session. False for a short or limited
  // program (too few minutes, or what the person can do or has leaves a group out); the
  // decisions then say what is left out and how to add it. Not part of the JSON form.
  bool complete = true;

  CivilDate end() const { return ProgramCalendar{start, weeks}.end(); }
  const SessionTemplate* session(SessionKind kind) const;
};

// Something the person's answers do not allow, and how to change that.
struct Missing {
  std::string what;  // e.g. "a stretch for the hamstrings (back of the thigh)"
  std::string fix;   // e.g. "add a chair to your equipment (for the Seated hamstring stretch)"
};

// Either a plan, or what is missing for a balanced one.
struct PlanOutcome {
  std::optional<Plan> plan;
  std::vector<Missing> missing;  // non-empty exactly when there is no plan
  // Without a plan: the single items of equipment that, added alone, would give one.
  std::vector<Equipment> enough_alone;
  bool ok() const { return plan.has_value(); }
};

// Builds the program from the answers read toward safety (read_safely); how contradictory
// answers were read comes first in the plan's decisions. Errors (not outcomes) are for options the caller should have
// checked: weeks outside 1..kMaxWeeks, or a level that does not allow a program. Requires `answers` that passed
// parse_answers and a catalog that passed check_catalog. The plan's exercises point into `catalog`, which must outlive
// it.
Result<PlanOutcome> build_plan(const Answers& answers, const Catalog& catalog, const PlanOptions& options);

}  // namespace kc
