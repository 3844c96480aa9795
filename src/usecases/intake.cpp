#include "usecases/intake.h"

#include <fmt/format.h>

#include <algorithm>

namespace kc::usecases {

Result<IntakeTurn> intake_turn(const TypedAnswers& typed, const std::string& after) {
  for (const auto& [id, text] : typed) {
    if (find_question(id) == nullptr) {
      return make_error(errc::kInvalid, id, fmt::format("{}: not a question of the questionnaire", id));
    }
  }
  if (!after.empty() && find_question(after) == nullptr) {
    return make_error(errc::kInvalid, after, fmt::format("{}: not a question of the questionnaire", after));
  }
  IntakeTurn turn;
  bool passed = after.empty();  // past `after` in the questionnaire's order (relevant or not)
  for (const Question& q : questionnaire()) {
    const bool is_after = q.id == after;
    if (!is_relevant(q, turn.answers)) {
      passed = passed || is_after;
      continue;
    }
    turn.relevant.push_back(&q);
    if (passed && turn.next == nullptr) turn.next = &q;
    passed = passed || is_after;
    const auto it = std::find_if(typed.begin(), typed.end(), [&](const auto& t) { return t.first == q.id; });
    if (it == typed.end()) continue;
    auto value = validate_answer(q, it->second);
    if (!value) return make_error(errc::kInvalid, q.id, value.error().message);
    apply_answer(turn.answers, q, *value);
    turn.given.emplace_back(q.id, *value);
  }
  return turn;
}

}  // namespace kc::usecases
