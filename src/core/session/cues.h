// The words of the session: what is shown and spoken as each step begins, and the timed
// reminders within a step ("10 seconds left"). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/session/steps.h"

namespace kc::session {

// One cue: `text` for the screen, `speech` for the voice (shorter, no units like "s").
struct Cue {
  std::string text;
  std::string speech;
};

// A reminder is given this long before the end of a hold, rest or card that lasts at least
// twice as long.
inline constexpr Millis kReminderBefore{10'000};

// "right leg", "left side", "both legs".
std::string side_label(Side side, const std::string& side_word);

// What set `step.set` of `ex` does differently ("The other way round"), or "" when its sets
// are all the same.
std::string set_word_of(const Step& step, const SessionExercise& ex);

// The word for `phase` of `ex`: its content's phase words for up/hold/down ("Lift", "Stand
// up"), "Breathe in" / "And out" for breaths, "" for kNone.
std::string phase_word(Phase phase, const SessionExercise& ex);

// The cue as `step` begins; `previous` is the step before it (nullptr for the first).
Cue entry_cue(const Step& step, const Step* previous, const std::vector<SessionExercise>& exercises);

// The reminder due kReminderBefore before the end of `step`, when it has one.
std::optional<Cue> reminder_cue(const Step& step);

// Said when the session ends: finished (every step reached) or quit.
Cue end_cue(bool quit);

// Said on pause and on resume.
Cue pause_cue(bool paused);

}  // namespace kc::session
