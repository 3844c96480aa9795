// Triage levels (../shared/spec/intake.md, "Triage result"), ordered least to most serious.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

enum class Level { kGo, kCaution, kSeeClinician, kUrgent, kEmergency };

// The spec's names: "go", "caution", "see_clinician", "urgent", "emergency".
std::string_view to_string(Level level);
std::optional<Level> parse_level(std::string_view s);
std::vector<std::string> level_names();  // most serious first, as in the spec

// What the level means in plain words, e.g. "go to an emergency department now".
std::string_view level_meaning(Level level);

// True for go and caution: a program may start. Otherwise the person must be seen first.
bool may_start_program(Level level);

// Whether a stored level's name (a check-in's, a plan's) sends the person to a clinician: every
// level but go and caution, and a name that is no level at all (errs on the side of referral).
bool refers(std::string_view level_name);

// True when `a` is more serious than `b`.
inline bool more_serious(Level a, Level b) { return static_cast<int>(a) > static_cast<int>(b); }

}  // namespace kc
