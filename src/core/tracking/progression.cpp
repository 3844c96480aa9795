#include "core/tracking/progression.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/plan/changes.h"
#include "core/plan/dosing.h"
#include "core/plan/selection.h"
#include "core/tracking/weekly_rise.h"

namespace kc::tracking {
namespace {

using store::DoseDecision;
using store::ExerciseOutcome;

using Step = std::optional<std::pair<std::string, Dose>>;

// The harder (or easier) exercise the person can do: a variant naming another exercise
// first, then catalog exercises that name this one as their easier (harder) version.
const Exercise* variant_exercise(const Exercise& e, const Catalog& catalog, const CanDo& can_do, bool harder) {
  for (const auto& v : harder ? e.harder : e.easier) {
    if (v.exercise.empty()) continue;
    const Exercise* other = catalog.find(v.exercise);
    if (other != nullptr && can_do(*other)) return other;
  }
  for (const auto& other : catalog.all()) {
    if (other.id == e.id) continue;
    const auto& links = harder ? other.easier : other.harder;
    const bool names_e = std::any_of(links.begin(), links.end(), [&](const Variant& v) { return v.exercise == e.id; });
    if (names_e && can_do(other)) return &other;
  }
  return nullptr;
}

// A variant's starting dose: its catalog dose, one set fewer, so the switch is a small step.
Dose variant_start(const Exercise& v) {
  Dose d = v.dose;
  d.sets = std::max(1, d.sets - 1);
  return d;
}

int max_sets(const Exercise& e) {
  return e.kind == Kind::kStrength ? std::max(e.dose.sets, kStrengthMaxSets) : e.dose.sets;
}

bool is_hold(const Dose& d) { return d.hold_seconds.has_value() || d.hold_breaths.has_value(); }

Decision hold(const ExerciseEvidence& ev, std::string rule, std::string reason) {
  return Decision{DoseDecision::kHold, std::move(rule), std::move(reason), ev.current.dose, ev.current.exercise_id};
}

Decision ease(const ExerciseEvidence& ev, const std::string& rule, const std::string& because, const Catalog& catalog,
              const CanDo& can_do) {
  std::string why;
  auto step = step_down(*ev.exercise, ev.current.dose, catalog, can_do, why);
  if (!step) {
    return hold(ev, rule + "-at-easiest",
                because +
                    ". It is already at its easiest dose: do it gently within a pain-free range, or leave it "
                    "out and ask a physiotherapist");
  }
  return Decision{DoseDecision::kEase, rule, fmt::format("{}: {}", because, why), step->second, step->first};
}

std::string pain_words(int pain, const PainLimit& limit) {
  return fmt::format("{}/10 ({})", pain, pain_band_meaning(pain_band(pain, limit)));
}

// "pain during the session was 4/10 (too much), above 3: your clinician set a ceiling of 3/10".
std::string too_much_words(int pain, const PainLimit& limit) {
  std::string out = fmt::format("pain during the session was {}, above {}", pain_words(pain, limit), limit.most);
  if (limit.from_clinician()) out += ": " + pain_limit_why(limit);
  return out;
}

}  // namespace

std::string short_dose(const Dose& d) {
  if (d.hold_seconds) return fmt::format("{} x {} x {} s holds", d.sets, d.reps, *d.hold_seconds);
  if (d.hold_breaths) return fmt::format("{} x {} x {}-breath holds", d.sets, d.reps, *d.hold_breaths);
  return fmt::format("{} x {} reps", d.sets, d.reps);
}

Step step_up(const Exercise& e, const Dose& d, const Catalog& catalog, const CanDo& can_do, std::string& why) {
  Dose to = d;
  if (d.reps_max && d.reps < *d.reps_max) {
    to.reps = std::min(d.reps + kRepStep, *d.reps_max);
    why = fmt::format("more {}: {} -> {} (up to {})", is_hold(d) ? "holds" : "reps", d.reps, to.reps, *d.reps_max);
    return std::make_pair(e.id, to);
  }
  if (d.hold_seconds && d.hold_seconds_max && *d.hold_seconds < *d.hold_seconds_max) {
    to.hold_seconds = std::min(*d.hold_seconds + kHoldStep, *d.hold_seconds_max);
    why =
        fmt::format("longer holds: {} s -> {} s (up to {} s)", *d.hold_seconds, *to.hold_seconds, *d.hold_seconds_max);
    return std::make_pair(e.id, to);
  }
  if (d.sets < max_sets(e)) {
    to.sets = d.sets + 1;
    why = fmt::format("another set: {} -> {} sets", d.sets, to.sets);
    return std::make_pair(e.id, to);
  }
  if (const Exercise* harder = variant_exercise(e, catalog, can_do, true)) {
    to = variant_start(*harder);
    why = fmt::format("the harder version, {}, at {}", harder->name, short_dose(to));
    return std::make_pair(harder->id, to);
  }
  return std::nullopt;
}

Step step_down(const Exercise& e, const Dose& d, const Catalog& catalog, const CanDo& can_do, std::string& why) {
  Dose to = d;
  if (!is_hold(d) && d.reps > kMinReps) {
    to.reps = std::max(kMinReps, d.reps - std::max(kRepStep, d.reps / 5));
    why = fmt::format("fewer reps: {} -> {}", d.reps, to.reps);
    return std::make_pair(e.id, to);
  }
  if (d.hold_seconds && *d.hold_seconds > kMinHoldSeconds) {
    to.hold_seconds = std::max(kMinHoldSeconds, *d.hold_seconds - std::max(kHoldStep, *d.hold_seconds / 4));
    why = fmt::format("shorter holds: {} s -> {} s", *d.hold_seconds, *to.hold_seconds);
    return std::make_pair(e.id, to);
  }
  if (d.hold_breaths && *d.hold_breaths > kMinBreaths) {
    to.hold_breaths = std::max(kMinBreaths, *d.hold_breaths - 2);
    why = fmt::format("shorter holds: {} -> {} breaths", *d.hold_breaths, *to.hold_breaths);
    return std::make_pair(e.id, to);
  }
  if (is_hold(d) && d.reps > 1) {
    to.reps = d.reps - 1;
    why = fmt::format("fewer holds: {} -> {}", d.reps, to.reps);
    return std::make_pair(e.id, to);
  }
  if (d.sets > 1) {
    to.sets = d.sets - 1;
    why = fmt::format("one set fewer: {} -> {} sets", d.sets, to.sets);
    return std::make_pair(e.id, to);
  }
  if (const Exercise* easier = variant_exercise(e, catalog, can_do, false)) {
    to = variant_start(*easier);
    why = fmt::format("the easier version, {}, at {}", easier->name, short_dose(to));
    return std::make_pair(easier->id, to);
  }
  return std::nullopt;
}

bool pain_rising_week_on_week(std::optional<double> this_week, std::optional<double> last_week) {
  return this_week && last_week && *this_week - *last_week >= kWeeklyRise;
}

Decision decide(const ExerciseEvidence& ev, const PainPicture& pain, Moment moment, CivilDate today,
                const Catalog& catalog, const CanDo& can_do) {
  const bool done_any = ev.in_session && ev.outcome && *ev.outcome != ExerciseOutcome::kSkipped;

  // R1 (both moments): pain during the exercise above 5 is too much.
  if (moment == Moment::kAfterSession) {
    if (!done_any) return hold(ev, "not-done", "not done in this session");
    if (ev.pain_during && pain_band(*ev.pain_during, pain.limit) == PainBand::kHigh) {
      return ease(ev, "too-much-pain", too_much_words(*ev.pain_during, pain.limit), catalog, can_do);
    }
    return hold(ev, "await-check-in", "the next-morning check-in decides whether to step up");
  }

  // At the check-in. R0: one change per session.
  if (ev.changed_since_session) return hold(ev, "already-changed", "already changed after the session");

  // R2: pain must not rise week on week.
  if (pain_rising_week_on_week(pain.this_week, pain.last_week)) {
    const bool recent = ev.last_change && (today - *ev.last_change).count() < kDaysBetweenSteps;
    const std::string because = fmt::format("your next-morning pain rose from {:.1f} to {:.1f} on average this week",
                                            *pain.last_week, *pain.this_week);
    if (recent) return hold(ev, "rising-recently-changed", because + "; the dose changed this week, so it is kept");
    return ease(ev, "rising-week-on-week", because, catalog, can_do);
  }

  if (!done_any) return hold(ev, "not-done", "not done in the last session");

  // R1 again, when the session did not already ease it.
  if (ev.pain_during && pain_band(*ev.pain_during, pain.limit) == PainBand::kHigh) {
    return ease(ev, "too-much-pain", too_much_words(*ev.pain_during, pain.limit), catalog, can_do);
  }

  // R3: next-morning pain must be back to the usual level.
  if (pain.next_morning && *pain.next_morning > pain.usual) {
    return ease(ev, "not-settled",
                fmt::format("next-morning pain {}/10 was above your usual {}/10", *pain.next_morning, pain.usual),
                catalog, can_do);
  }

  if (!ev.pain_during) return hold(ev, "no-pain-rating", "no pain rating for the session, so the dose is kept");

  if (pain_band(*ev.pain_during, pain.limit) == PainBand::kModerate) {
    std::string because = fmt::format("pain during the session was {}; keep this dose until it is {} or less",
                                      pain_words(*ev.pain_during, pain.limit), safe_pain_most(pain.limit));
    if (pain.limit.from_clinician())
      because += fmt::format(" ({}; it stays at or under it)", pain_limit_why(pain.limit));
    return hold(ev, "acceptable-pain", because);
  }

  if (*ev.outcome == ExerciseOutcome::kPartly) {
    return hold(ev, "not-completed", "only partly done last time; keep this dose until you complete it");
  }

  if (ev.last_change && (today - *ev.last_change).count() < kDaysBetweenSteps) {
    return hold(ev, "changed-this-week", "the dose changed less than a week ago; give it a week before the next step");
  }

  // R4: safe pain, settled by the morning, not rising, fully done: step up.
  std::string why;
  auto step = step_up(*ev.exercise, ev.current.dose, catalog, can_do, why);
  std::string because =
      fmt::format("pain during was {} and had settled by the next morning", pain_words(*ev.pain_during, pain.limit));
  if (pain.limit.from_clinician())
    because += fmt::format(", within the ceiling of {}/10 your clinician set", pain.limit.most);
  if (!step) {
    std::string reason = because + "; it is at its top dose";
    for (const auto& v : ev.exercise->harder) {
      if (v.exercise.empty()) {
        reason += "; to make it harder: " + v.change;
        break;
      }
    }
    return hold(ev, "at-top", reason);
  }
  if (!within_limit(ev.limit, ev.current.exercise_id, step->first, step->second)) {
    return hold(ev, "clinician-limit",
                fmt::format("{}; your clinician set its highest dose at {}", because, short_dose(*ev.limit)));
  }
  return Decision{DoseDecision::kProgress, "step-up", fmt::format("{}: {}", because, why), step->second, step->first};
}

}  // namespace kc::tracking
