// The person's input to a session, as text: key presses, scripted keys (for tests and
// demos) and the pain rating at the end. Pure parsing, errors as values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/common/result.h"
#include "core/session/engine.h"

namespace kc::session {

// The key a typed character stands for: space (or p) pause/resume, n next, b back,
// q quit, case-insensitive; nullopt for any other character.
std::optional<Key> key_for_char(char c);

// A scripted wait: let this much session time pass before the next key.
struct Wait {
  Millis duration{0};
};
using ScriptItem = std::variant<Key, Wait>;

// Parses a key script: items separated by spaces or commas, each one of
//   n, b, q, p (or space, pause)  a key;
//   30s, 1.5s, 200ms, 2m          a wait of that much session time.
// e.g. "45s n 10s p 5s p q". The error names the bad item and what is expected.
Result<std::vector<ScriptItem>> parse_key_script(std::string_view script);

// Parses the pain-during-the-session rating: a whole number 0-10, spaces around allowed.
// The error says what is expected, to show before asking again.
Result<int> parse_pain_rating(std::string_view text);

// The question asked at the end of a session.
inline constexpr std::string_view kPainQuestion =
    "How much did your knee hurt during this session? 0 = no pain, 10 = worst pain imaginable: ";

}  // namespace kc::session
