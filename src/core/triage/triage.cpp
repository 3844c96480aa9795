#include "core/triage/triage.h"

namespace kc {

TriageResult evaluate(const Answers& answers, const RuleSet& rules) {
  TriageResult result;
  for (const Rule& rule : rules.rules) {
    if (!matches(rule.condition, answers)) continue;
    result.reasons.push_back({rule.id, rule.message});
    if (more_serious(rule.level, result.level)) result.level = rule.level;
  }
  result.advice = rules.advice_for(result.level);
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
