// Test helpers: small session exercises with chosen doses (header-only, tests only).
#pragma once

#include <string>

#include "core/session/steps.h"

namespace kc::session {

inline Dose rep_dose(int sets, int reps, Sides sides, Tempo tempo) {
  Dose d;
  d.sets = sets;
  d.reps = reps;
  d.sides = sides;
  d.tempo = tempo;
  return d;
}

inline Dose hold_dose(int sets, int holds, Sides sides, int seconds) {
  Dose d;
  d.sets = sets;
  d.reps = holds;
  d.sides = sides;
  d.hold_seconds = seconds;
  return d;
}

inline SessionExercise make_exercise(const std::string& id, const Dose& dose) {
  SessionExercise e;
  e.id = id;
  e.name = id;
  e.dose = dose;
  return e;
}

}  // namespace kc::session
