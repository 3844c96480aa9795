// The plan's explanations: why it looks as it does, and the safety rules that go with it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/plan/plan.h"
#include "core/plan/profile.h"

namespace kc {

// Plain-language decisions, in a fixed order: the dose for the pain band and caution, the
// strength days and why that many, stretching every day, abilities and equipment, the inner-knee
// set, the session times and anything trimmed or left out to fit, what the selection could not
// cover and how to add it, progression and review.
// Requires a plan with its sessions, days and reviews filled in.
// What the plan could not include: exercises left out to fit the minutes, gaps in the
// selection (with the fix), and the seconds all the essentials would need.
struct Gaps {
  std::vector<const Exercise*> left_out;
  std::vector<Missing> missing;
  int essential_seconds = 0;
};
std::vector<std::string> explain_decisions(const Plan& plan, const Profile& p, int wanted_strength_days,
                                           const Gaps& gaps);

// The published sources behind the decisions' plain words, in full, for a "sources" link or
// appendix (the decisions themselves name none).
const std::vector<std::string>& plan_sources();

// Stop rules and when to see a clinician (the pain-monitoring model), plus person-specific ones.
std::vector<std::string> safety_notes(const Profile& p);

// The caution a moderate or high pain calls for (the pain-monitoring model), or nullopt for low
// pain. The plan's cautions carry it, so every surface that says the pain is moderate shows it.
std::optional<std::string> pain_caution(const Profile& p);

}  // namespace kc
