#include "core/motion/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/figure/animation.h"
#include "core/figure/check.h"

namespace kc::motion {
namespace {

using figure::Cue;
using figure::CueUse;
using figure::ExercisePoses;
using figure::Keyframe;

struct Placed {
  const Keyframe* keyframe = nullptr;
  figure::PosedBody body;
  Skeleton skeleton;
};

Result<std::vector<Placed>> place_all(const ExercisePoses& poses) {
  std::vector<Placed> out;
  for (const Keyframe& k : poses.keyframes) {
    auto body = figure::place(k, poses.props);
    if (!body)
      return make_error(fmt::format("{}:{}: keyframe '{}': {}", poses.file, k.line, k.name, body.error().message));
    out.push_back({&k, *body, skeleton_of(*body)});
  }
  return out;
}

RepSignal choose_signal(const std::vector<Placed>& placed) {
  RepSignal best;
  for (const char* joint : {"left-knee", "right-knee", "left-hip", "right-hip", "trunk"}) {
    const double a = joint_angle(placed.front().skeleton, joint).value_or(0);
    const double b = joint_angle(placed.back().skeleton, joint).value_or(0);
    if (std::abs(b - a) > std::abs(best.end - best.start)) best = {joint, a, b};
  }
  return best;
}

double progress_of(const RepSignal& s, const Skeleton& k) {
  return (joint_angle(k, s.joint).value_or(s.start) - s.start) / (s.end - s.start);
}

std::string placement_for(const ExercisePoses& poses) {
  const double trunk = std::abs(poses.keyframes.front().pose[figure::Joint::kTrunk]);
  const char* side = poses.side == figure::Side::kLeft ? "left" : "right";
  if (trunk > 60)
    return fmt::format(
        "Put the camera side-on to the mat at floor height (on the floor or a low stool), about 2 metres away, "
        "so your head and feet are both in the picture; lie with your {} side towards it.",
        side);
  return fmt::format(
      "Put the camera side-on to you at hip height, 2 to 3 metres away, so your whole body from head to feet is in "
      "the picture; stand with your {} side towards it.",
      side);
}

double margin_for(const Cue& cue) {
  return cue.measure == figure::Measure::kTilt || cue.measure == figure::Measure::kJointAngle ? kAngleMargin
                                                                                              : kOffsetMargin;
}

bool inside(const CueCheck& c, double v) { return (!c.min || v >= *c.min) && (!c.max || v <= *c.max); }

// The stand-in measure at one keyframe, with good form and with the exercise's fault.
struct KeyframeValues {
  double truth = 0;  // the cue's own measure, good form
  double good = 0;
  double faulty = 0;
};

Result<KeyframeValues> values_at(const CueCheck& c, const ExercisePoses& poses, const CueUse& use, const Placed& p) {
  const auto& change = use.fault.empty() ? c.cue.fault_change : use.fault;
  const auto truth = figure::measure_cue(c.cue, c.leg, p.keyframe->pose, p.body);
  const auto seen = measure(c.cue, c.leg, p.skeleton);
  if (!truth || !seen) return make_error("no stand-in");
  Keyframe faulted = *p.keyframe;
  faulted.pose = figure::apply_fault(p.keyframe->pose, change, c.leg, 1.0);
  auto body = figure::place(faulted, poses.props);
  if (!body) return body.error();
  return KeyframeValues{*truth, *seen, measure(c.cue, c.leg, skeleton_of(*body)).value_or(*seen)};
}

// Sets the check's limits from the cue's: moved by the stand-ins' offset on the figure and
// widened by the cue's tolerance and the camera margin. Then every keyframe's good form must
// pass and the fault must fail where it shows most; where the fault is too small for the
// margin, the failing limit moves to halfway between the worst good form and the fault.
Status set_limits(CueCheck& c, const ExercisePoses& poses, const CueUse& use, const std::vector<Placed>& at) {
  std::vector<KeyframeValues> values;
  for (const Placed& p : at) {
    auto v = values_at(c, poses, use, p);
    if (!v) return v.error();
    values.push_back(*v);
  }
  const KeyframeValues* shown = &values.front();  // where the fault shows most
  for (const KeyframeValues& v : values)
    if (std::abs(v.faulty - v.good) > std::abs(shown->faulty - shown->good)) shown = &v;
  const bool upwards = shown->faulty > shown->good;
  c.faulty = shown->faulty;  // the fault at its most, and the good form nearest it
  c.good = shown->good;
  for (const KeyframeValues& v : values) {
    c.good = upwards ? std::max(c.good, v.good) : std::min(c.good, v.good);
    c.faulty = upwards ? std::max(c.faulty, v.faulty) : std::min(c.faulty, v.faulty);
  }
  const double bias = shown->good - shown->truth;
  const double widen = c.cue.tolerance + margin_for(c.cue);
  if (c.cue.min) c.min = *c.cue.min + bias - widen;
  if (c.cue.max) c.max = *c.cue.max + bias + widen;
  c.basis = fmt::format("the cue's limits{}, widened by its tolerance and a camera margin of {}",
                        std::abs(bias) > 1e-6 ? fmt::format(" moved by {:+.3f} for the stand-in points", bias) : "",
                        margin_for(c.cue));
  // The fault must clear the limit by the camera margin and by a third of its distance from
  // good form: a pose model's error on a joint is a few centimetres or degrees.
  const double clearance = std::max(margin_for(c.cue), std::abs(c.faulty - c.good) / 3);
  CueCheck narrowed = c;
  if (narrowed.min) *narrowed.min -= clearance;
  if (narrowed.max) *narrowed.max += clearance;
  if (inside(narrowed, c.faulty) || !inside(c, c.good)) {
    (upwards ? c.max : c.min) = (c.good + c.faulty) / 2;
    c.basis =
        "halfway between the figure's good form and its fault (the fault does not clear the cue's limit, "
        "widened for the camera, by a third of the way from good form)";
  }
  return Ok{};
}

void add_checks(MotionProfile& profile, const ExercisePoses& poses, const CueUse& use, const Cue& cue,
                const std::vector<Placed>& placed) {
  for (const auto& leg : figure::legs_of(cue, use.leg, use.both_legs)) {
    CueCheck c;
    c.cue = cue;
    c.leg = leg;
    c.legs_apart = leg.has_value();
    std::vector<Placed> at;
    for (std::size_t i = 0; i < placed.size(); ++i) {
      const Keyframe& k = *placed[i].keyframe;
      if (!use.at.empty() && std::find(use.at.begin(), use.at.end(), k.name) == use.at.end()) continue;
      at.push_back(placed[i]);
      c.legs_apart = c.legs_apart && leg_overlap_gap(placed[i].skeleton) > 1.5 * kLegsApart;
      if (i == 0)
        c.at_start = true;
      else if (i + 1 == placed.size())
        c.at_end = true;
      else
        c.at_progress.push_back(progress_of(profile.signal, placed[i].skeleton));
    }
    if (!set_limits(c, poses, use, at)) {
      profile.unchecked.push_back(cue.id);
      return;
    }
    profile.checks.push_back(std::move(c));
  }
}

}  // namespace

double leg_overlap_gap(const Skeleton& s) {
  double gap = 1e18;
  for (auto part : {&Limb::knee, &Limb::ankle, &Limb::toe}) {
    const P2 a = s.limbs[0].*part;
    const P2 b = s.limbs[1].*part;
    gap = std::min(gap, std::hypot(a.f - b.f, a.u - b.u));
  }
  return gap;
}

Result<MotionProfile> derive_profile(const Exercise& exercise, const ExercisePoses& poses,
                                     const std::vector<Cue>& cues) {
  if (poses.view != figure::View::kSide)
    return make_error(fmt::format("'{}' is illustrated from the {}; the camera coach follows exercises seen side-on",
                                  exercise.id, figure::to_string(poses.view)));
  if (poses.keyframes.size() < 2) return make_error(fmt::format("{}: needs a start and an end keyframe", poses.file));
  auto placed = place_all(poses);
  if (!placed) return placed.error();
  MotionProfile p;
  p.exercise = exercise.id;
  p.name = exercise.name;
  p.placement = placement_for(poses);
  p.signal = choose_signal(*placed);
  if (std::abs(p.signal.end - p.signal.start) < 10)
    return make_error(
        fmt::format("'{}': no joint moves 10 degrees or more between start and end, so a camera "
                    "cannot count its reps",
                    exercise.id));
  p.hold_seconds = exercise.dose.hold_seconds.value_or(0);
  for (const Placed& k : *placed) p.keyframes.push_back(k.skeleton);
  p.leg_metres = leg_length(placed->front().skeleton);
  for (const CueUse& use : poses.cues) {
    const Cue* cue = figure::find_cue(cues, use.cue);
    if (cue != nullptr) add_checks(p, poses, use, *cue, *placed);
  }
  return p;
}

}  // namespace kc::motion
