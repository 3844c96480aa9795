// Small text helpers shared by the domain modules. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc {

// Levenshtein edit distance between two strings (byte-wise).
std::size_t edit_distance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `word`, nearest first (ties keep input order).
// Candidates further than max(2, word.size()/2) edits away, and not sharing a
// prefix or substring with `word`, are dropped.
std::vector<std::string> closest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         std::size_t limit = 3);

// "a, b or c" — for messages that list what is expected.
std::string join_or(const std::vector<std::string>& items);

// "a, b, c".
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

// Escapes &, <, >, " and ' for XML text and attribute values (SVG, iCal-free XML output).
std::string xml_escape(std::string_view text);

// `text` safe to print in a message: control characters (below 0x20, 0x7f, and the C1 controls
// U+0080-U+009F) become visible escapes such as \x1b and \u009b; all else is kept.
std::string printable(std::string_view text);

// Wraps text at `width` columns, prefixing every line with `indent`.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent = "");

}  // namespace kc
