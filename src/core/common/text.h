// Small text helpers shared by the domain modules. Pure functions.
#pragma once

#include <optional>
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

// A whole number as a scale that runs below zero shows it: "+3", "0", "−3" (a true minus sign,
// U+2212, as typeset; parse_signed reads it back).
std::string signed_number(int value);

// The range of a scale for a prompt: "0-10", or "−7 to +7" when it runs below zero.
std::string range_text(int min, int max);

// A whole number as typed: "3", "+3", "-3" or "−3" (U+2212), spaces around ignored; nullopt
// for anything else.
std::optional<int> parse_signed(std::string_view typed);

// Wraps text at `width` columns with `marker` ("  - ", " 3. ") before the first line and later
// lines lined up under the text after it: a bullet that wraps shows its marker once.
std::string wrap_hanging(std::string_view marker, std::string_view text, std::size_t width);

}  // namespace kc
