// Reading a line on a terminal with line editing (libedit, BSD licence): the arrow keys,
// Home and End, Backspace and Delete, the emacs keys (Ctrl-A, Ctrl-E, Ctrl-K, Ctrl-U, Ctrl-W),
// and Up / Down for the lines typed before. Only keys reach the line: an escape sequence that
// is not an editing key (such as a terminal's reply to a query) is dropped whole, never echoed
// and never kept in the line.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace kc::terminal {

class LineEditor {
 public:
  // An editor reading keys from the terminal `in` and drawing on `out` (both terminals).
  static Result<std::unique_ptr<LineEditor>> open(std::FILE* in, std::FILE* out);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // Shows `prompt` with `start` already typed (editable) and returns the line once Enter is
  // pressed, without its line end and without control characters; nullopt at the end of input
  // (Ctrl-D on an empty line, or the terminal gone).
  std::optional<std::string> read(const std::string& prompt, const std::string& start);

  struct State;  // libedit's handles and the keys read ahead (line_editor.cpp)

 private:
  explicit LineEditor(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// `line` without escape sequences (ESC and what follows it up to the sequence's final byte)
// and without other control characters.
std::string without_controls(std::string_view line);

}  // namespace kc::terminal
