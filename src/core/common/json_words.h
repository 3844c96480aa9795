// JSON values described for people, for error messages ("is a string; expected ...").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace kc {

// "null", "a boolean", "a whole number", "a number with a fraction", "a string", "a list"
// or "an object".
std::string json_type_name(const nlohmann::json& value);

}  // namespace kc
