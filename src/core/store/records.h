// The records kneecoach keeps: plain data, every one under a person id so one store can hold
// many people. Instants are UTC (TimePoint); `date` fields are the person's local calendar day.
// See docs/store.md for the SQLite schema these map to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog/exercise.h"
#include "core/common/clock.h"
#include "core/plan/civil_date.h"

namespace kc::store {

using Id = std::int64_t;  // > 0 once stored; 0 = not stored yet
using PersonId = Id;

struct Person {
  PersonId id = 0;
  std::string name;  // unique in the store, e.g. "me"
  TimePoint created_at{};
};

// The intake answers as the canonical format-v1 JSON document (answers_to_json(...).dump()).
struct AnswersRecord {
  Id id = 0;
  PersonId person = 0;
  TimePoint recorded_at{};
  std::string json;
  std::string triage_level;  // "go", "caution", "see_clinician", "urgent", "emergency"
};

// One exercise of a session template, at its starting dose.
struct PlanExercise {
  std::string exercise_id;
  std::string block;  // "strength" or "flexibility"
  Dose dose;          // the plan's starting dose (current doses: see DoseChange)
  std::string reason;
};

// A session template: "A" (strength, then stretching) or "B" (stretching and mobility).
struct PlanSession {
  std::string id;    // "A" or "B"
  std::string kind;  // "strength" or "flexibility"
  std::string title;
  std::vector<PlanExercise> exercises;  // in the order they are done
};

// One scheduled session date.
struct PlanDay {
  CivilDate date;
  int week = 1;
  std::string session;  // PlanSession::id
};

// A stored program: the typed parts `today`, `session` and progression need, plus the
// planner's own JSON (kept whole for display and export).
struct PlanRecord {
  Id id = 0;
  PersonId person = 0;
  Id answers = 0;  // the AnswersRecord it was built from
  TimePoint created_at{};
  CivilDate start;
  int weeks = 6;
  std::string level;      // triage level it was built under: "go" or "caution"
  int baseline_pain = 0;  // pain_now at intake: the usual level until a "pain now" is measured
  std::vector<PlanSession> sessions;
  std::vector<PlanDay> calendar;   // in date order
  std::vector<CivilDate> reviews;  // review dates (end of week 6, or of the plan)
  std::string plan_json;           // the planner's JSON document (may be empty)
  // Set when the program was stopped (red flag at a check-in): when and why.
  std::optional<TimePoint> stopped_at;
  std::string stop_reason;
};

// A clinician's clearance ("I have been seen and cleared"), kept with the plan built under it.
// `json` is core/triage/clearance.h's clearance_to_json: who, when, the flags cleared, the limits.
struct ClearanceRecord {
  Id id = 0;
  PersonId person = 0;
  Id plan = 0;  // the PlanRecord built respecting it
  TimePoint recorded_at{};
  CivilDate cleared_on;
  std::string json;
};

enum class SessionStatus { kInProgress, kFinished, kQuit };
enum class ExerciseOutcome { kDone, kPartly, kSkipped };
// What the person said of an exercise after the session (core/tracking/feedback.h uses it).
enum class ExerciseFeedback { kNone, kTooEasy, kTooHard, kHurt };

// One sitting of a planned session.
struct SessionLog {
  Id id = 0;
  PersonId person = 0;
  Id plan = 0;
  CivilDate date;       // the local date it was done on
  std::string session;  // PlanSession::id ("A" or "B")
  TimePoint started_at{};
  std::optional<TimePoint> ended_at;
  SessionStatus status = SessionStatus::kInProgress;
  std::optional<int> pain_during;  // 0-10, rated at the end
};

// What was actually done of one exercise in a session. A log is written once the exercise is
// finished (done, partly done or skipped); writing the same (session, position) again
// replaces the earlier log (the person went back and redid it).
struct ExerciseLog {
  Id id = 0;
  Id session = 0;  // SessionLog::id
  PersonId person = 0;
  int position = 0;  // 0-based place in the session template
  std::string exercise_id;
  ExerciseOutcome outcome = ExerciseOutcome::kDone;
  Dose planned;  // the dose it was meant to be done at
  int sets_done = 0;
  int reps_done = 0;        // all reps counted over sets (and sides)
  int holds_done = 0;       // holds completed over sets (and sides)
  int seconds = 0;          // time spent on it
  std::optional<int> pain;  // 0-10 pain during this exercise, when the player asked for it
  TimePoint finished_at{};
  std::string camera_json;                              // reserved for camera-derived fields; empty for now
  ExerciseFeedback feedback = ExerciseFeedback::kNone;  // said after the session, if anything
};

// Measure ids used in records; definitions are content (content/measures/*.yaml).
inline constexpr const char* kPainNow = "pain-now";
inline constexpr const char* kPainWorst24h = "pain-worst-24h";
inline constexpr const char* kPainNextMorning = "pain-next-morning";
inline constexpr const char* kPainDuring = "pain-during";  // mirrors SessionLog::pain_during
inline constexpr const char* kPsfs = "psfs";
inline constexpr const char* kChairStand = "chair-stand";
inline constexpr const char* kGrc = "grc";

// One item of a multi-item measure (PSFS: an activity and its 0-10 score).
struct MeasureItem {
  std::string label;
  double value = 0;
};

// A measurement: a pain rating, a PSFS (value = mean of its items), a chair-stand count, a
// global rating of change.
struct Measurement {
  Id id = 0;
  PersonId person = 0;
  std::string measure;  // one of the ids above
  TimePoint taken_at{};
  CivilDate date;
  double value = 0;
  std::vector<MeasureItem> items;
  std::optional<Id> session;  // the session it belongs to, if any
  std::string note;
};

// A next-morning check-in.
struct CheckIn {
  Id id = 0;
  PersonId person = 0;
  TimePoint at{};
  CivilDate date;
  int next_morning_pain = 0;           // 0-10
  std::vector<std::string> red_flags;  // answer fields newly true, e.g. "hot_red_swollen"
  std::string triage_level;            // after re-running triage ("go" when no red flag)
  bool stopped_program = false;
};

// The measurement a check-in is stored with: its next-morning pain, taken at the check-in's time.
inline Measurement next_morning_pain_of(const CheckIn& check_in) {
  Measurement pain;
  pain.person = check_in.person;
  pain.measure = kPainNextMorning;
  pain.taken_at = check_in.at;
  pain.date = check_in.date;
  pain.value = check_in.next_morning_pain;
  return pain;
}

enum class DoseDecision { kProgress, kHold, kEase };

// A change of one exercise's dose (or a swap to its easier/harder variant), with its reason.
struct DoseChange {
  Id id = 0;
  PersonId person = 0;
  Id plan = 0;
  TimePoint at{};
  CivilDate date;
  std::string exercise_id;  // the exercise as it appears in the plan
  std::string now_doing;    // the exercise id done from now on (differs after a variant swap)
  DoseDecision decision = DoseDecision::kHold;
  Dose from;
  Dose to;
  std::string reason;  // plain words, shown to the person
  Id check_in = 0;     // the check-in that made it; 0 when a session did
};

// What a clinician can change in a person's program (core/plan/changes.h applies them).
enum class ChangeKind { kAdd, kRemove, kSwap, kDose, kLimit, kPause, kResume, kMessage };

// One change a clinician made to a person's program, kept as it was made (never edited):
// what, to which exercise, by whom, when and why. When a safety rule of the planner would
// have refused it, `overridden_rule` names that rule and `override_reason` says why the
// clinician went ahead.
struct ProgramChange {
  Id id = 0;
  PersonId person = 0;
  Id plan = 0;  // the plan it changes (0 for a message, which is about no plan)
  TimePoint at{};
  CivilDate date;  // the local day it takes effect (pause, resume)
  ChangeKind kind = ChangeKind::kMessage;
  std::string exercise;      // add, remove, swap (the one replaced), dose, limit
  std::string replacement;   // swap: the exercise done instead
  std::string block;         // add, swap: the block it joins, "strength" or "flexibility"
  std::optional<Dose> dose;  // add, swap, dose: the dose set; limit: the highest dose allowed
  std::string text;          // message: what the patient reads
  std::string by;            // the clinician's user name
  std::string reason;        // why, in the clinician's words (may be empty for a message)
  std::string override_reason;
  std::string overridden_rule;
};

// A person's whole history, as an import stores it (Store::create_person_with_records).
struct PersonRecords {
  AnswersRecord answers;
  PlanRecord plan;
  std::vector<SessionLog> sessions;
  std::vector<ExerciseLog> logs;
  std::vector<Measurement> measurements;
  std::vector<CheckIn> check_ins;
  std::vector<DoseChange> changes;
};

}  // namespace kc::store
