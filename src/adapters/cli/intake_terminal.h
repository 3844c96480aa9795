// The interactive intake on a terminal (or a pipe): one question at a time, only the
// relevant ones, each answer checked and asked again when wrong.
#pragma once

#include <iosfwd>

#include "core/common/result.h"
#include "core/intake/answers.h"

namespace kc::cli {

// Asks every relevant question of the questionnaire on `out`, reading one answer per line
// from `in`. A wrong answer is explained and the question asked again. Returns the answers,
// or an error when `in` ends before the last question.
Result<Answers> ask_questions(std::istream& in, std::ostream& out);

}  // namespace kc::cli
