#include "core/figure/check.h"

#include <algorithm>

#include "core/figure/support.h"

namespace kc::figure {

const Cue* find_cue(const std::vector<Cue>& cues, std::string_view id) {
  for (const Cue& c : cues)
    if (c.id == id) return &c;
  return nullptr;
}

const Cue* find_fault(const std::vector<Cue>& cues, std::string_view fault) {
  for (const Cue& c : cues)
    if (c.fault == fault || c.id == fault) return &c;
  return nullptr;
}

std::vector<std::string> keyframe_problems(const Keyframe& k, const std::vector<Prop>& props) {
  std::vector<std::string> out = limit_violations(k.pose);
  const auto body = place(k, props);
  if (!body) {
    out.push_back(body.error().message);
    return out;
  }
  for (std::string& p : contact_problems(*body, k, props)) out.push_back(std::move(p));
  for (std::string& p : support_problems(*body, k, props)) out.push_back(std::move(p));
  return out;
}

std::vector<const Keyframe*> keyframes_for(const ExercisePoses& poses, const CueUse& use) {
  std::vector<const Keyframe*> out;
  for (const Keyframe& k : poses.keyframes)
    if (use.at.empty() || std::find(use.at.begin(), use.at.end(), k.name) != use.at.end()) out.push_back(&k);
  return out;
}

namespace {

void check_cue_use(const ExercisePoses& poses, const CueUse& use, const Cue& cue, std::vector<PoseProblem>& out) {
  for (const Keyframe* k : keyframes_for(poses, use)) {
    const auto body = place(*k, poses.props);
    if (!body) continue;  // reported with the keyframe
    for (const auto& leg : legs_of(cue, use.leg, use.both_legs))
      if (auto problem = cue_problem(cue, leg, k->pose, *body))
        out.push_back({use.line, "keyframe '" + k->name + "' breaks its cue " + *problem});
  }
}

}  // namespace

std::vector<PoseProblem> check_exercise_poses(const ExercisePoses& poses, const std::vector<Cue>& cues) {
  std::vector<PoseProblem> out;
  for (const Keyframe& k : poses.keyframes)
    for (std::string& p : keyframe_problems(k, poses.props)) out.push_back({k.line, "keyframe '" + k.name + "': " + p});
  for (const CueUse& use : poses.cues) {
    const Cue* cue = find_cue(cues, use.cue);
    if (cue == nullptr) {
      out.push_back({use.line, "unknown cue '" + use.cue + "'"});
      continue;
    }
    check_cue_use(poses, use, *cue, out);
  }
  return out;
}

std::optional<KneeBend> bend_past_right_angle(const ExercisePoses& poses) {
  std::optional<KneeBend> deepest;
  for (const Keyframe& k : poses.keyframes) {
    for (const Joint knee : {Joint::kLeftKnee, Joint::kRightKnee}) {
      const double degrees = k.pose[knee];
      if (degrees <= kRightAngleKnee || (deepest && degrees <= deepest->degrees)) continue;
      deepest = KneeBend{&k, knee == Joint::kLeftKnee ? "left-knee" : "right-knee", degrees};
    }
  }
  return deepest;
}

}  // namespace kc::figure
