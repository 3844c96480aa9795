#include "core/triage/triage.h"

#include <algorithm>

#include "core/intake/consistency.h"
#include "core/triage/advice.h"

namespace kc {

TriageResult evaluate(const Answers& answers, const RuleSet& rules) { return evaluate(answers, rules, {}); }

TriageResult evaluate(const Answers& answers, const RuleSet& rules, const std::vector<std::string>& cleared) {
  const Reading reading = read_safely(answers);
  std::vector<const Rule*> fired;
  TriageResult result;
  for (const Rule& rule : rules.rules) {
    if (!matches(rule.condition, reading.answers)) continue;
    if (std::find(cleared.begin(), cleared.end(), rule.id) != cleared.end()) {
      result.cleared.push_back({rule.id, rule.message});
      continue;
    }
    fired.push_back(&rule);
    if (more_serious(rule.level, result.level)) result.level = rule.level;
  }
  // A warning sign was there, even if cleared: never less than caution.
  if (!result.cleared.empty() && result.level == Level::kGo) result.level = Level::kCaution;
  const bool referral = !may_start_program(result.level);
  for (const Rule* rule : fired)
    if (!(referral && may_start_program(rule->level))) result.reasons.push_back({rule->id, rule->message});
  result.advice = level_advice(rules, result.level, reading.notes);
  result.notes = reading.notes;
  return result;
}

nlohmann::ordered_json triage_to_json(const TriageResult& result) {
  nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
  for (const auto& reason : result.reasons) {
    nlohmann::ordered_json item;
    item["rule"] = reason.rule;
    item["message"] = reason.message;
    reasons.push_back(std::move(item));
  }
  nlohmann::ordered_json out;
  out["level"] = std::string(to_string(result.level));
  out["reasons"] = std::move(reasons);
  out["advice"] = result.advice;
  return out;
}

}  // namespace kc
