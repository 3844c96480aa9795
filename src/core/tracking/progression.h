// tracking/: progress: doses changed by the pain-monitoring rules, measures, reviews and charts.
// Dose progression by the pain-monitoring model (Thomeé 1997; NEMEX-TJR, Ageberg 2010;
// Silbernagel 2007). Pure: the caller gathers the evidence from the store. Every branch is
// documented, with its source, in docs/progression.md; `Decision::rule` names the branch.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/catalog/catalog.h"
#include "core/common/pain.h"  // the pain bands: 0-2 safe, above 2 to 5 acceptable, above 5 too much
#include "core/plan/civil_date.h"
#include "core/plan/progression_steps.h"
#include "core/store/records.h"
#include "core/tracking/today.h"

namespace kc::tracking {

inline constexpr double kWeeklyRise = 1.0;   // a rise of 1 point in the weekly mean counts (Salaffi 2004)
inline constexpr int kDaysBetweenSteps = 7;  // at most one step up per exercise a week
using kc::kHoldStep;                         // seconds added per step up (core/plan/progression_steps.h)
using kc::kRepStep;                          // reps added per step up
using kc::kStrengthMaxSets;                  // GLA:D and ACSM: 2-3 sets (core/plan/progression_steps.h)
inline constexpr int kMinHoldSeconds = 10;   // ACSM: holds of 10-30 s
inline constexpr int kMinBreaths = 3;

// When the rules run: right after a session (only the "too much" branch can act), or at the
// next-morning check-in (every branch).
enum class Moment { kAfterSession, kCheckIn };

// The person's pain around the session being judged.
struct PainPicture {
  std::optional<int> next_morning;  // the check-in's rating; nullopt after a session
  int usual = 0;                    // the usual level (latest "pain now" before the session)
  std::optional<double> this_week;  // mean next-morning pain over the last 7 days
  std::optional<double> last_week;  // ... and over the 7 days before those
  PainLimit limit;                  // the acceptable pain for this person (acceptable_pain, core/common/pain.h)
};

// What is known about one plan exercise.
struct ExerciseEvidence {
  CurrentDose current;
  const Exercise* exercise = nullptr;             // the catalog record of current.exercise_id
  bool in_session = false;                        // it was part of the session being judged
  std::optional<store::ExerciseOutcome> outcome;  // logged outcome (nullopt: no log)
  std::optional<int> pain_during;                 // its own rating, else the session's
  bool changed_since_session = false;             // a dose change was stored after that session began
  std::optional<CivilDate> last_change;           // date of its latest dose change
  store::ExerciseFeedback feedback = store::ExerciseFeedback::kNone;  // said after that session (feedback.h)
  std::optional<Dose> limit;  // the most a clinician allows it (core/plan/changes.h)
};

struct Decision {
  store::DoseDecision decision = store::DoseDecision::kHold;
  std::string rule;       // the branch, e.g. "too-much-pain" (docs/progression.md)
  std::string reason;     // plain words for the person
  Dose to;                // the dose from now on (the current one when holding)
  std::string now_doing;  // the exercise from now on (another id after a variant swap)
  bool changed() const { return decision != store::DoseDecision::kHold; }
};

// Whether the person can do an exercise (equipment, kneeling, floor ...).
using CanDo = std::function<bool(const Exercise&)>;

// The rules for one exercise on `today`. Requires evidence.exercise.
Decision decide(const ExerciseEvidence& evidence, const PainPicture& pain, Moment moment, CivilDate today,
                const Catalog& catalog, const CanDo& can_do);

// One step up: more reps (to reps_max), longer holds (to hold_seconds_max), another set (to
// the catalog's sets, or kStrengthMaxSets for strength), then the harder variant. nullopt
// at the top. `why` receives what changed, in plain words.
std::optional<std::pair<std::string, Dose>> step_up(const Exercise& e, const Dose& d, const Catalog& catalog,
                                                    const CanDo& can_do, std::string& why);

// One step down: fewer reps (to kMinReps), shorter holds or fewer breaths, fewer holds, a set
// fewer, then the easier variant. nullopt at the bottom.
std::optional<std::pair<std::string, Dose>> step_down(const Exercise& e, const Dose& d, const Catalog& catalog,
                                                      const CanDo& can_do, std::string& why);

// A short description of a dose, e.g. "2 x 10 reps" or "3 x 30 s holds" or "1 x 5 breaths".
std::string short_dose(const Dose& d);

}  // namespace kc::tracking
