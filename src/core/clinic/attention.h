// The caseload's flags: what about a patient needs a clinician's attention, from their records
// and today's date, each with when it began and a sentence that explains it. Pure. The rules
// are tracking's and the common pain bands (core/common/pain.h, core/tracking/judge.h and
// review.h); this file only says which of them raise a flag:
//
//   warning_sign     a check-in whose triage level sends them to a clinician (see_clinician,
//                    urgent, emergency); listed while unseen, or seen within the last 28 days
//   pain_above_band  a pain rating (pain now, next morning, during) above the acceptable band
//                    (over 5, "too much") dated in the last 7 days
//   pain_rising      next-morning pain: the mean of the last 7 days at least kWeeklyRise above
//                    the 7 days before (the progression rule's "rising for a week")
//   no_session_7d    the program runs, is not stopped, and no session was done in 7 days
//   review_due       the program's review date (week 6) has come; not for a stopped program
//
// A flag's `latest` is the newest event of its kind (the newest warning check-in or rating
// above the band, the day a rise or a gap began, the review date): a flag is seen when the
// clinician's latest review of its kind is at or after it, so a newer event raises it again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clinic/records.h"
#include "core/plan/civil_date.h"
#include "core/triage/sign_names.h"

namespace kc::clinic {

inline constexpr int kCaseloadDays = 28;     // adherence and the pain sparkline: the last 4 weeks
inline constexpr int kNoSessionDays = 7;     // no_session_7d
inline constexpr int kAboveBandDays = 7;     // pain_above_band looks at the last 7 days
inline constexpr int kRecordsDays = 35;      // caseload_records must reach back this far from today
inline constexpr int kSeenWarningDays = 28;  // a seen warning sign stays listed this long

struct Flag {
  FlagKind kind = FlagKind::kWarningSign;
  TimePoint since{};                     // when it began
  TimePoint latest{};                    // the newest event of its kind (see above)
  std::string detail;                    // one sentence explaining it, for the clinician
  bool seen = false;                     // the latest review of its kind is at or after `latest`
  std::optional<std::string> seen_note;  // that review's note, when seen
};

// The flags of `records` on `today`, given the clinician's reviews of this patient (the
// latest of each kind counts), most serious kind first. A warning sign's flag names the signs
// by `sign_names` (content/triage/signs.yaml; a sign without one by its field's words).
std::vector<Flag> flags(const PatientRecords& records, const std::vector<FlagReview>& reviews, CivilDate today,
                        const SignNames& sign_names = {});

// The caseload's sort key (higher first): each unseen flag adds its kind's weight (warning_sign
// 1000, pain_above_band 300, pain_rising 200, review_due 100, no_session_7d 50), a seen one 1.
int attention(const std::vector<Flag>& flags);

struct RecentAdherence {
  int done = 0;     // days of the last 4 weeks with a finished session of the plan (tracking::adherence)
  int planned = 0;  // the plan's session days of the last 4 weeks, up to today
  int weeks = kCaseloadDays / 7;
};
RecentAdherence recent_adherence(const PatientRecords& records, CivilDate today);

// One day of the pain sparkline: the day's highest pain rating (rounded).
struct PainPoint {
  CivilDate date;
  int pain = 0;
};
// The days of the last 4 weeks (up to today) with a pain rating, by date.
std::vector<PainPoint> pain_sparkline(const PatientRecords& records, CivilDate today);

// The latest check-in, or nullopt.
std::optional<store::CheckIn> last_check_in(const PatientRecords& records);

}  // namespace kc::clinic
