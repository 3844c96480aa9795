#include "core/triage/certain.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "core/intake/consistency.h"

namespace kc {
namespace {

// A search that has looked at this many ways of answering gives up (and the questions go on).
// The shipped rules need under a hundred (77 at most over random questionnaires); the limit
// bounds the time any answers can cost.
constexpr int kStepBudget = 5000;

enum class Truth { kFalse, kTrue, kUnknown };

using FieldSet = std::set<const AnswerField*>;

// What the rules test a field against: the values worth trying for it.
struct Tested {
  std::set<double> numbers;     // thresholds of at_least, at_most, above, below
  std::set<std::string> names;  // names of is / has
  bool band = false;            // a pain band test: try every whole number
};

void collect(const Condition& c, std::map<const AnswerField*, Tested>& out) {
  for (const Condition& child : c.children) collect(child, out);
  if (c.kind != Condition::Kind::kField || c.field == nullptr) return;
  Tested& t = out[c.field];
  if (c.test == TestOp::kBand) t.band = true;
  if (const auto* d = std::get_if<double>(&c.operand)) t.numbers.insert(*d);
  if (const auto* s = std::get_if<std::string>(&c.operand)) t.names.insert(*s);
}

void fields_of(const Condition& c, FieldSet& out) {
  for (const Condition& child : c.children) fields_of(child, out);
  if (c.kind == Condition::Kind::kField && c.field != nullptr) out.insert(c.field);
}

// The values to try for an open field, the one it holds now first (the likeliest way to find a
// less serious result at once): enough to reach every outcome of every test the rules make.
std::vector<FieldValue> candidates(const AnswerField& f, const Tested& tested, const FieldValue& now) {
  std::vector<FieldValue> out{now};
  auto add = [&](const FieldValue& v) {
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  };
  const bool optional = std::holds_alternative<std::monostate>(f.get(Answers{}));
  switch (f.type) {
    case FieldType::kBoolean:
      add(FieldValue{true});
      add(FieldValue{false});
      break;
    case FieldType::kChoice:
      if (optional) add(FieldValue{});
      for (const auto& name : f.choices) add(FieldValue{name});
      break;
    case FieldType::kChoices: {
      // Every subset of the names the rules test (the other names change no test).
      const std::vector<std::string> names(tested.names.begin(), tested.names.end());
      const std::size_t subsets = names.size() < 12 ? std::size_t{1} << names.size() : 1;
      for (std::size_t mask = 0; mask < subsets; ++mask) {
        std::vector<std::string> list;
        for (const auto& name : f.choices)
          for (std::size_t i = 0; i < names.size(); ++i)
            if ((mask >> i & 1U) != 0 && names[i] == name) list.push_back(name);
        add(FieldValue{list});
      }
      break;
    }
    case FieldType::kInteger:
    case FieldType::kNumber: {
      if (optional) add(FieldValue{});
      const double step = f.type == FieldType::kInteger ? 1 : 0.5;
      std::set<double> points{f.min};
      if (tested.band)
        for (double v = f.min; v <= f.max && v <= f.min + 100; v += 1) points.insert(v);
      for (double t : tested.numbers)
        for (double v : {t - step, t, t + step}) points.insert(f.type == FieldType::kInteger ? std::round(v) : v);
      for (double v : points)
        if (v >= f.min && v <= f.max) add(FieldValue{v});
      break;
    }
  }
  return out;
}

Truth truth(const Condition& c, const Answers& a, const FieldSet& unknown) {
  switch (c.kind) {
    case Condition::Kind::kField:
      if (unknown.count(c.field) != 0) return Truth::kUnknown;
      return matches(c, a) ? Truth::kTrue : Truth::kFalse;
    case Condition::Kind::kNot: {
      if (c.children.size() != 1) return Truth::kFalse;
      const Truth t = truth(c.children.front(), a, unknown);
      return t == Truth::kUnknown ? t : (t == Truth::kTrue ? Truth::kFalse : Truth::kTrue);
    }
    case Condition::Kind::kAll:
    case Condition::Kind::kAny: {
      const bool all = c.kind == Condition::Kind::kAll;
      const Truth decisive = all ? Truth::kFalse : Truth::kTrue;
      bool open = false;
      for (const Condition& child : c.children) {
        const Truth t = truth(child, a, unknown);
        if (t == decisive) return decisive;
        open = open || t == Truth::kUnknown;
      }
      if (open) return Truth::kUnknown;
      return all ? Truth::kTrue : Truth::kFalse;
    }
  }
  return Truth::kUnknown;
}

struct Search {
  Level level;
  const RuleSet& rules;
  std::map<const AnswerField*, Tested> tested;
  int steps = 0;

  // The fields not known once the answers are read safely: the open ones, and every field the
  // reading derives from an open one.
  FieldSet unknown_after_reading(const FieldSet& open) const {
    FieldSet out = open;
    for (const AnswerField& f : answer_fields())
      for (std::string_view input : read_safely_inputs(f.name))
        if (const AnswerField* in = find_answer_field(input); in != nullptr && open.count(in) != 0) out.insert(&f);
    return out;
  }

  // The open field to try next: one that an undecided rule reads, directly or through the reading.
  const AnswerField* pick(const FieldSet& undecided, const FieldSet& open) const {
    for (const AnswerField* f : undecided)
      for (std::string_view input : read_safely_inputs(f->name))
        if (const AnswerField* in = find_answer_field(input); in != nullptr && open.count(in) != 0) return in;
    return nullptr;
  }

  // True when some way of answering the open fields gives a result below `level` (or the search
  // ran out of steps).
  bool can_fall_below(Answers& answers, FieldSet& open) {
    if (++steps > kStepBudget) return true;
    const Answers read = read_safely(answers).answers;
    const FieldSet unknown = unknown_after_reading(open);
    FieldSet undecided;
    for (const Rule& rule : rules.rules) {
      if (more_serious(level, rule.level)) continue;
      const Truth t = truth(rule.condition, read, unknown);
      if (t == Truth::kTrue) return false;
      if (t == Truth::kUnknown) fields_of(rule.condition, undecided);
    }
    if (undecided.empty()) return true;  // no rule at `level` or above fires: the result is below it
    const AnswerField* f = pick(undecided, open);
    if (f == nullptr) return true;
    const FieldValue kept = f->get(answers);
    open.erase(f);
    bool below = false;
    for (const FieldValue& v : candidates(*f, tested[f], kept)) {
      f->set(answers, v);
      if (can_fall_below(answers, open)) {
        below = true;
        break;
      }
    }
    f->set(answers, kept);
    open.insert(f);
    return below;
  }
};

}  // namespace

bool certain_at_least(Level level, const Answers& answers, const std::vector<const AnswerField*>& open,
                      const RuleSet& rules) {
  if (level == Level::kGo) return true;  // every result is go or more serious
  Search search{level, rules, {}};
  for (const Rule& rule : rules.rules) collect(rule.condition, search.tested);
  Answers trial = answers;
  FieldSet open_set(open.begin(), open.end());
  open_set.erase(nullptr);
  return !search.can_fall_below(trial, open_set);
}

}  // namespace kc
