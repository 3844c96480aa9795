// terminal/: the session player on a terminal: screen, keys and the scaled clock.
// The session player's loop: drives the engine with the clock, the keys (a terminal in raw
// mode and/or a key script) and shows, speaks and hands on what happens.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/session/engine.h"
#include "core/session/input.h"
#include "core/session/voice.h"

namespace kc::terminal {

class RawMode;

struct PlayerOptions {
  bool virtual_time = false;                // the clock only moves when slept (a ManualClock): no real waiting
  double scale = 1.0;                       // session seconds per real second, for waiting on keys
  std::vector<session::ScriptItem> script;  // scripted keys and waits, played first
  int key_fd = -1;                          // a terminal in raw mode to read keys from; -1 for none
  int screen_fd = -1;                       // a terminal to size the screen by; -1: write a transcript instead
  RawMode* raw = nullptr;                   // the terminal in raw mode: resizes, resumes and Ctrl-Z (suspend)
  std::string title;                        // heads the screen
};

// Called with an exercise's tally as soon as it is left (finished, skipped, cut short); an
// error stops the session at once and is returned by play().
using OnExerciseFinished = std::function<Status(const session::Tally&)>;

// Runs `engine` (not yet started) to its end at `clock`'s pace, writing the screen or the
// transcript to `out` and saying every cue through `voice`. Keys: the script's first, then
// the terminal's; with no terminal, a script that leaves the session paused resumes it. The
// screen is drawn in place at the window's size, again at once after a resize; Ctrl-Z pauses
// the session and stops the program (the terminal restored), and it is redrawn on resume.
// Returns whether the person quit.
Result<bool> play(session::SessionEngine& engine, Clock& clock, const PlayerOptions& options, voice::Voice& voice,
                  std::ostream& out, const OnExerciseFinished& on_finished);

}  // namespace kc::terminal
