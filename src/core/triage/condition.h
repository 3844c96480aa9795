// The condition language of the triage rules: a small tree of tests over the answer
// fields (see docs/triage-rules.md). Conditions are data, built by the rule loader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/common/result.h"
#include "core/intake/answer_fields.h"
#include "core/intake/answers.h"

namespace kc {

// A test on one field.
enum class TestOp {
  kIs,       // boolean field: equals true/false; choice field: equals the name
  kAtLeast,  // number field: value >= operand
  kAtMost,   // number field: value <= operand
  kAbove,    // number field: value > operand
  kBelow,    // number field: value < operand
  kHas,      // list field: contains the name
  kKnown,    // optional number or choice field: is known (operand true) / not known (false)
  kBand,     // pain rating (pain_now, pain_worst_week): in the pain band named (core/common/pain.h)
};

// YAML/JSON key of a test: "is", "at_least", "at_most", "above", "below", "has", "known", "band".
std::string_view to_string(TestOp test);
std::optional<TestOp> parse_test(std::string_view name);
std::vector<std::string> test_names();

using Operand = std::variant<bool, double, std::string>;

struct Condition {
  enum class Kind { kAll, kAny, kNot, kField };
  Kind kind = Kind::kAll;
  std::vector<Condition> children;  // kAll, kAny (any number), kNot (exactly one)
  // kField only:
  const AnswerField* field = nullptr;
  TestOp test = TestOp::kIs;
  Operand operand;
  bool unknown_matches = false;  // a field that is not known counts as matching
};

// A checked field test. Fails (with a message naming the field and what is expected) when
// the field does not exist, the test does not suit the field's type, the operand has the
// wrong type or is not one of the field's names, or `unknown_matches` is set for a field
// that is always known.
Result<Condition> field_test(std::string_view field, TestOp test, const Operand& operand, bool unknown_matches = false);

Condition all_of(std::vector<Condition> children);  // true when every child is (true when empty)
Condition any_of(std::vector<Condition> children);  // true when one child is (false when empty)
Condition not_of(Condition child);

// Evaluates the condition over the answers.
bool matches(const Condition& condition, const Answers& answers);

// True when some test in the condition reads the answer field named `field`.
bool reads_field(const Condition& condition, std::string_view field);

}  // namespace kc
