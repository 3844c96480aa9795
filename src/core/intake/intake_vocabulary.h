// The closed vocabularies of the intake answers (format v1) and their spellings in JSON.
// parse_* return std::nullopt for unknown names; *_names() list every valid name in a fixed order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/intake/answers.h"

namespace kc {

std::string_view to_string(KneeSide k);      // "left", "right", "both"
std::string_view to_string(PainLocation l);  // "front", "inner", "outer", "back", "whole"
std::string_view to_string(Onset o);         // "gradual", "injury"
std::string_view to_string(Weekday d);       // "mon" ... "sun"

std::optional<KneeSide> parse_knee_side(std::string_view s);
std::optional<PainLocation> parse_pain_location(std::string_view s);
std::optional<Onset> parse_onset(std::string_view s);
std::optional<Weekday> parse_weekday(std::string_view s);

std::vector<std::string> knee_side_names();
std::vector<std::string> pain_location_names();
std::vector<std::string> onset_names();
std::vector<std::string> weekday_names();  // mon first, in week order

}  // namespace kc
