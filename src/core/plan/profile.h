// What the planner needs to know about the person, derived once from the answers and triage
// level, and the rules for which exercises they can do.
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/intake/answers.h"
#include "core/triage/level.h"

namespace kc {

// Pain bands of the pain-monitoring model (Thomee 1997): 0-3, 4-6, 7-10.
enum class PainBand { kLow, kModerate, kHigh };

inline constexpr int kOlderAge = 65;  // ACSM's older-adult guidance; balance support required

struct Profile {
  Answers answers;
  bool caution = false;  // triage level caution
  int pain = 0;          // the higher of pain_now and pain_worst_week
  PainBand band = PainBand::kLow;
  bool older = false;        // age >= kOlderAge
  bool has_support = false;  // a chair or counter to hold
  bool inner = false;        // inner-knee pain
  // Steps down from the catalog dose: the pain band (0-2) plus one for caution, at most 3.
  int dose_steps = 0;
};

// Requires may_start_program(level).
Profile make_profile(const Answers& answers, Level level);

std::string_view to_string(PainBand b);  // "low", "moderate", "high"

// Why an exercise is out for this person.
struct Blockers {
  bool kneeling = false;             // needs kneeling and the person cannot kneel
  bool floor = false;                // floor work and the person cannot get down to the floor
  bool balance_support = false;      // single-leg balance for an older person with no chair or counter
  bool deep_knee_bend = false;       // deep knee bend with moderate or high pain, or a caution
  std::vector<Equipment> equipment;  // needed items the person does not have
  bool any() const { return kneeling || floor || balance_support || deep_knee_bend || !equipment.empty(); }
  // Only missing equipment stands in the way (so adding it would help).
  bool only_equipment() const {
    return !equipment.empty() && !kneeling && !floor && !balance_support && !deep_knee_bend;
  }
};

Blockers blockers(const Exercise& e, const Profile& p);
inline bool feasible(const Exercise& e, const Profile& p) { return !blockers(e, p).any(); }

// True when the exercise comes from the inner-knee article (002).
bool in_inner_knee_set(const Exercise& e);
inline constexpr const char* kInnerKneeArticle = "002_505039c60e801554.txt";

}  // namespace kc
