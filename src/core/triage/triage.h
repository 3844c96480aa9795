// triage/: red-flag screening: the rules from content evaluated over the answers.
// Red-flag triage: rules (data, from content/triage/rules.yaml) evaluated over the answers.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/intake/answers.h"
#include "core/triage/condition.h"
#include "core/triage/level.h"

namespace kc {

struct Rule {
  std::string id;  // stable, lower-case hyphenated
  Condition condition;
  Level level = Level::kSeeClinician;
  std::string message;               // plain words: what it might mean, what to do
  std::vector<std::string> sources;  // the published references / article files it rests on
};

struct RuleSet {
  std::vector<Rule> rules;            // evaluated and reported in this order
  std::array<std::string, 5> advice;  // per level, indexed by static_cast<int>(Level)
  const std::string& advice_for(Level level) const { return advice[static_cast<std::size_t>(level)]; }
};

struct Reason {
  std::string rule;
  std::string message;
};

struct TriageResult {
  Level level = Level::kGo;
  std::vector<Reason> reasons;     // every rule that fired, in rule order; empty for go
  std::string advice;              // what to do and how soon, for `level`, then any notes
  std::vector<std::string> notes;  // how contradictory answers were read (also at the end of advice)
  std::vector<Reason> cleared{};   // rules that matched but a clinician had cleared (core/triage/clearance.h)
};

// Reads the answers toward safety (read_safely), then fires every rule whose condition
// matches; the most serious level of those is the result (go when none fires). A caution rule
// fires only when no rule of a referral level (see_clinician and above) does, so a referral
// holds only the reasons for it. The advice is the level's, followed by the reading's notes.
// Pure and deterministic.
TriageResult evaluate(const Answers& answers, const RuleSet& rules);

// evaluate(), except that a rule listed in `cleared` (a clinician's clearance) does not fire: it
// is reported in result.cleared instead. When a cleared rule matched and no other rule raised the
// level above go, the level is caution: a program may start, gently. Other rules fire as ever.
TriageResult evaluate(const Answers& answers, const RuleSet& rules, const std::vector<std::string>& cleared);

// {"level": ..., "reasons": [{"rule": ..., "message": ...}], "advice": ...}, keys in that order.
nlohmann::ordered_json triage_to_json(const TriageResult& result);

}  // namespace kc
