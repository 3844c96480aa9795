// Text on a terminal by columns: how wide it is, and wrapping it between words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc::terminal {

// The columns `text` takes on a terminal: one per UTF-8 character, escape sequences none.
int columns(std::string_view text);

// `text` wrapped at `width` columns between words, never inside one: the first line starts
// with `lead`, the others with as many spaces (a hanging indent). A word longer than a line is
// cut and ends with "…" when `cut_long_words`, else it gets a line of its own, whole. At least
// one line, even for empty text.
std::vector<std::string> wrap_columns(std::string_view text, int width, std::string_view lead = "",
                                      bool cut_long_words = true);

// The first characters of `word` that fit in `width` columns, ending with "…".
std::string cut(std::string_view word, int width);

}  // namespace kc::terminal
