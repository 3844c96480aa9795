// What the session player draws: a full screen for a terminal (the exercise card, a big
// countdown or count, the side and set, the last cue and a progress bar for the whole
// session) and, when the output is not a terminal, one transcript line per cue.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "adapters/terminal/text_width.h"
#include "core/session/engine.h"

namespace kc::terminal {

// Five rows of block characters spelling `text` (digits, ':' and '/'; others as blanks).
std::vector<std::string> big_text(const std::string& text);

// "[██████░░░░] 60%" in `width` columns (at least 10).
std::string progress_bar(double fraction, int width);

// "0:25", "1:05" for a countdown (whole seconds, rounded up).
std::string clock_text(session::Millis left);

// The screen for the engine's state: at most `rows` lines of at most `cols` - 1 columns each
// (the last column stays free, so no terminal wraps a line). What matters most stays when the
// window is small: the header, the exercise, the heading with its countdown, the cue, the
// progress and the keys; blank lines, the big digits and then the steps or form cues give way
// first. `title` heads it (e.g. "Session A — Strength ...").
std::vector<std::string> screen_lines(const session::SessionEngine& engine, const std::string& title, int cols,
                                      int rows);

// The bytes that draw `lines` in place: the cursor home, each line cleared to its end, the
// rest of the screen cleared; no line feed after the last line, so the screen never scrolls.
// `clear_first` also clears the whole screen first (after a resize or a resume).
std::string frame(const std::vector<std::string>& lines, bool clear_first);

// "[02:15] Rest 30 seconds": a cue at `at` into the session, for a transcript.
std::string transcript_line(session::Millis at, const session::Cue& cue);

}  // namespace kc::terminal
