#include "core/plan/dosing.h"

#include <algorithm>

#include "core/catalog/catalog.h"

namespace kc {
namespace {

int percent_of(int value, int percent, int floor_value) {
  const int scaled = (value * percent + 50) / 100;
  return std::max(std::min(value, floor_value), scaled);
}

Dose stretch_dose(const Exercise& e) {
  Dose d = e.dose;
  if (d.hold_seconds) {
    d.hold_seconds = std::clamp(*d.hold_seconds, kStretchHoldMin, kStretchHoldMax);
    if (d.hold_seconds_max) d.hold_seconds_max = std::clamp(*d.hold_seconds_max, *d.hold_seconds, kStretchHoldMax);
  } else if (d.hold_breaths) {
    d.hold_seconds = std::clamp(*d.hold_breaths * kBreathSeconds, kStretchHoldMin, kStretchHoldMax);
    d.hold_breaths.reset();
  }
  return d;
}

void step_down(Dose& d, int step, bool keep_sets) {
  if (step == 1) {
    if (d.sets > 1 && !keep_sets) {
      d.sets -= 1;
    } else {
      d.reps = percent_of(d.reps, 90, kMinReps);
    }
    return;
  }
  const int percent = step == 2 ? 80 : 60;
  if (!keep_sets) d.sets = 1;
  d.reps = percent_of(d.reps, percent, kMinReps);
  if (d.hold_seconds) {
    d.hold_seconds = percent_of(*d.hold_seconds, 75, 10);
    if (d.hold_seconds_max) d.hold_seconds_max = std::max(*d.hold_seconds_max, *d.hold_seconds);
  }
}

}  // namespace

Dose starting_dose(const Exercise& e, const Profile& p) {
  if (e.kind == Kind::kStretch) return stretch_dose(e);
  Dose d = e.dose;
  if (p.dose_steps > 0) step_down(d, p.dose_steps, e.kind == Kind::kMobility);
  return d;
}

Dose minimum_dose(const Exercise& e, const Dose& start) {
  Dose d = start;
  if (e.kind == Kind::kStrength) d.sets = 1;
  if (e.kind == Kind::kStretch) d.reps = 1;
  return d;
}

bool step_toward(Dose& d, const Dose& target) {
  if (d.sets < target.sets) {
    d.sets += 1;
    return true;
  }
  if (d.reps < target.reps) {
    d.reps += 1;
    return true;
  }
  return false;
}

int dose_time(const Dose& d) { return dose_seconds(d, kBreathSeconds); }

int hold_time(const Dose& d) {
  if (d.hold_seconds) return *d.hold_seconds;
  if (d.hold_breaths) return *d.hold_breaths * kBreathSeconds;
  return 0;
}

}  // namespace kc
