// The terminal for the session player: raw keys without blocking, the window's width, and
// restoring the terminal however the program ends.
#pragma once

#include <chrono>
#include <memory>
#include <optional>

#include "core/common/result.h"

namespace kc::terminal {

// True when `fd` is a terminal.
bool is_terminal(int fd);

// The terminal's width in columns on `fd`, or `fallback` when it cannot be told.
int width(int fd, int fallback = 80);

// Raw mode on the terminal `in_fd` for this object's life: keys arrive one by one, unechoed,
// Ctrl-C as a key (0x03); the cursor on `out_fd` is hidden. Restored by the destructor, by
// restore(), and, when SIGTERM, SIGHUP or SIGQUIT arrives, before that signal's default
// action. At most one RawMode lives at a time.
class RawMode {
 public:
  // Switches `in_fd` to raw mode; the error says why it could not.
  static Result<std::unique_ptr<RawMode>> enable(int in_fd, int out_fd);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;

  // Puts the terminal back as it was (idempotent).
  void restore();

 private:
  RawMode() = default;
  bool active_ = false;
};

// Waits up to `timeout` for a byte on `fd`; nullopt when none came (or at end of input).
std::optional<char> read_key(int fd, std::chrono::milliseconds timeout);

}  // namespace kc::terminal
