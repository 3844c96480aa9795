// The interactive intake on a terminal (or a pipe): one question at a time, only the
// relevant ones, each answer checked and asked again when wrong.
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
// from `in`. A wrong answer is explained and the question asked again. Stops at once, saying
// so, when the answers make a referral certain (`rules`). Returns the answers, or an error
// when `in` ends before the last question.
Result<Asked> ask_questions(const RuleSet& rules, std::istream& in, std::ostream& out);

}  // namespace kc::cli
