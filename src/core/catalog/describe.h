// Plain-English descriptions of doses and frequencies, shared by every front end.
#pragma once

#include <string>

#include "core/catalog/exercise.h"

namespace kc {

// e.g. "2 sets of 10 on each leg (2 s up, 1 s hold, 3 s down), rest 30 s between sets"
//      "3 holds of 30 s on each side"
std::string describe_dose(const Dose& d);

// The same, with each tempo phase called by the exercise's own words, as the cues say them:
// e.g. "2 sets of 10 reps on each side (2 s circle, 2 s finish the circle)".
std::string describe_dose(const Dose& d, const PhaseWords& words);

// e.g. "every day, and after workouts", "2-3 times a week, with at least a day between"
std::string describe_frequency(const Frequency& f);

// e.g. "a wall, and optionally a chair"; "nothing" when none is needed or optional.
std::string describe_equipment(const Exercise& e);

}  // namespace kc
