// libFuzzer target for the intake answers parser (format v1).
// For every input: parse_answers must return a value or an error with a message, never crash;
// a parsed document must survive answers_to_json -> parse_answers unchanged; triage over a
// built-in rule set must hold its invariants; and every questionnaire answer check must cope
// with the same bytes typed at a prompt.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/intake/parse.h"
#include "core/intake/questionnaire.h"
#include "core/triage/triage.h"

namespace {

using kc::Level;
using kc::TestOp;

kc::Condition field(std::string_view name, TestOp op, const kc::Operand& operand, bool unknown_matches = false) {
  auto condition = kc::field_test(name, op, operand, unknown_matches);
  if (!condition.ok()) std::abort();  // the built-in rules below must be valid
  return *condition;
}

kc::Rule rule(std::string id, Level level, kc::Condition condition) {
  kc::Rule r;
  r.id = std::move(id);
  r.level = level;
  r.condition = std::move(condition);
  r.message = "message";
  r.sources = {"source"};
  return r;
}

// A small rule set that uses every test and combinator of the condition language.
kc::RuleSet make_rules() {
  kc::RuleSet set;
  set.rules.push_back(rule("numb", Level::kEmergency, field("numb_or_cold_foot", TestOp::kIs, true)));
  set.rules.push_back(rule("ottawa", Level::kUrgent,
                           kc::all_of({kc::any_of({field("onset", TestOp::kIs, std::string("injury")),
                                                   field("injury_days_ago", TestOp::kKnown, true)}),
                                       field("injury_days_ago", TestOp::kAtMost, 7.0, true),
                                       kc::any_of({field("age", TestOp::kAtLeast, 55.0),
                                                   field("kneecap_or_fibula_tender", TestOp::kIs, true),
                                                   field("can_bend_to_90", TestOp::kIs, false)})})));
  set.rules.push_back(rule("surgery", Level::kSeeClinician, field("weeks_since_knee_surgery", TestOp::kBelow, 12.0)));
  set.rules.push_back(
      rule("severe", Level::kSeeClinician,
           kc::any_of({field("pain_now", TestOp::kAtLeast, 8.0), field("pain_worst_week", TestOp::kAbove, 8.0)})));
  set.rules.push_back(
      rule("runner", Level::kCaution,
           kc::all_of({field("runner", TestOp::kIs, true), field("location", TestOp::kHas, std::string("front")),
                       kc::not_of(field("knee", TestOp::kIs, std::string("both")))})));
  set.rules.push_back(rule("long", Level::kCaution, field("duration_weeks", TestOp::kAbove, 12.0)));
  for (std::size_t i = 0; i < set.advice.size(); ++i) set.advice[i] = "advice";
  return set;
}

const kc::RuleSet& rules() {
  static const kc::RuleSet kRules = make_rules();
  return kRules;
}

void check_questionnaire(std::string_view typed) {
  for (const auto& question : kc::questionnaire()) {
    auto value = kc::validate_answer(question, typed);
    if (!value.ok() && value.error().message.empty()) std::abort();
    if (value.ok()) {
      kc::Answers answers;
      kc::apply_answer(answers, question, *value);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)rules();
  (void)kc::questionnaire();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (size <= 256) check_questionnaire(text);

  auto parsed = kc::parse_answers(text);
  if (!parsed.ok()) {
    if (parsed.error().message.empty()) std::abort();  // every rejection explains itself
    return 0;
  }
  const std::string canonical = kc::answers_to_json(*parsed).dump();
  auto again = kc::parse_answers(canonical);
  if (!again.ok()) std::abort();                                      // our own output must parse
  if (kc::answers_to_json(*again).dump() != canonical) std::abort();  // and round-trip exactly

  const kc::TriageResult result = kc::evaluate(*parsed, rules());
  if ((result.level == Level::kGo) != result.reasons.empty()) std::abort();  // go exactly when nothing fired
  if (result.advice.empty()) std::abort();
  (void)kc::triage_to_json(result).dump();
  return 0;
}
