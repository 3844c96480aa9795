// The movement of an exercise over time: one repetition runs from the start keyframe through
// any middle keyframes to the end, holds, and comes back, at the exercise's tempo. Reps can
// carry a form fault. Pure: time is a number handed in.
#pragma once

#include <optional>
#include <vector>

#include "core/catalog/exercise.h"
#include "core/common/result.h"
#include "core/figure/body.h"
#include "core/figure/cues.h"
#include "core/figure/scene.h"

namespace kc::figure {

// Seconds spent in each phase of one repetition.
struct RepTiming {
  double rest = 0.6;  // pause in the start pose, at the beginning of each rep
  double up = 2;      // start -> end
  double hold = 1;    // in the end pose
  double down = 2;    // end -> start
  double total() const { return rest + up + hold + down; }
};

// The timing of one rep from the dose: its tempo, or for a hold exercise 2 s in, the hold
// (hold_seconds, or hold_breaths x 6 s) capped at `max_hold`, and 2 s out.
RepTiming rep_timing(const Dose& dose, double max_hold);

// A fault shown on a rep: the cue it breaks, as that exercise uses it.
struct Fault {
  Cue cue;
  CueUse use;
};

// How far along a rep a moment is: which two keyframes it lies between and how far (0..1).
struct RepPhase {
  std::size_t from = 0;
  std::size_t to = 0;
  double t = 0;
};

// The phase at `seconds` into a rep (clamped to the rep).
RepPhase rep_phase(const RepTiming& timing, std::size_t keyframes, double seconds);

// One rep of a video: its frames (inclusive) and whether it shows the fault.
struct RepSpan {
  int first_frame = 0;
  int last_frame = 0;
  bool faulted = false;
};

// Consecutive reps at `fps` frames a second; `faulted_reps` are 1-based rep numbers.
std::vector<RepSpan> rep_spans(int reps, const RepTiming& timing, int fps, const std::vector<int>& faulted_reps);

// The placed body `seconds` into a rep. With a fault, keyframes where the cue applies are
// faulted. `previous_fault` is the fault of the rep before, blended out during the rest.
Result<PosedBody> body_at(const ExercisePoses& poses, const RepTiming& timing, double seconds,
                          const std::optional<Fault>& fault, const std::optional<Fault>& previous_fault,
                          double height = kDefaultHeight);

}  // namespace kc::figure
