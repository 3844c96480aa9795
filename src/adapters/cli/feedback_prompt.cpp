#include "adapters/cli/feedback_prompt.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <istream>
#include <ostream>

#include "core/tracking/feedback.h"

namespace kc::cli {

std::optional<store::ExerciseFeedback> read_feedback_answer(const std::string& line) {
  std::string t;
  for (char c : line) t += c == '-' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  t.erase(0, t.find_first_not_of(" \t\r"));
  t.erase(t.find_last_not_of(" \t\r") + 1);
  if (t.empty() || t == "ok" || t == "fine") return store::ExerciseFeedback::kNone;
  if (t == "e" || t == "too easy" || t == "easy") return store::ExerciseFeedback::kTooEasy;
  if (t == "h" || t == "too hard" || t == "hard") return store::ExerciseFeedback::kTooHard;
  if (t == "p" || t == "hurt" || t == "it hurt") return store::ExerciseFeedback::kHurt;
  return std::nullopt;
}

std::vector<usecases::SaidOf> ask_feedback(const std::vector<std::string>& names, const std::vector<int>& positions,
                                           std::istream& in, std::ostream& out) {
  std::vector<usecases::SaidOf> said;
  if (names.empty()) return said;
  out << "Was any exercise too easy, too hard, or did one hurt? (y/N): " << std::flush;
  std::string gate;
  if (!std::getline(in, gate)) {
    out << "\n";
    return said;
  }
  const auto first = gate.find_first_not_of(" \t\r");
  if (first == std::string::npos || (gate[first] != 'y' && gate[first] != 'Y')) return said;
  out << "How did each exercise feel? Enter: about right, e: too easy, h: too hard, p: it hurt.\n";
  for (std::size_t i = 0; i < names.size() && i < positions.size(); ++i) {
    for (;;) {
      out << fmt::format("  {}: ", names[i]) << std::flush;
      std::string line;
      if (!std::getline(in, line)) {
        out << "\n";
        return said;
      }
      const auto answer = read_feedback_answer(line);
      if (!answer) {
        out << "  Please press Enter (about right), or type e (too easy), h (too hard) or p (it hurt).\n";
        continue;
      }
      if (*answer != store::ExerciseFeedback::kNone) said.push_back({positions[i], *answer});
      break;
    }
  }
  return said;
}

void print_said_decisions(const std::vector<tracking::Judgement>& judgements, std::ostream& out) {
  for (const auto& j : judgements) {
    if (j.decision.changed() || j.decision.rule.rfind("said-", 0) != 0) continue;
    out << fmt::format("  {} — keep for now: {}\n", j.name, j.decision.reason);
  }
}

}  // namespace kc::cli
