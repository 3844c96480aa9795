// Log a session: what was done of each exercise, the pain during it, and the after-session
// progression rule (docs/progression.md). A second session on the same day is kept as its own
// record; adherence counts the day once and the check-in judges the better attempt
// (core/tracking/attempts.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/session/tally.h"
#include "core/store/store.h"
#include "core/tracking/judge.h"
#include "usecases/content.h"

namespace kc::usecases {

// What was done of one exercise of the session, by its position in the session (0-based).
struct LoggedExercise {
  int position = 0;
  // done, partly or skipped; nullopt: judged here from the counts against the dose in force,
  // by the same rule as the terminal player's (session::judge), so no surface judges on its own.
  std::optional<store::ExerciseOutcome> outcome;
  int sets = 0, reps = 0, holds = 0, seconds = 0;                     // seconds: time spent on the exercise
  std::optional<int> pain;                                            // 0-10
  std::string camera;                                                 // the camera log as tracking::camera_text, or ""
  store::ExerciseFeedback feedback = store::ExerciseFeedback::kNone;  // too easy, too hard, it hurt
};

// A whole session at once (the web app).
struct LogSessionRequest {
  std::string person;                                             // the person's name (the API's person id)
  std::optional<CivilDate> date;                                  // the day it was done; default today
  std::string session;                                            // "A" or "B"; "" = the session planned that day
  store::SessionStatus status = store::SessionStatus::kFinished;  // finished or quit
  std::optional<int> pain_during;                                 // 0-10
  std::vector<LoggedExercise> exercises;                          // 1 to 50, positions unique
};

struct SessionOutcome {
  store::SessionLog saved;
  std::vector<tracking::Judgement> judgements;  // the after-session decisions
  std::vector<store::DoseChange> changes;       // the changes among them, as stored
  bool repeat = false;                          // another sitting of the plan is logged that day
};

// Saves the session, its exercise logs and the dose changes the after-session rule makes, in one
// transaction. Errors: errc::kOutOfRange or kInvalid with the field (pain_during 0-10;
// exercises[i].position within the session and listed once, pain 0-10, counts not negative;
// "session" when none is planned that day and none is named, or the plan has no such session;
// "status" when in progress); find_program's; kFailed when the store fails.
Result<SessionOutcome> log_session(store::Store& store, const Clock& clock, const Content& content,
                                   const LogSessionRequest& request);

// The stored form of the player's judgement of an exercise.
store::ExerciseOutcome stored_outcome(session::Outcome outcome);

// How `done` of an exercise planned at `planned` is judged when the caller leaves it out:
// session::judge over the counts (holds for a hold dose, reps otherwise); for a hold dose,
// time spent on it counts as a hold started.
store::ExerciseOutcome judge_logged(const LoggedExercise& done, const Dose& planned);

// What the person said of the exercise at `position` once the session was over.
struct SaidOf {
  int position = 0;
  store::ExerciseFeedback feedback = store::ExerciseFeedback::kNone;
};

// The end of a sitting the player logged exercise by exercise (kneecoach session): keeps what
// the person said of each logged exercise (with its log), marks session `session` finished or
// quit with the pain during it, then, when any exercise was done at least partly, runs the
// after-session rule (with what was said, core/tracking/feedback.h) and stores its changes.
// Errors: as log_session; "feedback[i].position" when no exercise was logged there.
struct FinishSessionRequest {
  std::string person;
  store::Id session = 0;
  store::SessionStatus status = store::SessionStatus::kFinished;
  std::optional<int> pain_during;
  std::vector<SaidOf> feedback;
};
Result<SessionOutcome> finish_session(store::Store& store, const Clock& clock, const Content& content,
                                      const FinishSessionRequest& request);

}  // namespace kc::usecases
