// The warning signs a next-morning check-in asks about. Each is a yes/no field of the intake
// answers format, so a "yes" can be set on the person's answers and triage run again.
#pragma once

#include <string>
#include <vector>

namespace kc::tracking {

// The intake field names of the signs that can appear after the program has started, in the
// order they are asked.
const std::vector<std::string>& check_in_signs();

// Whether `field` is one of check_in_signs().
bool is_check_in_sign(const std::string& field);

// The question asked before the signs: a "yes" leads to the sign questions (each sign's own
// wording is its intake question's prompt).
const std::string& anything_new_question();

}  // namespace kc::tracking
