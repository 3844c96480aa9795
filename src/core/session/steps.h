// A session laid out as a timeline of timed steps: each exercise's "get ready" card, then for
// each set, for each side, its reps paced at the tempo (up, hold, down) or its holds counted
// down in seconds or in slow breaths, with side switches, releases and rests in between.
// Pure: no clock; durations only.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/catalog/exercise.h"

namespace kc::session {

using Millis = std::chrono::milliseconds;

// One exercise as the player needs it: what to show, and the dose for this session.
struct SessionExercise {
  std::string id;
  std::string name;
  std::vector<std::string> steps;  // how to do it
  std::vector<std::string> cues;   // form cues
  Dose dose;
  std::string side_word = "leg";       // "Switch to your left leg" / "... left side"
  PhaseWords phase_words;              // what each tempo phase is called for this exercise
  std::vector<std::string> set_words;  // what each set does differently, by turns (Exercise::set_words)
};

// The fixed durations of the steps that are not in the dose.
struct Timing {
  Millis get_ready{20'000};  // reading the card and getting into position
  Millis side_switch{5'000};
  Millis release{3'000};    // between two holds when the dose has no rest
  Millis breath_in{3'000};  // one slow breath: in, then out (6 s, as the planner counts it)
  Millis breath_out{3'000};
  Millis rep_without_tempo{3'000};  // a rep dose without a tempo (not in valid content)
};

enum class StepKind { kGetReady, kMove, kHold, kBreath, kRelease, kSwitch, kRest };
enum class Phase { kNone, kUp, kHold, kDown, kIn, kOut };
enum class Side { kBoth, kRight, kLeft };

struct Step {
  StepKind kind = StepKind::kGetReady;
  Phase phase = Phase::kNone;  // kMove: up/hold/down; kBreath: in/out
  int exercise = 0;            // index into the session's exercises
  int set = 0;                 // 1-based; 0 on the get-ready card
  int sets = 0;
  Side side = Side::kBoth;
  int rep = 0;     // 1-based rep or hold within this set and side; 0 between them
  int reps = 0;    // reps or holds per set and side
  int breath = 0;  // kBreath: 1-based breath of `breaths`
  int breaths = 0;
  Millis duration{0};
  bool completes_unit = false;  // finishing it completes one rep or one hold
  bool completes_set = false;   // ... and with it the whole set (every side)
};

// True for a dose counted in holds (hold_seconds or hold_breaths) rather than paced reps.
bool is_hold_dose(const Dose& d);

// Reps or holds the dose asks for in all: sets x reps x sides (2 for each and alternate).
int planned_units(const Dose& d);

// The "leg"/"side" word for side cues: "side" for exercises that only work the trunk or
// lower back, "leg" otherwise.
std::string side_word_for(const Exercise& e);

// A SessionExercise for `e` at `dose`.
SessionExercise make_session_exercise(const Exercise& e, const Dose& dose);

// Every step of `exercises` in order. Sides: each = one side then the other (with a switch
// step) within every set; alternate = sides take turns rep by rep; both = one pass. Rests
// of dose.rest_seconds fall between sets; a hold dose also rests after each hold (at least
// timing.release). Zero-length tempo phases are left out. Never empty steps of 0 ms.
std::vector<Step> build_steps(const std::vector<SessionExercise>& exercises, const Timing& timing = {});

}  // namespace kc::session
