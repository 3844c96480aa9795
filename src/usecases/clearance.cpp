#include "usecases/clearance.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/triage/advice.h"
#include "core/triage/level.h"
#include "usecases/check_in.h"
#include "usecases/program.h"
#include "usecases/when.h"

namespace kc::usecases {
namespace {

// The answers a clearance answers, and the day their warning sign was raised.
struct Flagged {
  Answers answers;
  CivilDate on;     // the day the sign was raised (the referral, the stopping check-in)
  CivilDate asked;  // the day the answers were given (injury_days_ago counts back from it)
};

// The stored answers with the signs of the check-in that stopped the person's latest program.
Result<Flagged> stopped_by_check_in(store::Store& store, const std::string& name) {
  const auto none = [&] {
    return make_error(errc::kNoProgram, "answers",
                      fmt::format("answers: \"{}\" has no program stopped by a warning sign; give the intake answers "
                                  "that sent you to a clinician",
                                  name));
  };
  auto person = store.find_person(name);
  if (!person) return person.error();
  if (!*person) return none();
  const store::PersonId id = (*person)->id;
  auto plan = store.latest_plan(id);
  if (!plan) return plan.error();
  if (!*plan || !(*plan)->stopped_at) return none();
  auto check_ins = store.check_ins(id);
  if (!check_ins) return check_ins.error();
  const auto stop =
      std::find_if(check_ins->rbegin(), check_ins->rend(), [](const store::CheckIn& c) { return c.stopped_program; });
  if (stop == check_ins->rend()) return none();
  auto answers = stored_answers(store, id);
  if (!answers) return answers.error();
  auto record = store.latest_answers(id);
  if (!record) return record.error();
  if (!*answers || !*record) return none();
  return Flagged{answers_with_signs(**answers, stop->red_flags), stop->date,
                 date::floor<date::days>((*record)->recorded_at)};
}

Status check_avoid(const std::vector<std::string>& avoid, const Catalog& catalog) {
  for (std::size_t i = 0; i < avoid.size(); ++i) {
    if (catalog.find(avoid[i]) != nullptr) continue;
    const std::string field = fmt::format("limits.avoid[{}]", i);
    return make_error(errc::kInvalid, field,
                      fmt::format("{}: \"{}\" is not an exercise; expected an id from `kneecoach exercises list`",
                                  field, avoid[i].substr(0, 80)));
  }
  return Ok{};
}

}  // namespace

Result<ClearOutcome> clear_and_set_up(store::Store& store, const Clock& clock, const Content& content,
                                      const ClearRequest& request) {
  if (content.rules == nullptr) return make_error(errc::kContent, "", "the triage rules are not loaded");
  const CivilDate today = clock.today();
  Flagged flagged;
  if (request.answers) {
    const CivilDate asked = request.referred_on.value_or(request.clearance.on);
    flagged = Flagged{*request.answers, asked, asked};
  } else {
    auto stopped = stopped_by_check_in(store, request.person);
    if (!stopped) return stopped.error();
    flagged = std::move(stopped).value();
  }
  if (request.referred_on) flagged.on = std::max(flagged.on, *request.referred_on);
  if (flagged.answers.injury_days_ago) {  // a clinician cannot have cleared an injury before it happened
    const auto back = date::days{static_cast<int>(std::floor(*flagged.answers.injury_days_ago))};
    flagged.on = std::max(flagged.on, flagged.asked - back);
  }

  ClearOutcome out;
  out.flagged_on = flagged.on;
  out.referral = evaluate(flagged.answers, *content.rules);
  out.clearance = request.clearance;
  out.clearance.flags = referral_flags(out.referral);
  if (!request.clearance.flags.empty()) {  // only the signs the clinician saw: never more than asked
    std::erase_if(out.clearance.flags, [&](const std::string& f) {
      return std::find(request.clearance.flags.begin(), request.clearance.flags.end(), f) ==
             request.clearance.flags.end();
    });
  }
  if (out.clearance.flags.empty()) {
    return make_error(errc::kInvalid, "flags",
                      fmt::format("flags: these answers raise no warning sign that needs a clinician (triage: {}); "
                                  "nothing to clear, so set the program up as usual",
                                  to_string(out.referral.level)));
  }
  if (auto ok = check_clearance(out.clearance, flagged.on, today); !ok) return ok.error();
  if (auto ok = check_avoid(out.clearance.limits.avoid, content.catalog); !ok) return ok.error();

  out.now = evaluate(flagged.answers, *content.rules, out.clearance.flags);
  // The level's advice names the most pain the clinician allows, as the plan does.
  out.now.advice =
      level_advice(*content.rules, out.now.level, out.now.notes, acceptable_pain(out.clearance.limits.pain_ceiling));
  auto program = plan_program(flagged.answers, out.now, content.catalog, request.start.value_or(today), request.weeks,
                              out.clearance);
  if (!program) return program.error();
  SetupRequest setup{flagged.answers,    out.now,      request.start.value_or(today), request.weeks, request.person,
                     request.new_person, out.clearance};
  auto stored = store_program(store, clock, setup, std::move(program).value());
  if (!stored) return stored.error();
  out.setup = std::move(stored).value();
  return out;
}

}  // namespace kc::usecases
