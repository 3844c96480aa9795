// Short names of the check-in's warning signs (content/triage/signs.yaml), for sentences a
// clinician reads ("new signs: fever or feeling unwell"); the questions keep their own wording.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace kc {

// Intake field of a check-in sign -> its short name.
using SignNames = std::map<std::string, std::string>;

// The short name of `field`, or, when `names` has none, the field's words ("gives_way" ->
// "gives way").
std::string sign_name(const SignNames& names, std::string_view field);

}  // namespace kc
