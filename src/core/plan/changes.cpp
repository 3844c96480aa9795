#include "core/plan/changes.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/common/text.h"
#include "core/plan/progression_steps.h"
#include "core/plan/shortfall.h"

namespace kc {
namespace {

using store::ChangeKind;
using store::ProgramChange;

std::string because(const ProgramChange& c) { return c.reason.empty() ? c.by : c.by + ": " + c.reason; }

int top_sets(const Exercise& e) {
  return e.kind == Kind::kStrength ? std::max(e.dose.sets, kStrengthMaxSets) : e.dose.sets;
}

// The exercise a change brings into the program (add: the exercise; swap: the replacement).
const std::string& brought_in(const ProgramChange& c) {
  return c.kind == ChangeKind::kSwap ? c.replacement : c.exercise;
}

bool has(const store::PlanSession& s, const std::string& id) {
  return std::any_of(s.exercises.begin(), s.exercises.end(),
                     [&](const store::PlanExercise& e) { return e.exercise_id == id; });
}

void add(store::PlanRecord& plan, const ProgramChange& c) {
  if (!c.dose) return;
  const std::string& block = c.block;
  for (auto& s : plan.sessions) {
    if (has(s, c.exercise) || (block == "strength" && s.kind != "strength")) continue;
    auto at = s.exercises.end();
    for (auto it = s.exercises.begin(); it != s.exercises.end(); ++it) {
      if (it->block == block) at = it + 1;
    }
    if (at == s.exercises.end() && block == "strength") at = s.exercises.begin();
    s.exercises.insert(at, {c.exercise, block, *c.dose, "Added by " + because(c)});
  }
}

void remove(store::PlanRecord& plan, const std::string& id) {
  for (auto& s : plan.sessions) {
    std::erase_if(s.exercises, [&](const store::PlanExercise& e) { return e.exercise_id == id; });
  }
}

void swap(store::PlanRecord& plan, const ProgramChange& c) {
  if (!c.dose) return;
  for (auto& s : plan.sessions) {
    if (has(s, c.replacement)) continue;
    for (auto& pe : s.exercises) {
      if (pe.exercise_id != c.exercise) continue;
      pe = {c.replacement, c.block, *c.dose, fmt::format("Swapped in for {} by {}", c.exercise, because(c))};
    }
  }
}

void drop_paused_days(store::PlanRecord& plan, const std::vector<ProgramChange>& changes) {
  std::optional<CivilDate> paused_from;
  auto drop = [&](CivilDate until) {
    std::erase_if(plan.calendar, [&](const store::PlanDay& d) { return d.date >= *paused_from && d.date < until; });
  };
  for (const auto& c : changes) {
    if (c.plan != plan.id) continue;
    if (c.kind == ChangeKind::kPause && !paused_from) paused_from = c.date;
    if (c.kind == ChangeKind::kResume && paused_from) {
      drop(c.date);
      paused_from.reset();
    }
  }
  if (paused_from) drop(CivilDate::max());
}

int volume(const Dose& d) { return d.sets * d.reps * std::max(1, d.hold_seconds.value_or(1)); }

}  // namespace

std::string dose_above_rules(const Exercise& e, const Dose& d) {
  std::vector<std::string> over;
  if (d.sets > top_sets(e)) over.push_back(fmt::format("{} sets (progression stops at {})", d.sets, top_sets(e)));
  const int top_reps = e.dose.reps_max.value_or(e.dose.reps);
  if (d.reps > top_reps) over.push_back(fmt::format("{} reps or holds (progression stops at {})", d.reps, top_reps));
  const std::optional<int> top_hold = e.dose.hold_seconds_max ? e.dose.hold_seconds_max : e.dose.hold_seconds;
  if (d.hold_seconds && top_hold && *d.hold_seconds > *top_hold) {
    over.push_back(fmt::format("{} s holds (progression stops at {} s)", *d.hold_seconds, *top_hold));
  }
  if (over.empty()) return "";
  return fmt::format("the dose is above the most the progression rules give the {}: {}", e.name, join(over, ", "));
}

std::string rule_against(const ProgramChange& change, const Catalog& catalog, const Profile& p) {
  if (change.kind != ChangeKind::kAdd && change.kind != ChangeKind::kSwap && change.kind != ChangeKind::kDose) {
    return "";
  }
  const Exercise* e = catalog.find(brought_in(change));
  if (e == nullptr) return "";
  if (change.kind != ChangeKind::kDose) {
    const std::string out = excluded_because(*e, p);
    if (!out.empty()) return fmt::format("the planner leaves out the {} for this person: {}", e->name, out);
  }
  return change.dose ? dose_above_rules(*e, *change.dose) : "";
}

bool within_limit(const std::optional<Dose>& limit, const std::string& from_id, const std::string& to_id,
                  const Dose& to) {
  if (!limit) return true;
  if (from_id != to_id || to.sets > limit->sets || to.reps > limit->reps) return false;
  return !(to.hold_seconds && limit->hold_seconds && *to.hold_seconds > *limit->hold_seconds);
}

Dose with_setting(Dose base, int sets, int reps, std::optional<int> hold_seconds) {
  base.sets = sets;
  base.reps = reps;
  if (hold_seconds) {
    base.hold_seconds = hold_seconds;
    base.hold_breaths.reset();
  }
  return base;
}

std::string block_of(const Exercise& e) { return e.kind == Kind::kStrength ? "strength" : "flexibility"; }

store::PlanRecord apply_changes(const store::PlanRecord& plan, const std::vector<ProgramChange>& changes) {
  store::PlanRecord out = plan;
  for (const auto& c : changes) {
    if (c.plan != plan.id) continue;
    if (c.kind == ChangeKind::kAdd) add(out, c);
    if (c.kind == ChangeKind::kRemove) remove(out, c.exercise);
    if (c.kind == ChangeKind::kSwap) swap(out, c);
  }
  drop_paused_days(out, changes);
  return out;
}

std::vector<store::DoseChange> clinician_doses(const store::PlanRecord& plan, std::vector<store::DoseChange> stored,
                                               const std::vector<ProgramChange>& changes) {
  std::map<std::string, std::pair<std::string, Dose>> current;  // plan exercise -> (doing, dose)
  for (const auto& s : plan.sessions) {
    for (const auto& e : s.exercises) current.try_emplace(e.exercise_id, e.exercise_id, e.dose);
  }
  std::vector<store::DoseChange> out;
  auto next = stored.begin();
  auto keep = [&](const store::DoseChange& d) {
    if (d.plan == plan.id && current.contains(d.exercise_id)) {
      current[d.exercise_id] = {d.now_doing.empty() ? d.exercise_id : d.now_doing, d.to};
    }
    out.push_back(d);
  };
  for (const auto& c : changes) {
    if (c.plan != plan.id || c.kind != ChangeKind::kDose || !c.dose || !current.contains(c.exercise)) continue;
    for (; next != stored.end() && next->at <= c.at; ++next) keep(*next);
    const auto& [doing, from] = current[c.exercise];
    store::DoseChange d;
    d.person = c.person;
    d.plan = c.plan;
    d.at = c.at;
    d.date = c.date;
    d.exercise_id = c.exercise;
    d.now_doing = doing;
    d.from = from;
    d.to = *c.dose;
    const int more = volume(d.to) - volume(d.from);
    d.decision = more > 0 ? store::DoseDecision::kProgress
                          : (more < 0 ? store::DoseDecision::kEase : store::DoseDecision::kHold);
    d.reason = "Set by " + because(c);
    keep(d);
  }
  for (; next != stored.end(); ++next) keep(*next);
  return out;
}

std::map<std::string, Dose> limits_of(const store::PlanRecord& plan, const std::vector<ProgramChange>& changes) {
  std::map<std::string, Dose> out;
  for (const auto& c : changes) {
    if (c.plan != plan.id || c.kind != ChangeKind::kLimit) continue;
    if (c.dose) {
      out[c.exercise] = *c.dose;
    } else {
      out.erase(c.exercise);
    }
  }
  return out;
}

std::optional<ProgramChange> pause_of(const store::PlanRecord& plan, const std::vector<ProgramChange>& changes) {
  std::optional<ProgramChange> out;
  for (const auto& c : changes) {
    if (c.plan != plan.id) continue;
    if (c.kind == ChangeKind::kPause) out = c;
    if (c.kind == ChangeKind::kResume) out.reset();
  }
  return out;
}

std::vector<ProgramChange> messages_since(const std::vector<ProgramChange>& changes, std::optional<TimePoint> seen) {
  std::vector<ProgramChange> out;
  for (const auto& c : changes) {
    if (c.kind == ChangeKind::kMessage && (!seen || c.at > *seen)) out.push_back(c);
  }
  return out;
}

}  // namespace kc
