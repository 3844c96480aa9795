#include "core/plan/profile.h"

#include <algorithm>

namespace kc {

Profile make_profile(const Answers& answers, Level level, const ClinicianLimits& limits) {
  Profile p;
  p.limits = limits;
  p.answers = answers;
  p.caution = level == Level::kCaution;
  p.pain = std::max(answers.pain_now, answers.pain_worst_week.value_or(answers.pain_now));
  p.band = pain_band(p.pain);
  p.older = answers.age >= kOlderAge;
  p.has_support = answers.has(Equipment::kChair) || answers.has(Equipment::kCounter);
  p.inner = answers.has(PainLocation::kInner);
  p.dose_steps = std::min(3, static_cast<int>(p.band) + (p.caution ? 1 : 0));
  return p;
}

Blockers blockers(const Exercise& e, const Profile& p) {
  Blockers b;
  b.kneeling = e.has_demand(Demand::kKneeling) && !p.answers.can_kneel;
  b.floor = e.has_demand(Demand::kFloor) && !p.answers.can_get_down_to_floor;
  b.balance_support = e.has_demand(Demand::kSingleLegBalance) && p.older && !p.has_support;
  b.deep_knee_bend = e.has_demand(Demand::kDeepKneeBend) && (p.band != PainBand::kLow || p.caution);
  b.bend_past_90 = e.has_demand(Demand::kKneeBendPast90) && !p.answers.can_bend_to_90;
  const ClinicianLimits& l = p.limits;
  b.clinician = (l.no_kneeling && e.has_demand(Demand::kKneeling)) ||
                (l.no_deep_knee_bend && e.has_demand(Demand::kDeepKneeBend)) ||
                std::find(l.avoid.begin(), l.avoid.end(), e.id) != l.avoid.end();
  for (Equipment need : e.equipment_needed)
    if (!p.answers.has(need)) b.equipment.push_back(need);
  return b;
}

bool in_inner_knee_set(const Exercise& e) {
  return std::find(e.sources.begin(), e.sources.end(), kInnerKneeArticle) != e.sources.end();
}

}  // namespace kc
