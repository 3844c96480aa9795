#include "usecases/program_changes.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/plan/changes.h"
#include "core/plan/dosing.h"
#include "core/plan/shortfall.h"
#include "core/store/codec.h"
#include "usecases/clinic/authorize.h"
#include "usecases/program.h"

namespace kc::usecases {
namespace {

using store::ChangeKind;

bool in_program(const store::PlanRecord& plan, const std::string& id) {
  return std::any_of(plan.sessions.begin(), plan.sessions.end(), [&](const store::PlanSession& s) {
    return std::any_of(s.exercises.begin(), s.exercises.end(),
                       [&](const store::PlanExercise& e) { return e.exercise_id == id; });
  });
}

// The plan's dose of exercise `id` (its first place), for a setting to build on.
std::optional<Dose> plan_dose(const store::PlanRecord& plan, const std::string& id) {
  for (const auto& s : plan.sessions) {
    for (const auto& e : s.exercises) {
      if (e.exercise_id == id) return e.dose;
    }
  }
  return std::nullopt;
}

Status check_setting(const std::optional<DoseSetting>& d, const char* field) {
  if (!d) return Ok{};
  const auto out = [&](const char* part, const char* range) {
    return make_error(errc::kOutOfRange, fmt::format("{}.{}", field, part),
                      fmt::format("{}.{} must be a whole number from {}", field, part, range));
  };
  if (d->sets < 1 || d->sets > 10) return out("sets", "1 to 10");
  if (d->reps < 1 || d->reps > 100) return out("reps", "1 to 100");
  if (d->hold_seconds && (*d->hold_seconds < 1 || *d->hold_seconds > 300)) return out("hold_seconds", "1 to 300");
  return Ok{};
}

Status check_text(const std::string& text, const char* field) {
  if (text.size() <= kMaxChangeText) return Ok{};
  return make_error(errc::kOutOfRange, field,
                    fmt::format("{} is {} characters long; keep it to {}", field, text.size(), kMaxChangeText));
}

// What the request must carry for its kind, checked before anything about the person.
Result<ChangeKind> check_request(const ChangeRequest& r) {
  const auto kind = store::parse_change_kind(r.kind);
  if (!kind) {
    return make_error(errc::kInvalid, "kind",
                      fmt::format("kind \"{}\" is not one of add, remove, swap, dose, limit, pause, resume, message",
                                  r.kind.substr(0, 40)));
  }
  const auto missing = [](const char* field, const char* why) {
    return make_error(errc::kMissing, field, fmt::format("{} is required {}", field, why));
  };
  const bool names_exercise =
      *kind != ChangeKind::kPause && *kind != ChangeKind::kResume && *kind != ChangeKind::kMessage;
  if (names_exercise && r.exercise.empty()) return missing("exercise", "for this kind: the catalog id of an exercise");
  if (*kind == ChangeKind::kSwap && r.replacement.empty()) return missing("replacement", "for a swap");
  if (*kind == ChangeKind::kDose && !r.dose) return missing("dose", "for a dose: {\"sets\", \"reps\"}");
  if (*kind == ChangeKind::kMessage && r.text.empty()) return missing("text", "for a message");
  for (const auto& s : {check_setting(r.dose, "dose"), check_setting(r.limit, "limit"), check_text(r.text, "text"),
                        check_text(r.reason, "reason"), check_text(r.override_reason, "override_reason")}) {
    if (!s) return s.error();
  }
  return *kind;
}

Result<const Exercise*> catalog_exercise(const Catalog& catalog, const std::string& id, const char* field) {
  const Exercise* e = catalog.find(id);
  if (e != nullptr) return e;
  return make_error(
      errc::kInvalid, field,
      fmt::format("no exercise \"{}\" in the catalog; GET /api/v1/exercises lists them", id.substr(0, 80)));
}

// `setting` on `base`; a hold time for an exercise done in reps is refused.
Result<Dose> dose_from(const Exercise& e, const Dose& base, const DoseSetting& setting, const char* field) {
  if (setting.hold_seconds && !base.hold_seconds && !base.hold_breaths) {
    return make_error(errc::kInvalid, fmt::format("{}.hold_seconds", field),
                      fmt::format("the {} is done in reps, not timed holds; leave hold_seconds out", e.name));
  }
  return with_setting(base, setting.sets, setting.reps, setting.hold_seconds);
}

const std::string& brought(const store::ProgramChange& c) {
  return c.kind == ChangeKind::kSwap ? c.replacement : c.exercise;
}
const char* field_of(const store::ProgramChange& c) { return c.kind == ChangeKind::kSwap ? "replacement" : "exercise"; }

Status conflict(std::string message) { return make_error(errc::kConflict, "kind", std::move(message)); }

// Fills in the exercise parts of `c` (which exercise, block and dose) and checks them against
// the program.
Status fill_exercise(store::ProgramChange& c, const ChangeRequest& r, const store::PlanRecord& plan,
                     const Catalog& catalog, const std::optional<Profile>& profile) {
  if (c.kind == ChangeKind::kPause || c.kind == ChangeKind::kResume || c.kind == ChangeKind::kMessage) return Ok{};
  const bool brings_in = c.kind == ChangeKind::kAdd || c.kind == ChangeKind::kSwap;
  if (c.kind != ChangeKind::kAdd && !in_program(plan, c.exercise)) {
    return make_error(
        errc::kInvalid, "exercise",
        fmt::format("\"{}\" is not in the program; GET .../program lists its exercises", c.exercise.substr(0, 80)));
  }
  if (!brings_in && c.kind != ChangeKind::kDose && c.kind != ChangeKind::kLimit) return Ok{};
  auto e = catalog_exercise(catalog, brings_in ? brought(c) : c.exercise, brings_in ? field_of(c) : "exercise");
  if (!e) return e.error();
  if (brings_in && in_program(plan, (*e)->id)) {
    return conflict(fmt::format("the {} is in the program already", (*e)->name));
  }
  const Dose base = brings_in ? (profile ? starting_dose(**e, *profile) : (*e)->dose)
                              : plan_dose(plan, c.exercise).value_or((*e)->dose);
  const auto& setting = c.kind == ChangeKind::kLimit ? r.limit : r.dose;
  if (brings_in) c.block = block_of(**e);
  if (!setting) {
    if (brings_in) c.dose = base;
    return Ok{};
  }
  auto dose = dose_from(**e, base, *setting, c.kind == ChangeKind::kLimit ? "limit" : "dose");
  if (!dose) return dose.error();
  c.dose = *dose;
  return Ok{};
}

// Pause only a running program, resume only a paused one.
Status check_pause(const store::ProgramChange& c, const PersonProgram& program) {
  const bool paused = pause_of(program.plan, program.changes).has_value();
  if (c.kind == ChangeKind::kPause && paused) return conflict("the program is paused already");
  if (c.kind == ChangeKind::kResume && !paused)
    return conflict("the program is not paused; there is nothing to resume");
  return Ok{};
}

// The planner's rule against `c`, if any: refused without an override reason, recorded with one.
Status apply_rules(store::ProgramChange& c, const Catalog& catalog, const std::optional<Profile>& profile) {
  std::string rule;
  if (profile) {
    rule = rule_against(c, catalog, *profile);
  } else if (const Exercise* e = catalog.find(brought(c)); e != nullptr && c.dose && c.kind != ChangeKind::kLimit) {
    rule = dose_above_rules(*e, *c.dose);
  }
  if (rule.empty()) {
    c.override_reason.clear();
    return Ok{};
  }
  if (c.override_reason.empty()) {
    return make_error(errc::kUnsafe, "override_reason",
                      fmt::format("refused by the planner's safety rules: {}; to go ahead anyway, send "
                                  "override_reason saying why (it is recorded with the change)",
                                  rule));
  }
  c.overridden_rule = rule;
  return Ok{};
}

Result<PersonProgram> program_of(clinic::Clinic& clinic, const store::Person& person, ChangeKind kind) {
  auto program = find_program(clinic.records, person.name, true);
  if (!program) return program.error();
  if (program->plan.stopped_at && kind != ChangeKind::kMessage) {
    return make_error(errc::kStopped, "kind",
                      fmt::format("the program was stopped: {}; only a message can be sent until a new program is "
                                  "set up",
                                  program->plan.stop_reason));
  }
  return program;
}

}  // namespace

Result<ProgramEditor> may_change_program(clinic::Clinic& clinic, const clinic::Caller& caller,
                                         const std::string& person) {
  auto who = clinic::authorize_person(clinic, caller, clinic::Action::kChangeProgram, person, "program.change");
  if (!who) return who.error();
  return ProgramEditor(std::move(who).value(), caller);
}

Result<store::ProgramChange> change_program(clinic::Clinic& clinic, const ProgramEditor& editor, const Catalog& catalog,
                                            const ChangeRequest& request) {
  auto kind = check_request(request);
  if (!kind) return kind.error();
  const store::Person* who = &editor.person();
  store::ProgramChange c;
  c.person = who->id;
  c.at = clinic.clock.now();
  c.date = clinic.clock.today();
  c.kind = *kind;
  c.exercise = request.exercise;
  c.replacement = request.replacement;
  c.text = request.text;
  c.by = editor.caller().actor.username;
  c.reason = request.reason;
  c.override_reason = request.override_reason;
  auto program = program_of(clinic, *who, *kind);
  if (!program && !(*kind == ChangeKind::kMessage && program.error().code == errc::kNoProgram)) {
    return program.error();
  }
  if (program) {
    c.plan = *kind == ChangeKind::kMessage ? 0 : program->plan.id;
    auto profile = profile_for(clinic.records, program->plan);
    if (!profile) return profile.error();
    for (const auto& s : {check_pause(c, *program), fill_exercise(c, request, program->plan, catalog, *profile)}) {
      if (!s) return s.error();
    }
    if (auto s = apply_rules(c, catalog, *profile); !s) return s.error();
  }
  return clinic.records.add_program_change(c);
}

Result<ClinicianProgram> program_for_clinician(clinic::Clinic& clinic, const clinic::Caller& caller,
                                               const Catalog& catalog, const std::string& person) {
  auto who = clinic::authorize_person(clinic, caller, clinic::Action::kChangeProgram, person, "program.read");
  if (!who) return who.error();
  auto program = program_in_force(clinic.records, clinic.clock, Content{catalog}, {who->name, std::nullopt, true});
  if (!program) return program.error();
  auto profile = profile_for(clinic.records, program->plan);
  if (!profile) return profile.error();
  ClinicianProgram out;
  out.limits = limits_of(program->plan, program->program_changes);
  out.paused = pause_of(program->plan, program->program_changes);
  for (const auto& e : catalog.all()) {
    Candidate c{&e, true, in_program(program->plan, e.id), e.benefit};
    if (*profile) {
      const std::string out_because = excluded_because(e, **profile);
      if (!out_because.empty())
        c = {&e, false, c.in_program, "the planner leaves it out for this person: " + out_because};
    }
    out.candidates.push_back(std::move(c));
  }
  out.program = std::move(program).value();
  return out;
}

}  // namespace kc::usecases
