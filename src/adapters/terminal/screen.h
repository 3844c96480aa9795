// What the session player draws: a full screen for a terminal (the exercise card, a big
// countdown or count, the side and set, the last cue and a progress bar for the whole
// session) and, when the output is not a terminal, one transcript line per cue.
#pragma once

#include <string>
#include <vector>

#include "core/session/engine.h"

namespace kc::terminal {

// Five rows of block characters spelling `text` (digits, ':' and '/'; others as blanks).
std::vector<std::string> big_text(const std::string& text);

// "[██████░░░░] 60%" in `width` columns (at least 10).
std::string progress_bar(double fraction, int width);

// "0:25", "1:05" for a countdown (whole seconds, rounded up).
std::string clock_text(session::Millis left);

// The whole screen for the engine's state, `width` columns wide, starting with the escape
// codes that clear the terminal. `title` heads it (e.g. "Session A — Strength ...").
std::string render_screen(const session::SessionEngine& engine, const std::string& title, int width);

// "[02:15] Rest 30 seconds": a cue at `at` into the session, for a transcript.
std::string transcript_line(session::Millis at, const session::Cue& cue);

}  // namespace kc::terminal
