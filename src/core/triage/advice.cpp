#include "core/triage/advice.h"

namespace kc {

std::string level_advice(const RuleSet& rules, Level level, const std::vector<std::string>& notes,
                         const PainLimit& limit) {
  std::string advice = rules.advice_for(level);
  const std::string most = std::to_string(limit.most);
  for (auto at = advice.find(kPainMostPlaceholder); at != std::string::npos;
       at = advice.find(kPainMostPlaceholder, at + most.size()))
    advice.replace(at, kPainMostPlaceholder.size(), most);
  for (const auto& note : notes) advice += " " + note;
  return advice;
}

std::string unknown_placeholder(std::string_view advice) {
  for (auto open = advice.find('{'); open != std::string_view::npos; open = advice.find('{', open + 1)) {
    const auto close = advice.find('}', open);
    const std::string_view found = advice.substr(open, close == std::string_view::npos ? 1 : close - open + 1);
    if (found != kPainMostPlaceholder) return std::string(found);
  }
  return "";
}

}  // namespace kc
