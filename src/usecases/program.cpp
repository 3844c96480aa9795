#include "usecases/program.h"

#include <fmt/format.h>

#include "core/intake/parse.h"
#include "core/plan/changes.h"
#include "core/plan/profile.h"
#include "core/triage/clearance.h"
#include "core/triage/level.h"

namespace kc::usecases {

Result<PersonProgram> find_program(store::Store& store, const std::string& name, bool allow_stopped) {
  auto person = store.find_person(name);
  if (!person) return person.error();
  if (!*person) return make_error(errc::kNotFound, "person", fmt::format("no person \"{}\"", name));
  auto plan = store.latest_plan((*person)->id);
  if (!plan) return plan.error();
  if (!*plan) {
    return make_error(errc::kNoProgram, "person",
                      fmt::format("\"{}\" has no program yet; set one up first (kneecoach init)", name));
  }
  if ((*plan)->stopped_at && !allow_stopped) {
    return make_error(
        errc::kStopped, "person",
        fmt::format("the program was stopped: {}; see a clinician before starting again", (*plan)->stop_reason));
  }
  auto changes = store.program_changes((*person)->id);
  if (!changes) return changes.error();
  return PersonProgram{**person, apply_changes(**plan, *changes), std::move(changes).value()};
}

Result<tracking::History> load_history(store::Store& store, const store::PlanRecord& plan) {
  tracking::History h;
  h.plan = plan;
  auto sessions = store.sessions(plan.person);
  if (!sessions) return sessions.error();
  h.sessions = std::move(sessions).value();
  auto logs = store.exercise_logs(plan.person);
  if (!logs) return logs.error();
  h.logs = std::move(logs).value();
  auto measurements = store.measurements(plan.person, "");
  if (!measurements) return measurements.error();
  h.measurements = std::move(measurements).value();
  auto changes = store.dose_changes(plan.person);
  if (!changes) return changes.error();
  auto program_changes = store.program_changes(plan.person);
  if (!program_changes) return program_changes.error();
  h.changes = clinician_doses(plan, std::move(changes).value(), *program_changes);
  h.limits = limits_of(plan, *program_changes);
  auto check_ins = store.check_ins(plan.person);
  if (!check_ins) return check_ins.error();
  h.check_ins = std::move(check_ins).value();
  auto clearance = clearance_for(store, plan);
  if (!clearance) return clearance.error();
  h.pain_limit = acceptable_pain(*clearance ? (*clearance)->limits.pain_ceiling : std::nullopt);
  return h;
}

Result<LoadedProgram> load_program(store::Store& store, const std::string& name, bool allow_stopped) {
  auto found = find_program(store, name, allow_stopped);
  if (!found) return found.error();
  auto history = load_history(store, found->plan);
  if (!history) return history.error();
  return LoadedProgram{found->person, found->plan, std::move(history).value()};
}

std::vector<store::DoseChange> doses_in_force(const PersonProgram& program, std::vector<store::DoseChange> stored) {
  return clinician_doses(program.plan, std::move(stored), program.changes);
}

Result<std::optional<Answers>> stored_answers(store::Store& store, store::PersonId person) {
  auto record = store.latest_answers(person);
  if (!record) return record.error();
  if (!*record) return std::optional<Answers>{};
  auto answers = parse_answers((*record)->json);
  if (!answers) {
    return make_error(fmt::format(
        "the stored answers cannot be read ({}); your records are kept. `kneecoach doctor` checks the store; "
        "`kneecoach init` asks the questions again and sets the program up anew",
        answers.error().message));
  }
  return std::optional<Answers>{std::move(answers).value()};
}

Result<std::optional<Clearance>> clearance_for(store::Store& store, const store::PlanRecord& plan) {
  auto record = store.clearance_of_plan(plan.person, plan.id);
  if (!record) return record.error();
  if (!*record) return std::optional<Clearance>{};
  const auto doc = nlohmann::json::parse((*record)->json, nullptr, false);
  auto clearance = clearance_from_json(doc);
  if (!clearance) {
    return make_error(fmt::format("the stored clearance cannot be read ({}); `kneecoach doctor` checks the store",
                                  clearance.error().message));
  }
  return std::optional<Clearance>{std::move(clearance).value()};
}

Result<std::optional<Profile>> profile_for(store::Store& store, const store::PlanRecord& plan) {
  auto answers = stored_answers(store, plan.person);
  if (!answers) return answers.error();
  if (!*answers) return std::optional<Profile>{};
  auto clearance = clearance_for(store, plan);
  if (!clearance) return clearance.error();
  const Level level = parse_level(plan.level).value_or(Level::kCaution);
  return std::optional<Profile>{make_profile(**answers, may_start_program(level) ? level : Level::kCaution,
                                             *clearance ? (*clearance)->limits : ClinicianLimits{})};
}

Result<tracking::CanDo> can_do_for(store::Store& store, const store::PlanRecord& plan) {
  auto profile = profile_for(store, plan);
  if (!profile) return profile.error();
  if (!*profile) return tracking::CanDo([](const Exercise&) { return true; });
  return tracking::CanDo([p = **profile](const Exercise& e) { return feasible(e, p); });
}

}  // namespace kc::usecases
