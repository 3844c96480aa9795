// Whether a triage result is already certain before every question is answered: the rule that
// stops the questionnaire at a warning sign (usecases/intake.h), for every surface.
//
//   // After each answer: `open` names the fields that may still be answered.
//   if (certain_at_least(Level::kUrgent, answers, open, rules)) { /* stop and refer */ }
#pragma once

#include <vector>

#include "core/intake/answer_fields.h"
#include "core/intake/answers.h"
#include "core/triage/level.h"
#include "core/triage/triage.h"

namespace kc {

// True when evaluate(answers, rules) is at least `level` for EVERY way the `open` fields could
// still be answered (any value, or left out), the other fields keeping their values in
// `answers`. False when some way of answering them gives a less serious result, and also when
// the search would take too long (more than a fixed number of steps): then the questions go
// on, which is the safe side. Numbers are tried at the thresholds the rules name; lists at the
// names the rules test. Pure and deterministic.
bool certain_at_least(Level level, const Answers& answers, const std::vector<const AnswerField*>& open,
                      const RuleSet& rules);

}  // namespace kc
