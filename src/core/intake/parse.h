// Reading and writing the intake answers document, format version 1 (../shared/spec/intake.md).
// Pure: the caller reads the file or stream and passes its text.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/intake/answers.h"

namespace kc {

// Parses a format v1 document. Accepts exactly the spec: a JSON object with the required
// fields (version 1, age, knee, pain_now), every value of its field's type and range, no
// unknown or repeated fields, no repeated list entries. On failure the error lists every
// problem, one per line, each naming the field and what was expected, e.g.
// "pain_now: 11 is out of range; expected a whole number from 0 to 10".
// Malformed JSON gives one problem with its line and column.
Result<Answers> parse_answers(std::string_view json);

// The canonical v1 document for `answers`: keys in the spec's table order, "version" first;
// optional numbers and onset only when known; every boolean and list written out.
// parse_answers(answers_to_json(a).dump()) gives back `a`.
nlohmann::ordered_json answers_to_json(const Answers& answers);

}  // namespace kc
