// The interactive intake as a pure model: the questions in order, which ones apply to this
// person, and checking a typed answer. The terminal (or browser) adapter loops: show a
// relevant question, read a line, validate_answer, apply_answer or show the error and ask again.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/intake/answer_fields.h"
#include "core/intake/answers.h"

namespace kc {

enum class AnswerKind {
  kYesNo,        // yes / no
  kWholeNumber,  // a whole number within [min, max]
  kNumber,       // a number of min or more (decimals allowed)
  kOneOf,        // one of `choices`, by number or name
  kManyOf,       // several of `choices`, by numbers or names, separated by commas or spaces
};

struct Choice {
  std::string value;  // the name in the answers document, e.g. "front"
  std::string label;  // plain words, e.g. "At the front, around or behind the kneecap"
};

struct Question {
  std::string id;      // the answers field it fills, e.g. "pain_now"
  std::string prompt;  // the question, in plain words
  std::string help;    // how to answer / what it means; may be empty
  AnswerKind kind = AnswerKind::kYesNo;
  double min = 0;               // kWholeNumber, kNumber
  double max = 0;               // kWholeNumber
  std::vector<Choice> choices;  // kOneOf, kManyOf
  // The word that leaves the answer empty or not known ("not sure", "none"), or "" when an
  // answer is required. For kManyOf it gives an empty list; for numbers, "not known".
  std::string skip_word;
  std::size_t min_choices = 0;  // kManyOf: at least this many (when not skipped)
  // kWholeNumber, kNumber: the unit the number counts ("weeks", "days", "minutes", "years"), or
  // "". A typed unit after the number is understood ("8 weeks", "1 day"), and the hint names it.
  std::string unit;
  // What an empty answer (Enter alone) means (the terminal shows it), or "" when an answer must
  // be typed. Only where the answers format has a default; never for a warning sign.
  std::string default_answer;
  // Whether to ask, given the answers so far (earlier questions only).
  std::function<bool(const Answers&)> relevant;
};

// Every question, in the order asked. Each id is a field of intake format v1; "version" is
// not asked.
const std::vector<Question>& questionnaire();

// The question for field `id`, or nullptr.
const Question* find_question(std::string_view id);

// Whether `question` should be asked of someone who has given `so_far`.
bool is_relevant(const Question& question, const Answers& so_far);

// A short line saying how to answer, e.g. "Type yes or no." or "Type a whole number from 0 to 10."
std::string answer_hint(const Question& question);

// The same for a form with buttons, boxes and a text field (the browser): no typing of numbers
// or names, no commas, e.g. "Choose one or more." or "Enter a number of weeks, such as 8 or
// 0.5, or choose None."
std::string form_hint(const Question& question);

// Checks what the person typed (surrounding spaces and letter case ignored). Returns the
// value for the question's field (std::monostate when skipped with skip_word), or an error
// with a plain, kind message saying what to type instead.
Result<FieldValue> validate_answer(const Question& question, std::string_view typed);

// What a person would type for `value` (a value of `question`'s field, e.g. read from an
// answers document): validate_answer(question, typed_answer(question, value)) gives `value`
// back. A value it cannot give (a list below the question's minimum, an unset required number)
// comes out as "", which validate_answer refuses or reads as the default.
std::string typed_answer(const Question& question, const FieldValue& value);

// Stores a value from validate_answer into the answers.
void apply_answer(Answers& answers, const Question& question, const FieldValue& value);

}  // namespace kc
