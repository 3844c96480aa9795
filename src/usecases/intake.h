// The intake questionnaire, one turn at a time, as every surface asks it: the core's questions
// (core/intake/questionnaire.h) in their order, each asked only when relevant to the answers
// before it, each answer checked by validate_answer. The terminal asks them in a loop; the
// browser asks the server for each turn (POST /api/v1/intake/answer), so both ask the same
// questions, in the same order, with the same wording, limits and gating.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/intake/questionnaire.h"

namespace kc::usecases {

// Answers as typed, by question id: the words validate_answer reads ("yes", "46", "front, inner",
// or a question's skip word).
using TypedAnswers = std::vector<std::pair<std::string, std::string>>;

struct IntakeTurn {
  Answers answers;                                        // the answers kept
  std::vector<std::pair<std::string, FieldValue>> given;  // kept values by question id, in order
  std::vector<const Question*> relevant;                  // every question relevant now, in order
  const Question* next = nullptr;                         // the question to ask next; nullptr: done
};

// One turn: keeps each typed answer whose question is relevant to the answers kept before it
// (in the questionnaire's order; answers to questions no longer relevant are dropped), and
// names the next relevant question after `after` (the first one when `after` is empty).
// Errors: errc::kInvalid with field = the question id, for an unknown id or an answer
// validate_answer refuses (its plain message, saying what to type instead).
Result<IntakeTurn> intake_turn(const TypedAnswers& typed, const std::string& after);

}  // namespace kc::usecases
