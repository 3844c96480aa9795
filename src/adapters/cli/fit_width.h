// Command output that fits the window: each line longer than the terminal is wrapped between
// words, its continuation lines lined up under the text after its indent or list marker.
#pragma once

#include <functional>
#include <string>

#include "adapters/cli/app.h"

namespace kc::cli {

// The columns ctx.out's lines should fit: the terminal's width when ctx.out is the standard
// output on a terminal, else 80.
int output_width(const Context& ctx);

// `text` with every line wider than `width` columns wrapped between words (a word longer than
// the line stays whole); a continuation line starts under the text after the line's leading
// spaces and its marker ("- ", "4. "), if any.
std::string fit_lines(const std::string& text, int width);

// Runs `command` with ctx.out collected, then writes it to ctx.out fitted to output_width().
void fitted(Context& ctx, const std::function<void(Context&)>& command);

}  // namespace kc::cli
