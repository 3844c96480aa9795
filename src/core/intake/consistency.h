// Answers that contradict each other, or leave out what other answers imply, read toward
// safety. The reading is what triage and the plan use; the notes say, in plain words, how the
// answers were read, and go with the result.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/intake/answers.h"

namespace kc {

struct Reading {
  Answers answers;                 // the answers as read
  std::vector<std::string> notes;  // one sentence per change; empty when nothing changed
};

// Reads `answers` toward safety:
// - an injury date, "could not take four steps after the injury", a pop or swelling within
//   hours of the injury, with `onset` "gradual" or left out: read as an injury;
// - `pain_worst_week` below `pain_now`: the worst is read as `pain_now`.
Reading read_safely(const Answers& answers);

// The fields whose values the reading of `field` depends on (itself included): for a field
// read_safely may change, the answers it reads to decide; for any other field, the field alone.
// Lets a caller that does not know some answers yet tell which read fields are not known either.
std::vector<std::string_view> read_safely_inputs(std::string_view field);

}  // namespace kc
