// A clinician's clearance: "I have been seen and cleared". Who cleared the person, when, for which
// warning signs (triage rule ids), and the limits they set for the program (docs/triage-rules.md,
// "Seen and cleared").
//
//   Clearance c{"Ann Lee", "physiotherapist", make_date(2026, 12, 7), cleared_flags(triage), limits};
//   if (auto ok = check_clearance(c, flagged_on, today); !ok) ...;              // coded errors
//   TriageResult t = evaluate(answers, rules, c.flags);   // core/triage/triage.h: only these flags are excused
//
// A clearance covers exactly the flags it lists: any other warning sign still stops.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/pain.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/plan/civil_date.h"
#include "core/triage/triage.h"

namespace kc {

// What the clinician said the program must respect. The planner honours each one.
struct ClinicianLimits {
  bool no_kneeling = false;         // no exercise that needs kneeling
  bool no_deep_knee_bend = false;   // no exercise that bends the knee deeply
  std::optional<int> pain_ceiling;  // the most pain allowed during exercise, 0..kModeratePainMax
  std::vector<std::string> avoid;   // exercise ids not to give
  std::string note;                 // the clinician's words, shown on the plan (at most kNoteMax)
  bool any() const { return no_kneeling || no_deep_knee_bend || pain_ceiling || !avoid.empty() || !note.empty(); }
};

struct Clearance {
  std::string clinician;           // the clinician's name
  std::string role;                // e.g. "physiotherapist", "GP"
  CivilDate on;                    // the day they cleared the person
  std::vector<std::string> flags;  // the triage rule ids present and cleared, in rule order
  ClinicianLimits limits;
};

inline constexpr std::size_t kNameMax = 100;
inline constexpr std::size_t kNoteMax = 500;

// The rule ids of `triage`'s reasons when its level allows no program (the flags a clinician
// must clear), else none.
std::vector<std::string> referral_flags(const TriageResult& triage);

// A flag (a triage rule id) in words: "calf-pain-or-swelling" -> "calf pain or swelling".
std::string flag_words(const std::string& id);

// Checks a clearance: clinician and role not blank and at most kNameMax characters (field
// "clinician"/"role"), the note at most kNoteMax (field "limits.note"), the pain ceiling 0 to
// kModeratePainMax (field "limits.pain_ceiling", kOutOfRange), `on` neither after `today` nor before
// `flagged_on` (field "cleared_on", kOutOfRange), at least one flag (field "flags"). Each message
// says what is expected. Exercise ids are the caller's to check against its catalog.
Status check_clearance(const Clearance& clearance, CivilDate flagged_on, CivilDate today);

// The cleared flags still excused after warning signs reported at a check-in (`signs`, answer field
// names set to yes): a flag whose rule reads one of those fields is new again and is not excused.
std::vector<std::string> still_cleared(const std::vector<std::string>& cleared, const std::vector<std::string>& signs,
                                       const RuleSet& rules);

// "Cleared by Ann Lee (physiotherapist) on Mon 7 Dec for: calf pain or swelling." and the limits
// in words, one sentence each: what the plan and the handout show.
std::vector<std::string> describe_clearance(const Clearance& clearance,
                                            const std::vector<std::string>& avoided_names = {});

// {"clinician","role","cleared_on","flags","limits":{"no_kneeling","no_deep_knee_bend",
// "pain_ceiling" (or null),"avoid","note"}}, and back. from_json fails with the field named.
nlohmann::ordered_json clearance_to_json(const Clearance& clearance);
Result<Clearance> clearance_from_json(const nlohmann::json& doc);

}  // namespace kc
