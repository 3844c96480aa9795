#include "core/triage/condition.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/common/pain.h"
#include "core/common/text.h"

namespace kc {
namespace {

constexpr std::array<std::pair<TestOp, std::string_view>, 8> kTests{{{TestOp::kIs, "is"},
                                                                     {TestOp::kAtLeast, "at_least"},
                                                                     {TestOp::kAtMost, "at_most"},
                                                                     {TestOp::kAbove, "above"},
                                                                     {TestOp::kBelow, "below"},
                                                                     {TestOp::kHas, "has"},
                                                                     {TestOp::kKnown, "known"},
                                                                     {TestOp::kBand, "band"}}};

bool is_numeric(FieldType t) { return t == FieldType::kInteger || t == FieldType::kNumber; }
bool is_comparison(TestOp t) {
  return t == TestOp::kAtLeast || t == TestOp::kAtMost || t == TestOp::kAbove || t == TestOp::kBelow;
}

// A 0-10 pain rating: the fields the pain bands apply to.
bool is_pain_rating(const AnswerField& f) {
  return f.type == FieldType::kInteger && f.min == 0 && f.max == 10 && f.name.rfind("pain_", 0) == 0;
}

// Can the field be "not known"? Optional numbers and optional choices can; the rest always have a value.
// (Exactly the fields that are not known in default answers.)
bool can_be_unknown(const AnswerField& f) { return std::holds_alternative<std::monostate>(f.get(Answers{})); }

std::string quoted_choices(const AnswerField& f) {
  std::vector<std::string> q;
  for (const auto& c : f.choices) q.push_back(fmt::format("\"{}\"", c));
  return join_or(q);
}

// An empty string when `test` with `operand` suits `f`; otherwise what is wrong and what was expected.
std::string check_operand(const AnswerField& f, TestOp test, const Operand& operand) {
  const std::string name(f.name);
  const std::string test_name(to_string(test));
  if (test == TestOp::kKnown) {
    if (!can_be_unknown(f)) return fmt::format("'{}' always has a value, so 'known' does not apply", name);
    if (!std::holds_alternative<bool>(operand)) return fmt::format("'known' expects true or false");
    return "";
  }
  if (is_comparison(test)) {
    if (!is_numeric(f.type))
      return fmt::format("'{}' is not a number, so '{}' does not apply; use 'is' or 'has'", name, test_name);
    if (!std::holds_alternative<double>(operand)) return fmt::format("'{}' for '{}' expects a number", test_name, name);
    return "";
  }
  if (test == TestOp::kBand) {
    if (!is_pain_rating(f)) return fmt::format("'{}' is not a pain rating, so 'band' does not apply", name);
    const auto* s = std::get_if<std::string>(&operand);
    if (s == nullptr || !parse_pain_band(*s)) return fmt::format("'band' expects {}", join_or(pain_band_names()));
    return "";
  }
  if (test == TestOp::kHas) {
    if (f.type != FieldType::kChoices) return fmt::format("'{}' is not a list, so 'has' does not apply", name);
    const auto* s = std::get_if<std::string>(&operand);
    if (s == nullptr || std::find(f.choices.begin(), f.choices.end(), *s) == f.choices.end())
      return fmt::format("'has' for '{}' expects one of {}", name, quoted_choices(f));
    return "";
  }
  // TestOp::kIs
  if (f.type == FieldType::kBoolean) {
    if (!std::holds_alternative<bool>(operand)) return fmt::format("'is' for '{}' expects true or false", name);
    return "";
  }
  if (f.type == FieldType::kChoice) {
    const auto* s = std::get_if<std::string>(&operand);
    if (s == nullptr || std::find(f.choices.begin(), f.choices.end(), *s) == f.choices.end())
      return fmt::format("'is' for '{}' expects {}", name, quoted_choices(f));
    return "";
  }
  return fmt::format("'is' does not apply to '{}'; use {}", name,
                     is_numeric(f.type) ? "at_least, at_most, above or below" : "has");
}

bool compare(TestOp test, double value, double operand) {
  switch (test) {
    case TestOp::kAtLeast:
      return value >= operand;
    case TestOp::kAtMost:
      return value <= operand;
    case TestOp::kAbove:
      return value > operand;
    case TestOp::kBelow:
      return value < operand;
    default:
      return false;
  }
}

bool matches_field(const Condition& c, const Answers& answers) {
  const FieldValue value = c.field->get(answers);
  const bool known = !std::holds_alternative<std::monostate>(value);
  if (c.test == TestOp::kKnown) return known == std::get<bool>(c.operand);
  if (!known) return c.unknown_matches;
  if (is_comparison(c.test)) return compare(c.test, std::get<double>(value), std::get<double>(c.operand));
  if (c.test == TestOp::kBand)
    return pain_band(static_cast<int>(std::get<double>(value))) == parse_pain_band(std::get<std::string>(c.operand));
  if (c.test == TestOp::kHas) {
    const auto& list = std::get<std::vector<std::string>>(value);
    return std::find(list.begin(), list.end(), std::get<std::string>(c.operand)) != list.end();
  }
  if (const auto* b = std::get_if<bool>(&value)) return *b == std::get<bool>(c.operand);
  if (const auto* s = std::get_if<std::string>(&value)) return *s == std::get<std::string>(c.operand);
  return false;
}

}  // namespace

std::string_view to_string(TestOp test) {
  for (const auto& [t, name] : kTests)
    if (t == test) return name;
  return "?";
}

std::optional<TestOp> parse_test(std::string_view name) {
  for (const auto& [t, n] : kTests)
    if (n == name) return t;
  return std::nullopt;
}

std::vector<std::string> test_names() {
  std::vector<std::string> out;
  out.reserve(kTests.size());
  for (const auto& entry : kTests) out.emplace_back(entry.second);
  return out;
}

Result<Condition> field_test(std::string_view field, TestOp test, const Operand& operand, bool unknown_matches) {
  const AnswerField* f = find_answer_field(field);
  if (f == nullptr) {
    std::vector<std::string> names;
    for (const auto& candidate : answer_fields()) names.emplace_back(candidate.name);
    const auto near = closest_matches(field, names, 1);
    return make_error(fmt::format("unknown answer field '{}'; {}", field,
                                  near.empty() ? "expected a field of intake format version 1"
                                               : fmt::format("did you mean '{}'?", near.front())));
  }
  if (auto problem = check_operand(*f, test, operand); !problem.empty()) return make_error(problem);
  if (unknown_matches && (!can_be_unknown(*f) || test == TestOp::kKnown))
    return make_error(fmt::format("'unknown' does not apply: '{}' {}", f->name,
                                  test == TestOp::kKnown ? "is tested with 'known' already" : "always has a value"));
  Condition c;
  c.kind = Condition::Kind::kField;
  c.field = f;
  c.test = test;
  c.operand = operand;
  c.unknown_matches = unknown_matches;
  return c;
}

Condition all_of(std::vector<Condition> children) {
  Condition c;
  c.kind = Condition::Kind::kAll;
  c.children = std::move(children);
  return c;
}

Condition any_of(std::vector<Condition> children) {
  Condition c;
  c.kind = Condition::Kind::kAny;
  c.children = std::move(children);
  return c;
}

Condition not_of(Condition child) {
  Condition c;
  c.kind = Condition::Kind::kNot;
  c.children.push_back(std::move(child));
  return c;
}

bool matches(const Condition& c, const Answers& answers) {
  switch (c.kind) {
    case Condition::Kind::kAll:
      return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return matches(x, answers); });
    case Condition::Kind::kAny:
      return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return matches(x, answers); });
    case Condition::Kind::kNot:
      return c.children.size() == 1 && !matches(c.children.front(), answers);
    case Condition::Kind::kField:
      return c.field != nullptr && matches_field(c, answers);
  }
  return false;
}

bool reads_field(const Condition& condition, std::string_view field) {
  if (condition.kind == Condition::Kind::kField) return condition.field != nullptr && condition.field->name == field;
  return std::any_of(condition.children.begin(), condition.children.end(),
                     [&](const Condition& child) { return reads_field(child, field); });
}

}  // namespace kc
