// The fields of intake format v1 (../shared/spec/intake.md) as a table: name, type, range,
// allowed names, and typed access to the matching member of Answers. Parsing, writing,
// the questionnaire and the triage conditions all work through this one table.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/intake/answers.h"

namespace kc {

enum class FieldType {
  kInteger,  // a whole number within [min, max]
  kNumber,   // any finite number within [min, max] (max is +infinity when unbounded)
  kBoolean,
  kChoice,   // one name out of `choices`
  kChoices,  // a list of distinct names out of `choices`
};

// One field's value: std::monostate means "not known" (an optional number or choice left out).
// Integers and numbers are both held as double.
using FieldValue = std::variant<std::monostate, bool, double, std::string, std::vector<std::string>>;

struct AnswerField {
  std::string_view name;
  FieldType type = FieldType::kBoolean;
  bool required = false;
  double min = 0;
  double max = 0;
  std::vector<std::string> choices;  // kChoice and kChoices
  // Reads the field from answers (never fails; optional fields left out give std::monostate).
  std::function<FieldValue(const Answers&)> get;
  // Stores a value of the field's type (already checked against the range and choices).
  // std::monostate resets the field to its default.
  std::function<void(Answers&, const FieldValue&)> set;
};

// Every v1 field except `version`, in the order of the spec's table.
const std::vector<AnswerField>& answer_fields();

// The field called `name`, or nullptr when there is none.
const AnswerField* find_answer_field(std::string_view name);

// All field names ("version" first), in the spec's order: for messages and suggestions.
std::vector<std::string> answer_field_names();

// A short description of what the field accepts, e.g. "a whole number from 0 to 10",
// "true or false", "\"left\", \"right\" or \"both\"". Used in every error message.
std::string expected_text(const AnswerField& field);

// A value for messages: 3, 3.5, true, "left", ["mon", "tue"], or "not known".
std::string value_text(const FieldValue& value);

}  // namespace kc
