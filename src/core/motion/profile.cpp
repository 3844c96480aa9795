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

// The stand-in measure at one keyframe, with good form and with the exercise's fault, and
// the cue's own measure of both.
struct KeyframeValues {
  double truth = 0;         // the cue's own measure, good form
  double truth_faulty = 0;  // ... and with the fault
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
  const auto truth_faulty = figure::measure_cue(c.cue, c.leg, faulted.pose, *body);
  return KeyframeValues{*truth, truth_faulty ? *truth_faulty : *truth, *seen,
                        measure(c.cue, c.leg, skeleton_of(*body)).value_or(*seen)};
}

// How much the stand-in measure changes for a unit of the cue's own: 1 where the stand-ins are
// the cue's own points; less where, say, the hips-to-shoulders line tilts less than the
// lower-back-to-neck line. Read from the figure's good form and fault; kept within 0.5 to 2.
double stand_in_scale(const KeyframeValues& v) {
  const double d = v.truth_faulty - v.truth;
  if (std::abs(d) < 1e-6) return 1.0;
  return std::clamp((v.faulty - v.good) / d, 0.5, 2.0);
}

// Sets the check's limits from the cue's words: its limits widened by its tolerance, carried
// onto the stand-in points (moved by their offset on the figure and scaled by how they follow
// the cue's measure), then widened by the camera margin. A pose model's error on a joint is a
// few centimetres or degrees, so the exercise's own fault should clear the limit by the camera
// margin and by a third of its distance from good form. Where it does not:
// - a cue measured at the toes gives up margin on the fault's side until the fault clears it,
//   but never goes stricter than the words: past its limit the analyzer already allows a band
//   (kToeBand) for the pose model's toe point sitting behind a shoe tip, and a limit set behind
//   the words as well would fault knees several centimetres behind a real shoe tip;
// - any other limit goes halfway between the figure's good form and its fault. Side-on, the
//   pose model reads a forward shin 3 to 7 degrees more upright than the frames show (the
//   figure's lunge fault, drawn at 31 degrees, reads 27 to 28; a real lunger's 26 to 32 read 19
//   to 26), so the halfway limit (15.5 degrees on the lunge) stands for about the cue's words.
// Where the figure's good form fails the words themselves, the limit is halfway as well.
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
  const double scale = stand_in_scale(*shown);
  const double margin = margin_for(c.cue);
  auto carried = [&](double limit) { return shown->good + (limit - shown->truth) * scale; };
  CueCheck words = c;  // the cue's words (limits and tolerance) on the stand-in points
  if (c.cue.min) words.min = carried(*c.cue.min - c.cue.tolerance);
  if (c.cue.max) words.max = carried(*c.cue.max + c.cue.tolerance);
  if (words.min) c.min = *words.min - margin;
  if (words.max) c.max = *words.max + margin;
  const bool moved = std::abs(shown->good - shown->truth) > 1e-6 || std::abs(scale - 1) > 1e-3;
  c.basis = fmt::format("the cue's limits{}, widened by its tolerance and a camera margin of {}",
                        moved ? fmt::format(" carried onto the stand-in points (offset {:+.3f}, scale {:.2f})",
                                            shown->good - shown->truth, scale)
                              : "",
                        margin);
  const double clearance = std::max(margin, std::abs(c.faulty - c.good) / 3);
  auto& side = upwards ? c.max : c.min;
  const auto& word = upwards ? words.max : words.min;
  const double needed = upwards ? c.faulty - clearance : c.faulty + clearance;
  const bool clears = !side || (upwards ? needed >= *side : needed <= *side);
  if (inside(words, c.good) && clears) return Ok{};
  if (inside(words, c.good) && word && measured_at_toes(c.cue)) {
    side = upwards ? std::max(*word, needed) : std::min(*word, needed);
    c.basis += fmt::format(
        "; on the fault's side {} so the figure's fault clears it by a third of the way from good form, but "
        "never stricter than the cue's words (a band past it allows for the toe point behind a shoe tip)",
        std::abs(*side - *word) < 1e-9 ? "the margin is dropped" : "the margin shrinks");
    return Ok{};
  }
  side = (c.good + c.faulty) / 2;
  c.basis =
      "halfway between the figure's good form and its fault (the fault does not clear the cue's limit, "
      "widened for the camera, by a third of the way from good form)";
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

bool measured_at_toes(const Cue& c) {
  return c.from.find("toe") != std::string::npos || c.to.find("toe") != std::string::npos;
}

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
