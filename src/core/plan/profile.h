// What the planner needs to know about the person, derived once from the answers and triage
// level, and the rules for which exercises they can do.
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/pain.h"
#include "core/intake/answers.h"
#include "core/triage/clearance.h"
#include "core/triage/level.h"

namespace kc {

inline constexpr int kOlderAge = 65;  // ACSM's older-adult guidance; balance support required

struct Profile {
  Answers answers;
  bool caution = false;            // triage level caution
  int pain = 0;                    // the higher of pain_now and pain_worst_week
  PainBand band = PainBand::kLow;  // of `pain` (core/common/pain.h)
  bool older = false;              // age >= kOlderAge
  bool has_support = false;        // a chair or counter to hold
  bool inner = false;              // inner-knee pain
  // Steps down from the catalog dose: the pain band (0-2) plus one for caution, at most 3.
  int dose_steps = 0;
  ClinicianLimits limits;  // from a clinician's clearance (core/triage/clearance.h), or none
};

// Requires may_start_program(level).
Profile make_profile(const Answers& answers, Level level, const ClinicianLimits& limits = {});

// Why an exercise is out for this person.
struct Blockers {
  bool kneeling = false;             // needs kneeling and the person cannot kneel
  bool floor = false;                // floor work and the person cannot get down to the floor
  bool balance_support = false;      // single-leg balance for an older person with no chair or counter
  bool deep_knee_bend = false;       // deep knee bend with moderate or high pain, or a caution
  bool bend_past_90 = false;         // bends the knee past a right angle and the person cannot
  bool clinician = false;            // the clinician who cleared the person ruled it out (their limits)
  std::vector<Equipment> equipment;  // needed items the person does not have
  bool any() const { return abilities() || balance_support || !equipment.empty(); }
  // Something the person cannot do stands in the way (no equipment would help).
  bool abilities() const { return kneeling || floor || deep_knee_bend || bend_past_90 || clinician; }
  // Only missing equipment stands in the way (so adding it would help).
  bool only_equipment() const { return !equipment.empty() && !abilities() && !balance_support; }
};

Blockers blockers(const Exercise& e, const Profile& p);
inline bool feasible(const Exercise& e, const Profile& p) { return !blockers(e, p).any(); }

// True when the exercise comes from the inner-knee article (002).
bool in_inner_knee_set(const Exercise& e);
inline constexpr const char* kInnerKneeArticle = "002_505039c60e801554.txt";

}  // namespace kc
