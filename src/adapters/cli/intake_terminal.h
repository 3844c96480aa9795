// The interactive intake on a terminal (or a pipe): one question at a time, only the
// relevant ones, each answer checked and asked again when wrong; back to the question before
// with "<"; at the end every answer listed, to change any before they are saved.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/triage/triage.h"
#include "usecases/intake.h"

namespace kc::cli {

struct Asked {
  Answers answers;
  // Set when a warning sign stopped the questions (usecases::IntakeTurn::stopped): the referral.
  std::optional<TriageResult> stopped;
  std::vector<std::string> given;    // the questions answered (their ids), in order
  std::vector<std::string> cleared;  // the triage rule ids a clearance covered (Resume)
};

// Where to start, for a person a clinician has seen and cleared after a warning sign.
struct Resume {
  usecases::TypedAnswers typed;  // answers given before (usecases::EarlyStop::typed): kept, shown at the review
  // Triage rule ids a clearance covers: they do not stop the questions (usecases::intake_turn).
  std::vector<std::string> cleared;
  // When `cleared` is empty: the signs of the first stop are the ones the clearance covers; the
  // person is told so and the questions go on.
  bool clear_first_stop = false;
};

// Asks every relevant question of the questionnaire on `out`, reading one answer per line
// from `in`; when `in` is the standard input and both it and `out` are a terminal, with line
// editing (terminal::LineEditor; an earlier answer comes back typed, to edit). A wrong answer is
// explained and the question asked again; "<" goes back to the question before. Stops at once,
// saying so, when the answers make a referral certain (`rules`). After the last question every
// answer is listed by number: a number asks that question again, Enter (or the end of the input)
// keeps them. Returns the answers, or an error when `in` ends before the last question.
// With `resume`, starts after its answers, and leaves the signs it clears to go on.
Result<Asked> ask_questions(const RuleSet& rules, std::istream& in, std::ostream& out, const Resume& resume = {});

}  // namespace kc::cli
