// What was actually done of one exercise in a session, and how it is judged: done, partly
// done or skipped. Pure.
#pragma once

#include <string>

#include "core/session/steps.h"

namespace kc::session {

enum class Outcome { kDone, kPartly, kSkipped };

struct Tally {
  int position = 0;  // 0-based place in the session
  std::string exercise_id;
  Dose planned;
  int sets_done = 0;   // sets whose every rep or hold (every side) was completed
  int reps_done = 0;   // completed reps over sets and sides (rep doses)
  int holds_done = 0;  // completed holds over sets and sides (hold doses)
  Millis held{0};      // time spent in holds, complete or not (hold doses)
  Millis active{0};    // time spent on the exercise, pauses left out
  Outcome outcome = Outcome::kSkipped;
};

// Completed reps or holds.
int units_done(const Tally& t);

// kDone when every planned rep or hold was completed, kSkipped when none was (and no hold
// was started), kPartly otherwise.
Outcome judge(const Tally& t);

// The better of two attempts at the same exercise (after going back to redo it): more units
// completed, then more time held, then more time spent; `a` on a tie.
const Tally& better(const Tally& a, const Tally& b);

// "done", "partly done", "skipped".
std::string outcome_label(Outcome o);

}  // namespace kc::session
