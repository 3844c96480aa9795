#include "usecases/check_in.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/intake/questionnaire.h"
#include "core/tracking/check_in_signs.h"
#include "core/triage/clearance.h"
#include "core/triage/level.h"
#include "usecases/program.h"
#include "usecases/when.h"

namespace kc::usecases {
namespace {

// `history` as it was before check-in `old`: without it, its rating and its dose changes.
void forget(tracking::History& history, const store::CheckIn& old) {
  std::erase_if(history.check_ins, [&](const store::CheckIn& c) { return c.id == old.id; });
  std::erase_if(history.measurements, [&](const store::Measurement& m) {
    return m.measure == store::kPainNextMorning && m.taken_at == old.at;
  });
  std::erase_if(history.changes, [&](const store::DoseChange& c) { return c.check_in == old.id; });
}

// The stored answers with each sign in `flags` set to yes, triaged again under the plan's clearance.
Result<TriageResult> triage_with(store::Store& store, const store::PlanRecord& plan,
                                 const std::vector<std::string>& flags, const RuleSet& rules) {
  auto answers = stored_answers(store, plan.person);
  if (!answers) return answers.error();
  auto clearance = clearance_for(store, plan);
  if (!clearance) return clearance.error();
  return triage_with_signs(answers->value_or(Answers{}), flags, rules,
                           *clearance ? (*clearance)->flags : std::vector<std::string>{});
}

std::optional<store::CheckIn> of_day(const std::vector<store::CheckIn>& check_ins, CivilDate day) {
  std::optional<store::CheckIn> found;
  for (const auto& c : check_ins) {
    if (c.date == day) found = c;
  }
  return found;
}

}  // namespace

Answers answers_with_signs(Answers answers, const std::vector<std::string>& signs) {
  for (const auto& f : signs) {
    const Question* q = find_question(f);
    if (q == nullptr) continue;
    if (auto yes = validate_answer(*q, "yes")) apply_answer(answers, *q, *yes);
  }
  return answers;
}

TriageResult triage_with_signs(Answers answers, const std::vector<std::string>& signs, const RuleSet& rules,
                               const std::vector<std::string>& cleared) {
  return evaluate(answers_with_signs(std::move(answers), signs), rules, still_cleared(cleared, signs, rules));
}

Status check_check_in_request(const CheckInRequest& request) {
  if (request.next_morning_pain < 0 || request.next_morning_pain > 10) {
    return make_error(errc::kOutOfRange, "next_morning_pain",
                      fmt::format("next_morning_pain: {} is out of range; expected a whole number from 0 to 10",
                                  request.next_morning_pain));
  }
  for (std::size_t i = 0; i < request.red_flags.size(); ++i) {
    const std::string field = fmt::format("red_flags[{}]", i);
    const std::string& f = request.red_flags[i];
    if (!tracking::is_check_in_sign(f)) {
      return make_error(errc::kInvalid, field,
                        fmt::format("{}: \"{}\" is not a warning sign; expected one of {}", field, f.substr(0, 80),
                                    fmt::join(tracking::check_in_signs(), ", ")));
    }
    if (std::find(request.red_flags.begin(), request.red_flags.begin() + static_cast<std::ptrdiff_t>(i), f) !=
        request.red_flags.begin() + static_cast<std::ptrdiff_t>(i)) {
      return make_error(errc::kInvalid, field, fmt::format("{}: \"{}\" is listed more than once", field, f));
    }
  }
  return Ok{};
}

Result<std::optional<store::CheckIn>> check_in_of_day(store::Store& store, const Clock& clock,
                                                      const std::string& person, std::optional<CivilDate> date) {
  auto found = find_program(store, person, true);
  if (!found) return found.error();
  auto check_ins = store.check_ins(found->person.id);
  if (!check_ins) return check_ins.error();
  return of_day(*check_ins, when_of(clock, date).date);
}

Result<CheckInOutcome> check_in(store::Store& store, const Clock& clock, const Content& content,
                                const CheckInRequest& request) {
  if (auto ok = check_check_in_request(request); !ok) return ok.error();
  auto loaded = load_program(store, request.person, false);
  if (!loaded) return loaded.error();
  const store::Person person = loaded->person;
  const store::PlanRecord plan = loaded->plan;
  tracking::History history = std::move(loaded).value().history;
  const When when = when_of(clock, request.date);

  CheckInOutcome out;
  out.replaced = of_day(history.check_ins, when.date);
  if (out.replaced && !request.replace) {
    return make_error(errc::kConflict, "replace",
                      fmt::format("a check-in for {} is already stored (next-morning pain {}/10); replace it to "
                                  "change it, or keep it",
                                  to_iso(when.date), out.replaced->next_morning_pain));
  }
  if (out.replaced) forget(history, *out.replaced);

  store::CheckIn& c = out.saved;
  c.person = person.id;
  c.at = when.at;
  c.date = when.date;
  c.next_morning_pain = request.next_morning_pain;
  c.red_flags = request.red_flags;
  c.triage_level = plan.level;
  if (!request.red_flags.empty()) {
    // Warning signs are judged by the triage rules; without them nothing may be assumed safe.
    if (content.rules == nullptr) return make_error(errc::kContent, "", "the triage rules are not loaded");
    auto triage = triage_with(store, plan, request.red_flags, *content.rules);
    if (!triage) return triage.error();
    out.triage = *triage;
    c.triage_level = std::string(to_string(triage->level));
    if (!may_start_program(triage->level)) {
      c.stopped_program = true;
      out.stop_reason = triage->reasons.empty() ? triage->advice : triage->reasons.front().message;
    } else {
      for (const auto& reason : triage->reasons) out.cautions.push_back(reason.message);
    }
  }
  if (!c.stopped_program) {
    auto can_do = can_do_for(store, plan);
    if (!can_do) return can_do.error();
    out.judged = tracking::session_for_check_in(history, when.date, when.at);
    out.judgements =
        tracking::judge_at_check_in(history, request.next_morning_pain, content.catalog, *can_do, when.date, when.at);
    out.changes = tracking::to_changes(out.judgements, plan, when.at, when.date);
  }
  auto saved = out.replaced ? store.replace_check_in(out.replaced->id, c, out.changes, out.stop_reason)
                            : store.save_check_in(c, out.changes, out.stop_reason);
  if (!saved) return saved.error();
  c = *saved;
  for (auto& change : out.changes) change.check_in = c.id;

  store::Measurement rated;
  rated.person = person.id;
  rated.measure = store::kPainNextMorning;
  rated.taken_at = when.at;
  rated.date = when.date;
  rated.value = request.next_morning_pain;
  history.measurements.push_back(rated);
  history.check_ins.push_back(c);
  out.review = tracking::pain_review(history, when.date);
  return out;
}

}  // namespace kc::usecases
