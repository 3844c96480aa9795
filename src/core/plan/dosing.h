// Doses for a plan: the catalog default scaled to the person's pain and triage level, the
// smallest dose still worth doing, and how long a dose takes.
#pragma once

#include "core/catalog/exercise.h"
#include "core/plan/profile.h"

namespace kc {

inline constexpr int kMoveSeconds = 25;                         // moving to and setting up for each exercise
inline constexpr int kBreathSeconds = 6;                        // one slow breath in a counted hold
inline constexpr int kStretchHoldMin = kStretchHoldMinSeconds;  // static stretch holds (catalog/exercise.h)
inline constexpr int kStretchHoldMax = kStretchHoldMaxSeconds;
inline constexpr int kMinReps = 5;  // never scale below this many reps

// The starting dose. Strength and mobility: the catalog default stepped down
// `p.dose_steps` times (pain band moderate, 3-5, one step; high, 6-10, two; caution one more):
//   1: one set fewer (or 90% of the reps when there is one set; mobility keeps its sets),
//   2: one set, 80% of the reps, and holds (e.g. a wall sit) 75% as long,
//   3: one set, 60% of the reps, holds 75% as long; never fewer than kMinReps reps.
// (Bodyweight exercises cannot be made lighter, so less volume is the lever; the reps stay
// near ACSM's 10-15 for older and deconditioned people rather than dropping far below.)
// Stretches: the catalog dose with each hold in timed seconds clamped to 30-60 s (a
// breath-counted hold becomes the seconds it takes); pain and caution do not shorten a
// stretch, they keep it gentle.
Dose starting_dose(const Exercise& e, const Profile& p);

// The least of `start` still worth doing when time is short: one set of a strength exercise,
// one hold of each stretch; mobility is not cut.
Dose minimum_dose(const Exercise& e, const Dose& start);

// Moves `d` one unit (a set or a hold) toward `target`. Returns false when already there.
bool step_toward(Dose& d, const Dose& target);

// Seconds a dose takes (catalog dose_seconds with slow breaths of kBreathSeconds).
int dose_time(const Dose& d);

// The seconds one hold lasts: hold_seconds, or hold_breaths slow breaths; 0 for a rep dose.
int hold_time(const Dose& d);

}  // namespace kc
