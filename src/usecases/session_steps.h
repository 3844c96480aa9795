// The session's steps: which session a person plays on a date, at the doses in force, laid
// out step by step exactly as every player gets it (the terminal player's engine and the
// browser player both play these steps: cards, reps paced at the tempo, holds in seconds or
// breaths, sides, sets, rests, with the words shown and spoken as each step begins).
//
//   auto day = usecases::stored_session(store, plan, catalog, date);
//   if (day && day->session) for (const PlayStep& s : session_steps(day->session->exercises)) ...
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/pain.h"
#include "core/common/result.h"
#include "core/plan/civil_date.h"
#include "core/plan/plan.h"
#include "core/session/cues.h"
#include "core/session/steps.h"
#include "core/store/store.h"

namespace kc::usecases {

// One session to play.
struct SessionToPlay {
  std::string session_id;  // "A" or "B"
  std::string title;       // e.g. "Strength, then stretching and mobility"
  CivilDate date;
  int week = 1;
  bool done_already = false;                        // a finished session is already logged on `date`
  std::vector<session::SessionExercise> exercises;  // in order; index = ExerciseLog::position
};

// What a date holds for the player: the session, or when the next one is.
struct SessionDay {
  CivilDate date;
  std::optional<SessionToPlay> session;  // nullopt: nothing planned on `date`
  std::optional<store::PlanDay> next;    // without a session: the next planned day, if any
  bool after_end = false;                // without a session: the program has ended
  PainLimit pain_limit{};                // the acceptable pain during exercise (acceptable_pain)
};

// One step as a player plays it: the step, the words as it begins, and the reminder given
// session::kReminderBefore before its end, when it has one.
struct PlayStep {
  session::Step step;
  session::Cue cue;
  std::optional<session::Cue> reminder;
};

// The session `plan` has on `date`, each exercise at its current dose (the stored dose
// changes applied). Errors: errc::kFailed (the store failed, or the stored answers cannot be
// read: caught here, before a session starts), errc::kContent (the program
// names an exercise the catalog no longer has; field "exercise").
Result<SessionDay> stored_session(store::Store& store, const store::PlanRecord& plan, const Catalog& catalog,
                                  CivilDate date);

// The session `plan` (built in memory, nothing stored) has on `date`, at its starting doses;
// nullopt when `date` is not one of its exercise days.
std::optional<SessionToPlay> planned_session(const Plan& plan, CivilDate date);

// `steps` (as session::build_steps or a SessionEngine lays them out for `exercises`) with the
// words of each: session::entry_cue as it begins and session::reminder_cue.
std::vector<PlayStep> with_cues(const std::vector<session::SessionExercise>& exercises,
                                const std::vector<session::Step>& steps);

// Every step of `exercises` with its words, at the engine's default timing: what
// SessionEngine(exercises) plays.
std::vector<PlayStep> session_steps(const std::vector<session::SessionExercise>& exercises);

}  // namespace kc::usecases
