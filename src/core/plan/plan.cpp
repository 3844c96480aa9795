#include "core/plan/plan.h"

#include <algorithm>

#include "core/intake/consistency.h"
#include "core/plan/dosing.h"
#include "core/plan/explain.h"
#include "core/plan/fitting.h"
#include "core/plan/profile.h"
#include "core/plan/reasons.h"
#include "core/plan/schedule.h"
#include "core/plan/selection.h"
#include "core/plan/shortfall.h"

namespace kc {
namespace {

struct Entry {
  Pick pick;
  bool inner_extra = false;
  Dose start;
};

struct BuiltSession {
  SessionTemplate session;
  bool fits = true;                       // at least one exercise fits the minutes
  int min_seconds = 0;                    // all the essentials at their smallest doses
  std::vector<const Exercise*> left_out;  // essentials and extras that did not fit
};

int order_rank(const Exercise& e) {
  switch (e.kind) {
    case Kind::kMobility:
      return 0;  // a warm-up
    case Kind::kStrength:
      return 1;
    case Kind::kStretch:
      return 2;  // after the workout, as article 001 advises
  }
  return 3;
}

std::vector<Entry> in_session_order(std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return order_rank(*a.pick.exercise) < order_rank(*b.pick.exercise);
  });
  return entries;
}

std::vector<PlannedExercise> items_for(const std::vector<Entry>& entries, std::vector<Dose>& targets) {
  std::vector<PlannedExercise> items;
  targets.clear();
  for (const auto& entry : entries) {
    PlannedExercise item;
    item.exercise = entry.pick.exercise;
    item.block = entry.pick.exercise->kind == Kind::kStrength ? Block::kStrength : Block::kFlexibility;
    items.push_back(std::move(item));
    targets.push_back(entry.start);
  }
  return items;
}

// Seconds the entries take at their smallest doses.
int minimum_seconds(const std::vector<Entry>& entries) {
  int total = 0;
  for (const auto& entry : entries) total += dose_time(minimum_dose(*entry.pick.exercise, entry.start)) + kMoveSeconds;
  return total;
}

BuiltSession build_session(SessionKind kind, const std::vector<Entry>& essentials, const std::vector<Entry>& extras,
                           const Catalog& catalog, const Profile& p) {
  BuiltSession built;
  const int budget = p.answers.minutes_per_session * 60;
  built.min_seconds = minimum_seconds(essentials);
  // A short session keeps the essentials that fit, in order of importance (strength first).
  std::vector<Entry> chosen;
  for (const auto& entry : essentials) {
    auto more = chosen;
    more.push_back(entry);
    if (minimum_seconds(more) <= budget) {
      chosen = std::move(more);
    } else {
      built.left_out.push_back(entry.pick.exercise);
    }
  }
  if (chosen.empty()) {
    built.fits = false;
    return built;
  }
  for (const auto& extra : extras) {
    auto more = chosen;
    more.push_back(extra);
    if (minimum_seconds(more) <= budget) {
      chosen = std::move(more);
    } else {
      built.left_out.push_back(extra.pick.exercise);
    }
  }
  const auto ordered = in_session_order(chosen);
  std::vector<Dose> targets;
  auto items = items_for(ordered, targets);
  fit_doses(items, targets, budget);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ReasonContext ctx{&ordered[i].pick, ordered[i].inner_extra, ordered[i].start};
    items[i].reason = reason_for(items[i], ctx, catalog, p);
    items[i].start_easier = start_easier_for(*items[i].exercise, p);
    items[i].trimmed = items[i].dose.sets < targets[i].sets || items[i].dose.reps < targets[i].reps;
  }
  built.session.kind = kind;
  built.session.id = kind == SessionKind::kStrength ? "A" : "B";
  built.session.title =
      kind == SessionKind::kStrength ? "Strengthening, then stretching and mobility" : "Stretching and mobility";
  built.session.seconds = session_seconds(items);
  built.session.exercises = std::move(items);
  return built;
}

std::vector<Entry> entries_of(const std::vector<Pick>& picks, const Profile& p, bool inner_extra) {
  std::vector<Entry> out;
  out.reserve(picks.size());
  for (const auto& pick : picks) out.push_back({pick, inner_extra, starting_dose(*pick.exercise, p)});
  return out;
}

std::vector<Weekday> sorted_days(const Answers& a) {
  auto days = a.days;
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

int wanted_strength_days(const Profile& p) { return !p.caution && p.band == PainBand::kLow ? 3 : 2; }

Status check_options(const PlanOptions& options) {
  if (options.weeks < 1 || options.weeks > kMaxWeeks)
    return make_error("weeks: " + std::to_string(options.weeks) + " is out of range; expected 1 to " +
                      std::to_string(kMaxWeeks));
  if (!may_start_program(options.level))
    return make_error("the triage level is " + std::string(to_string(options.level)) +
                      ", which does not allow a program; expected go or caution");
  return Ok{};
}

PlanOutcome build_outcome(const Answers& answers, const Catalog& catalog, const PlanOptions& options);

// The equipment the person lacks that, added alone, would turn `outcome` into a plan.
std::vector<Equipment> equipment_enough_alone(const Answers& answers, const Catalog& catalog,
                                              const PlanOptions& options) {
  std::vector<Equipment> out;
  Answers everything = answers;
  for (int i = 0; i <= static_cast<int>(Equipment::kBand); ++i)
    everything.equipment.push_back(static_cast<Equipment>(i));
  if (!build_outcome(everything, catalog, options).ok()) return out;  // equipment is not what is missing
  for (int i = 0; i <= static_cast<int>(Equipment::kBand); ++i) {
    const auto item = static_cast<Equipment>(i);
    if (answers.has(item)) continue;
    Answers more = answers;
    more.equipment.push_back(item);
    if (build_outcome(more, catalog, options).ok()) out.push_back(item);
  }
  return out;
}

}  // namespace

const SessionTemplate* Plan::session(SessionKind kind) const {
  for (const auto& s : sessions)
    if (s.kind == kind) return &s;
  return nullptr;
}

Result<PlanOutcome> build_plan(const Answers& answers, const Catalog& catalog, const PlanOptions& options) {
  if (auto status = check_options(options); !status.ok()) return status.error();
  const Reading reading = read_safely(answers);
  PlanOutcome outcome = build_outcome(reading.answers, catalog, options);
  if (!outcome.ok()) outcome.enough_alone = equipment_enough_alone(reading.answers, catalog, options);
  if (outcome.ok()) {
    auto& decisions = outcome.plan->decisions;
    decisions.insert(decisions.begin(), reading.notes.begin(), reading.notes.end());
  }
  return outcome;
}

namespace {

PlanOutcome build_outcome(const Answers& answers, const Catalog& catalog, const PlanOptions& options) {
  const Profile p =
      make_profile(answers, options.level, options.clearance ? options.clearance->limits : ClinicianLimits{});
  PlanOutcome outcome;
  const auto days = sorted_days(answers);
  std::vector<Weekday> strength_days;
  if (days.size() < 2) {
    outcome.missing.push_back(missing_days(days));
  } else {
    strength_days = choose_strength_days(days, wanted_strength_days(p));
    if (strength_days.size() < 2) outcome.missing.push_back(missing_strength_days(days, days_allowing_two(days)));
  }
  const Selection sel = select_exercises(catalog, p);
  if (sel.strength.empty() && sel.flexibility.empty())
    outcome.missing.insert(outcome.missing.end(), sel.missing.begin(), sel.missing.end());

  auto strength = entries_of(sel.strength, p, false);
  const auto flexibility = entries_of(sel.flexibility, p, false);
  strength.insert(strength.end(), flexibility.begin(), flexibility.end());
  const BuiltSession a =
      build_session(SessionKind::kStrength, strength, entries_of(sel.inner_extras, p, true), catalog, p);
  if (!a.fits) outcome.missing.push_back(missing_minutes(a.min_seconds, answers.minutes_per_session));
  if (!outcome.missing.empty()) return outcome;

  Plan plan;
  plan.start = options.start;
  plan.weeks = options.weeks;
  plan.level = options.level;
  plan.pain = p.pain;
  plan.pain_band = std::string(to_string(p.band));
  plan.minutes_per_session = answers.minutes_per_session;
  plan.days = days;
  plan.strength_days = strength_days;
  plan.sessions.push_back(a.session);
  auto left_out = a.left_out;
  if (strength_days.size() < days.size() && !flexibility.empty()) {
    const BuiltSession b = build_session(SessionKind::kFlexibility, flexibility, {}, catalog, p);
    if (b.fits) plan.sessions.push_back(b.session);
    for (const Exercise* e : b.left_out)
      if (std::find(left_out.begin(), left_out.end(), e) == left_out.end()) left_out.push_back(e);
  }
  plan.calendar = lay_out(options.start, options.weeks, days, strength_days);
  plan.reviews = review_points(options.start, options.weeks);
  plan.cautions = options.cautions;
  if (auto pain = pain_caution(p)) plan.cautions.push_back(*pain);
  if (options.clearance) {
    std::vector<std::string> avoided;
    for (const auto& id : options.clearance->limits.avoid) {
      const Exercise* e = catalog.find(id);
      avoided.push_back(e != nullptr ? e->name : id);
    }
    const auto words = describe_clearance(*options.clearance, avoided);
    plan.cautions.insert(plan.cautions.begin(), words.begin(), words.end());
    plan.clearance = options.clearance;
  }
  plan.complete = left_out.empty() && sel.missing.empty();
  plan.decisions = explain_decisions(plan, p, wanted_strength_days(p), {left_out, sel.missing, a.min_seconds});
  plan.safety = safety_notes(p);
  outcome.plan = std::move(plan);
  return outcome;
}

}  // namespace
}  // namespace kc
