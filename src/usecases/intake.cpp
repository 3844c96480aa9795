#include "usecases/intake.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/triage/certain.h"

namespace kc::usecases {

namespace {

// The fields of the questions that may still be answered: not answered, and relevant now or
// after an earlier question still open (relevance reads earlier answers only).
std::vector<const AnswerField*> open_fields(const IntakeTurn& turn) {
  std::vector<const AnswerField*> open;
  bool earlier_open = false;
  for (const Question& q : questionnaire()) {
    const bool given =
        std::any_of(turn.given.begin(), turn.given.end(), [&](const auto& g) { return g.first == q.id; });
    if (given) continue;
    const bool relevant = std::find(turn.relevant.begin(), turn.relevant.end(), &q) != turn.relevant.end();
    if (relevant || earlier_open) open.push_back(find_answer_field(q.id));
    earlier_open = earlier_open || relevant;
  }
  return open;
}

// The rules that can still stop the questions: all but those a clearance covers.
RuleSet uncleared(const RuleSet& rules, const std::vector<std::string>& cleared) {
  RuleSet left = rules;
  std::erase_if(left.rules,
                [&](const Rule& r) { return std::find(cleared.begin(), cleared.end(), r.id) != cleared.end(); });
  return left;
}

}  // namespace

Result<IntakeTurn> intake_turn(const TypedAnswers& typed, const std::string& after, const RuleSet& rules,
                               const std::vector<std::string>& cleared) {
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
  if (turn.next != nullptr && certain_at_least(kStopLevel, turn.answers, open_fields(turn),
                                               cleared.empty() ? rules : uncleared(rules, cleared))) {
    turn.next = nullptr;
    turn.stopped = evaluate(turn.answers, rules, cleared);
  }
  return turn;
}

Result<std::optional<EarlyStop>> early_stop(const Answers& answers, const std::vector<std::string>& given,
                                            const RuleSet& rules) {
  const auto is_given = [&](const Question& q) { return std::find(given.begin(), given.end(), q.id) != given.end(); };
  TypedAnswers typed;
  for (const Question& q : questionnaire()) {
    if (const AnswerField* field = find_answer_field(q.id); field != nullptr && is_given(q))
      typed.emplace_back(q.id, typed_answer(q, field->get(answers)));
  }
  TypedAnswers so_far;
  for (std::size_t i = 0; i < typed.size(); ++i) {
    so_far.push_back(typed[i]);
    auto turn = intake_turn(so_far, typed[i].first, rules);
    if (!turn) return turn.error();
    if (!turn->stopped) continue;
    if (i + 1 < typed.size()) return std::optional<EarlyStop>();  // answered on past the stop
    return std::optional<EarlyStop>(EarlyStop{std::move(so_far), typed[i].first, *turn->stopped});
  }
  return std::optional<EarlyStop>();
}

}  // namespace kc::usecases
