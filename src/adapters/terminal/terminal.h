// The terminal for the session player: raw keys without blocking, the window's size, a full
// screen drawn in place, and restoring the terminal however the program ends or stops.
#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include "core/common/result.h"

namespace kc::terminal {

// True when `fd` is a terminal.
bool is_terminal(int fd);

struct Size {
  int cols = 80;
  int rows = 24;
};

// The terminal's width in columns on `fd`, or `fallback` when it cannot be told.
int width(int fd, int fallback = 80);

// The window's size on `fd`, or `fallback` when it cannot be told.
Size size(int fd, Size fallback = {});

// What happened to the terminal since the last look (take_changes()).
struct Changes {
  bool resized = false;  // the window changed size (SIGWINCH)
  bool resumed = false;  // the program was stopped and goes on again (SIGTSTP, then SIGCONT)
};

// Raw mode on the terminal `in_fd` for this object's life: keys arrive one by one, unechoed,
// Ctrl-C and Ctrl-Z as keys (0x03, 0x1a); the cursor on `out_fd` is hidden and, when
// `full_screen`, the terminal's alternate screen is used (what was on the screen comes back
// after). Restored by the destructor, by restore(), and, when SIGTERM, SIGHUP, SIGQUIT or SIGINT
// arrives, before that signal's default action. A SIGTSTP (suspend()) restores the terminal
// before the program stops and puts raw mode back when it goes on; a resize and a resume are
// reported by take_changes(). At most one RawMode lives at a time.
class RawMode {
 public:
  // Switches `in_fd` to raw mode; the error says why it could not.
  static Result<std::unique_ptr<RawMode>> enable(int in_fd, int out_fd, bool full_screen = false);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

  // Puts the terminal back as it was (idempotent).
  void restore();

  // Stops the program as Ctrl-Z does in a shell (the terminal restored first); returns once
  // it goes on again, with raw mode back and take_changes().resumed set.
  void suspend();

  // The changes since the last call, cleared.
  Changes take_changes();

 private:
  RawMode() = default;
  bool active_ = false;
};

// Waits up to `timeout` for a byte on `fd`; nullopt when none came (or at end of input, or a
// signal came first).
std::optional<char> read_key(int fd, std::chrono::milliseconds timeout);

}  // namespace kc::terminal
