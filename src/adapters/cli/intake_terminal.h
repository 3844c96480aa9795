// The interactive intake on a terminal (or a pipe): one question at a time, only the
// relevant ones, each answer checked and asked again when wrong; back to the question before
// with "<"; at the end every answer listed, to change any before they are saved.
#pragma once

#include <iosfwd>
#include <optional>

#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/triage/triage.h"

namespace kc::cli {

struct Asked {
  Answers answers;
  // Set when a warning sign stopped the questions (usecases::IntakeTurn::stopped): the referral.
  std::optional<TriageResult> stopped;
};

// Asks every relevant question of the questionnaire on `out`, reading one answer per line
// from `in`; when `in` is the standard input and both it and `out` are a terminal, with line
// editing (terminal::LineEditor; an earlier answer comes back typed, to edit). A wrong answer is
// explained and the question asked again; "<" goes back to the question before. Stops at once,
// saying so, when the answers make a referral certain (`rules`). After the last question every
// answer is listed by number: a number asks that question again, Enter (or the end of the input)
// keeps them. Returns the answers, or an error when `in` ends before the last question.
Result<Asked> ask_questions(const RuleSet& rules, std::istream& in, std::ostream& out);

}  // namespace kc::cli
