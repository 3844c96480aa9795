#include "core/figure/animation.h"

#include <algorithm>
#include <cmath>

#include "core/figure/check.h"

namespace kc::figure {

RepTiming rep_timing(const Dose& dose, double max_hold) {
  RepTiming r;
  if (dose.tempo && dose.tempo->total() > 0) {
    r.up = dose.tempo->up;
    r.hold = dose.tempo->hold;
    r.down = dose.tempo->down;
    if (r.up + r.down == 0) r.up = r.down = 1;
    return r;
  }
  r.up = 2;
  r.down = 2;
  const double hold = dose.hold_seconds ? *dose.hold_seconds : dose.hold_breaths.value_or(1) * 6.0;
  r.hold = std::min(hold, max_hold);
  return r;
}

namespace {

// Eases in and out so movements start and stop softly.
double ease(double t) { return t * t * (3 - 2 * t); }

// Where a moment inside a phase of `duration` seconds lies along `segments` equal segments.
RepPhase along(double into, double duration, std::size_t segments, bool forward, std::size_t last) {
  const double f = duration > 0 ? std::clamp(into / duration, 0.0, 1.0) * static_cast<double>(segments) : 0.0;
  const std::size_t i = std::min(static_cast<std::size_t>(f), segments - 1);
  const double t = ease(f - static_cast<double>(i));
  if (forward) return {i, i + 1, t};
  return {last - i, last - i - 1, t};
}

}  // namespace

RepPhase rep_phase(const RepTiming& timing, std::size_t keyframes, double seconds) {
  const std::size_t last = keyframes - 1;
  if (keyframes < 2) return {};
  double s = std::clamp(seconds, 0.0, timing.total());
  if (s < timing.rest) return {0, 0, 0};
  s -= timing.rest;
  if (s < timing.up) return along(s, timing.up, last, true, last);
  s -= timing.up;
  if (s < timing.hold) return {last, last, 0};
  s -= timing.hold;
  if (s < timing.down) return along(s, timing.down, last, false, last);
  return {0, 0, 0};
}

std::vector<RepSpan> rep_spans(int reps, const RepTiming& timing, int fps, const std::vector<int>& faulted_reps) {
  std::vector<RepSpan> out;
  const int per_rep = std::max(1, static_cast<int>(std::lround(timing.total() * fps)));
  for (int r = 1; r <= reps; ++r) {
    const bool faulted = std::find(faulted_reps.begin(), faulted_reps.end(), r) != faulted_reps.end();
    out.push_back({(r - 1) * per_rep, r * per_rep - 1, faulted});
  }
  return out;
}

namespace {

bool applies_at(const Fault& f, const Keyframe& k) {
  return f.use.at.empty() || std::find(f.use.at.begin(), f.use.at.end(), k.name) != f.use.at.end();
}

Pose faulted(const Keyframe& k, const std::optional<Fault>& fault) {
  if (!fault || !applies_at(*fault, k)) return k.pose;
  const auto& change = fault->use.fault.empty() ? fault->cue.fault_change : fault->use.fault;
  Pose p = k.pose;
  for (const auto& leg : legs_of(fault->cue, fault->use.leg, fault->use.both_legs))
    p = apply_fault(p, change, leg, 1.0);
  return p;
}

bool same_placement(const Keyframe& a, const Keyframe& b) {
  const bool same_against =
      a.against.has_value() == b.against.has_value() &&
      (!a.against || (a.against->landmark == b.against->landmark && a.against->surface == b.against->surface));
  return a.anchor.landmark == b.anchor.landmark && a.anchor.surface == b.anchor.surface && same_against &&
         a.anchor_x.has_value() == b.anchor_x.has_value();
}

// Where the pelvis (origin of the unplaced body) ends up once a keyframe is placed.
Result<Vec3> offset_of(const Keyframe& k, const std::vector<Prop>& props, double height) {
  auto placed = place(k, props, height);
  if (!placed) return placed.error();
  const Vec3 before = pose_body(k.pose, height).find("left-hip")->center;
  return placed->find("left-hip")->center - before;
}

}  // namespace

Result<PosedBody> body_at(const ExercisePoses& poses, const RepTiming& timing, double seconds,
                          const std::optional<Fault>& fault, const std::optional<Fault>& previous_fault,
                          double height) {
  if (poses.keyframes.size() < 2) return make_error("an animation needs at least two keyframes");
  const RepPhase ph = rep_phase(timing, poses.keyframes.size(), seconds);
  Keyframe a = poses.keyframes[ph.from];
  Keyframe b = poses.keyframes[ph.to];
  a.pose = faulted(a, fault);
  b.pose = faulted(b, fault);
  double t = ph.t;
  if (seconds < timing.rest && ph.from == 0 && ph.to == 0) {
    // The rest at the start of a rep eases out of the previous rep's start pose.
    a.pose = faulted(poses.keyframes[0], previous_fault);
    t = ease(timing.rest > 0 ? seconds / timing.rest : 1.0);
  }
  Keyframe k = b;
  k.pose = interpolate(a.pose, b.pose, t);
  if (same_placement(a, b)) {
    if (a.anchor_x && b.anchor_x) k.anchor_x = *a.anchor_x + (*b.anchor_x - *a.anchor_x) * t;
    return place(k, poses.props, height);
  }
  auto oa = offset_of(a, poses.props, height);
  auto ob = offset_of(b, poses.props, height);
  if (!oa) return oa.error();
  if (!ob) return ob.error();
  PosedBody body = pose_body(k.pose, height);
  body.translate(lerp(*oa, *ob, t));
  return body;
}

}  // namespace kc::figure
