#include "usecases/set_up.h"

#include <fmt/format.h>

#include "core/intake/parse.h"
#include "core/plan/plan_json.h"
#include "core/tracking/plan_record.h"
#include "core/triage/level.h"

namespace kc::usecases {

std::vector<std::string> plan_cautions(const TriageResult& triage) {
  std::vector<std::string> out;
  if (triage.level != Level::kCaution) return out;
  for (const auto& reason : triage.reasons) out.push_back(reason.message);
  if (!triage.advice.empty()) out.push_back(triage.advice);
  return out;
}

Result<ProgramOutcome> plan_program(const Answers& answers, const TriageResult& triage, const Catalog& catalog,
                                    CivilDate start, int weeks, const std::optional<Clearance>& clearance) {
  ProgramOutcome out;
  out.triage = triage;
  if (!may_start_program(triage.level)) {
    out.status = SetupStatus::kReferral;
    return out;
  }
  if (weeks < 1 || weeks > kMaxWeeks) {
    return make_error(errc::kInvalid, "weeks",
                      fmt::format("weeks: {} is out of range; expected 1 to {}", weeks, kMaxWeeks));
  }
  auto planned =
      build_plan(answers, catalog, PlanOptions{start, weeks, triage.level, plan_cautions(triage), clearance});
  if (!planned) return make_error(errc::kInvalid, planned.error().field, planned.error().message);
  PlanOutcome outcome = std::move(planned).value();
  if (!outcome.ok()) {
    out.status = SetupStatus::kTooLittle;
    out.missing = std::move(outcome.missing);
    out.enough_alone = std::move(outcome.enough_alone);
    return out;
  }
  out.status = SetupStatus::kCreated;
  out.plan = std::move(outcome.plan);
  return out;
}

Result<SetupOutcome> set_up_person(store::Store& store, const Clock& clock, const Catalog& catalog,
                                   const SetupRequest& request) {
  auto program = plan_program(request.answers, request.triage, catalog, request.start, request.weeks);
  if (!program) return program.error();
  return store_program(store, clock, request, std::move(program).value());
}

Result<SetupOutcome> store_program(store::Store& store, const Clock& clock, const SetupRequest& request,
                                   ProgramOutcome program) {
  SetupOutcome out;
  out.program = std::move(program);
  if (out.program.status != SetupStatus::kCreated) return out;  // a referral or a shortfall stores nothing

  auto existing = store.find_person(request.person);
  if (!existing) return existing.error();
  if (*existing && request.new_person) {
    return make_error(errc::kConflict, "person", fmt::format("the person \"{}\" exists already", request.person));
  }
  const TimePoint now = clock.now();
  const Plan& plan = *out.program.plan;
  store::Store::Setup setup;
  setup.answers = {0, 0, now, answers_to_json(request.answers).dump(), std::string(to_string(request.triage.level))};
  setup.plan = tracking::to_record(plan, 0, request.answers.pain_now, now, plan_to_json(plan).dump());
  if (request.clearance) {
    setup.clearance =
        store::ClearanceRecord{0, 0, 0, now, request.clearance->on, clearance_to_json(*request.clearance).dump()};
  }
  if (!*existing) {
    auto created = store.create_person_with_setup(request.person, now, std::move(setup));
    if (!created) return created.error();
    out.person = created->person;
    out.plan_record = created->setup.plan;
    return out;
  }
  const store::Person& person = **existing;
  auto earlier = store.active_plan(person.id);
  if (!earlier) return earlier.error();
  out.replaced = earlier->has_value();
  setup.answers.person = person.id;
  setup.plan->person = person.id;
  auto saved = store.save_setup(setup);
  if (!saved) return saved.error();
  out.person = person;
  out.plan_record = saved->plan;
  return out;
}

}  // namespace kc::usecases
