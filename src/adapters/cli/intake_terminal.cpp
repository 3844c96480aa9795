#include "adapters/cli/intake_terminal.h"

#include <fmt/format.h>

#include <istream>
#include <ostream>
#include <string>

#include "core/common/text.h"
#include "core/intake/questionnaire.h"
#include "usecases/intake.h"

namespace kc::cli {
namespace {

constexpr std::size_t kWidth = 78;

constexpr std::string_view kIndent = "    ";

void show(const Question& q, int number, std::ostream& out) {
  std::string prompt = wrap(q.prompt, kWidth, kIndent);
  prompt.replace(0, kIndent.size(), fmt::format("{:>2}. ", number));
  out << "\n" << prompt;
  if (!q.help.empty()) out << wrap(q.help, kWidth, kIndent);
  for (std::size_t i = 0; i < q.choices.size(); ++i)
    out << fmt::format("{}  {}. {} ({})\n", kIndent, i + 1, q.choices[i].label, q.choices[i].value);
  const std::string enter = q.default_answer.empty() ? "" : fmt::format(" Press Enter alone for {}.", q.default_answer);
  out << wrap(answer_hint(q) + enter, kWidth, kIndent);
}

// Asks until the answer is valid and returns the line typed; std::nullopt when the input ends first.
std::optional<std::string> ask(const Question& q, int number, std::istream& in, std::ostream& out) {
  show(q, number, out);
  std::string line;
  while (true) {
    out << "> " << std::flush;
    if (!std::getline(in, line)) {
      out << "\n";
      return std::nullopt;
    }
    auto value = validate_answer(q, line);
    if (value.ok()) return line;
    out << wrap(value.error().message, kWidth, kIndent);
  }
}

}  // namespace

Result<Asked> ask_questions(const RuleSet& rules, std::istream& in, std::ostream& out) {
  out << wrap(
      "kneecoach will ask you some questions about your knee, one at a time. Type your answer and press "
      "Enter. Your answers are checked for warning signs before any exercise is suggested.",
      kWidth);
  // One turn at a time, as the browser asks them (usecases/intake.h): the same questions, order
  // and gating.
  usecases::TypedAnswers typed;
  std::string last;
  int number = 0;
  while (true) {
    auto turn = usecases::intake_turn(typed, last, rules);
    if (!turn) return turn.error();
    if (turn->stopped) {
      out << "\n"
          << wrap(
                 "Your answers show a warning sign, so the other questions are not needed: "
                 "please read this first.",
                 kWidth)
          << "\n";
    }
    if (turn->next == nullptr) return Asked{turn->answers, turn->stopped};
    const Question& q = *turn->next;
    auto line = ask(q, ++number, in, out);
    if (!line)
      return make_error(fmt::format("the answers ended before every question was answered (stopped at question {}, {})",
                                    number, q.id));
    typed.emplace_back(q.id, *line);
    last = q.id;
  }
}

}  // namespace kc::cli
