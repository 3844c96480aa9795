// The JSON form of the session's steps, one rendering for every surface: GET
// /api/v1/people/{id}/session (api/openapi.yaml, SessionSteps) and `kneecoach session
// --steps-json`. The browser player plays these steps as they are; the terminal player plays
// the same steps from the same exercises.
#pragma once

#include <vector>

#include "core/catalog/exercise_json.h"
#include "usecases/session_steps.h"

namespace kc::usecases {

// One step: kind, phase, exercise (index), set, sets, side, rep, reps, breath, breaths, ms
// (its length), completes_unit, completes_set, text (shown), speech (spoken) and reminder
// (null, or {before_ms, text, speech}).
Json play_step_json(const PlayStep& step);

// A date's session: {date, scheduled, session, title, week, done, next, after_end, total_ms,
// back_grace_ms (how far into an exercise `back` restarts it rather than going to the one before),
// exercises: [{position, id, name, steps, cues, dose, dose_text, side_word}], steps: [...]}.
// `steps` are the session's steps with words (session_steps or with_cues); without a session
// both lists are empty.
Json session_day_json(const SessionDay& day, const std::vector<PlayStep>& steps);

}  // namespace kc::usecases
