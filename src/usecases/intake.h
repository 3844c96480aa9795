// The intake questionnaire, one turn at a time, as every surface asks it: the core's questions
// (core/intake/questionnaire.h) in their order, each asked only when relevant to the answers
// before it, each answer checked by validate_answer. The terminal asks them in a loop; the
// browser asks the server for each turn (POST /api/v1/intake/answer), so both ask the same
// questions, in the same order, with the same wording, limits and gating. A warning sign stops
// the questionnaire at once, in every surface: as soon as the answers make a referral of
// urgent or above certain (core/triage/certain.h), no next question is asked.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/intake/questionnaire.h"
#include "core/triage/triage.h"

namespace kc::usecases {

// Answers as typed, by question id: the words validate_answer reads ("yes", "46", "front, inner",
// or a question's skip word).
using TypedAnswers = std::vector<std::pair<std::string, std::string>>;

struct IntakeTurn {
  Answers answers;                                        // the answers kept
  std::vector<std::pair<std::string, FieldValue>> given;  // kept values by question id, in order
  std::vector<const Question*> relevant;                  // every question relevant now, in order
  const Question* next = nullptr;                         // the question to ask next; nullptr: done
  // Set when the answers so far make a referral of urgent or above certain, whatever the
  // questions left would be answered: the triage of the answers kept (level urgent or above),
  // and `next` is nullptr. Not set when every question was answered (triage then as usual).
  std::optional<TriageResult> stopped;
};

// The least serious level at which a warning sign stops the questionnaire: a same-day referral.
inline constexpr Level kStopLevel = Level::kUrgent;

// One turn: keeps each typed answer whose question is relevant to the answers kept before it
// (in the questionnaire's order; answers to questions no longer relevant are dropped), and
// names the next relevant question after `after` (the first one when `after` is empty), unless
// the answers kept make a referral certain (IntakeTurn::stopped). A question still open is one
// not answered that is relevant, or whose relevance may still change (an earlier one is open).
// `cleared`: the triage rule ids a clinician's clearance covers (core/triage/clearance.h), when the
// person records a clearance after an earlier stop and answers the questions left: those rules do
// not stop the questions (as evaluate(answers, rules, cleared)); any other warning sign still does.
// Errors: errc::kInvalid with field = the question id, for an unknown id or an answer
// validate_answer refuses (its plain message, saying what to type instead).
Result<IntakeTurn> intake_turn(const TypedAnswers& typed, const std::string& after, const RuleSet& rules,
                               const std::vector<std::string>& cleared = {});

// An answers document that records a questionnaire stopped early: where it stopped, and the
// answers given up to there, typed (typed_answer), to go on from.
struct EarlyStop {
  TypedAnswers typed;    // the answers given, in the questionnaire's order
  std::string question;  // the question whose answer stopped it
  TriageResult stopped;  // the triage there (urgent or above): its reasons are the signs present
};

// Whether `answers`, a document that gives the questions `given` (ids, e.g. the fields of an
// answers file), is the record of a questionnaire stopped early by a warning sign (`kneecoach
// intake` writes only the answers given then): replayed question by question in order, it stops
// at some question, and it answers none of the questions after that one. The questions after
// were never asked, so the defaults their fields take say nothing about the person. nullopt for
// a document that goes on past its first stop, or never stops: fields it leaves out mean their
// defaults (intake format v1). Errors as intake_turn's.
Result<std::optional<EarlyStop>> early_stop(const Answers& answers, const std::vector<std::string>& given,
                                            const RuleSet& rules);

}  // namespace kc::usecases
