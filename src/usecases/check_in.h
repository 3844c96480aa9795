// Check in: the next-morning pain rating and any new warning sign, then the dose review
// (docs/progression.md). A second check-in on the same day replaces the first only when asked.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/store/store.h"
#include "core/tracking/judge.h"
#include "core/tracking/review.h"
#include "core/triage/triage.h"
#include "usecases/content.h"

namespace kc::usecases {

struct CheckInRequest {
  std::string person;                  // the person's name (the API's person id)
  std::optional<CivilDate> date;       // the day checked in for; default today
  int next_morning_pain = 0;           // 0-10
  std::vector<std::string> red_flags;  // ids of tracking::check_in_signs() answered yes
  bool replace = false;                // replace the check-in already stored for that day
};

struct CheckInOutcome {
  store::CheckIn saved;
  std::optional<store::CheckIn> replaced;       // the same day's earlier check-in, now gone
  std::optional<TriageResult> triage;           // when warning signs were reported
  std::vector<std::string> cautions;            // their reasons, when they do not stop the program
  std::string stop_reason;                      // when saved.stopped_program
  std::optional<store::SessionLog> judged;      // the session the review judged
  std::vector<tracking::Judgement> judgements;  // every plan exercise's decision (none when stopped)
  std::vector<store::DoseChange> changes;       // the changes among them, as stored
  tracking::PainReview review;                  // the week-6 pain review, with this rating
};

// `answers` with each warning sign in `signs` (tracking::check_in_signs ids) answered yes. Pure.
Answers answers_with_signs(Answers answers, const std::vector<std::string>& signs);

// The triage of answers_with_signs(answers, signs), as a check-in judges them. A clearance's flags
// (`cleared`) are excused only while no sign in `signs` is one their rule reads
// (core/triage/clearance.h, still_cleared): a sign reported at a check-in is new. Pure.
TriageResult triage_with_signs(Answers answers, const std::vector<std::string>& signs, const RuleSet& rules,
                               const std::vector<std::string>& cleared = {});

// Checks the request alone: the pain from 0 to 10 (errc::kOutOfRange, field
// "next_morning_pain"), each red flag a known sign listed once (errc::kInvalid, field
// "red_flags[i]"). Every message says what is expected.
Status check_check_in_request(const CheckInRequest& request);

// The person's check-in stored for the day of `date` (default today), or nullopt. Errors as
// find_program (a stopped program is allowed here).
Result<std::optional<store::CheckIn>> check_in_of_day(store::Store& store, const Clock& clock,
                                                      const std::string& person, std::optional<CivilDate> date);

// Saves a check-in and runs the dose review, all in one transaction. Warning signs are added to
// the stored intake answers and triage re-run with content.rules, honouring the clearance the plan
// was built under for exactly the flags it cleared: a level that does not allow a
// program stops the plan (no doses change). Otherwise every plan exercise is judged at the check-in
// (tracking::judge_at_check_in). When the day already has a check-in: without request.replace,
// errc::kConflict (field "replace", the message gives the stored pain) and nothing is stored;
// with it, the earlier check-in, its rating and its dose changes are removed and the day judged
// again as if it had never been. Errors: check_check_in_request's; find_program's (kNotFound,
// kNoProgram, kStopped); kFailed when the store fails.
Result<CheckInOutcome> check_in(store::Store& store, const Clock& clock, const Content& content,
                                const CheckInRequest& request);

}  // namespace kc::usecases
