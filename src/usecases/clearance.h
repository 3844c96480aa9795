// "I have been seen and cleared": a person a warning sign sent to a clinician records who cleared
// them, when and with what limits, and gets a program that respects those limits, in one
// transaction (docs/triage-rules.md, "Seen and cleared"). The clearance covers exactly the warning
// signs present when it is recorded; any other sign still stops, at intake or at a check-in.
//
//   ClearRequest r{"me", answers, {"Ann Lee", "physiotherapist", seen_on, {}, limits}, std::nullopt, today, 6, false};
//   auto out = usecases::clear_and_set_up(store, clock, {catalog, &rules}, r);
//   if (out && out->setup.program.status == SetupStatus::kCreated) ...;   // the plan says "Cleared by ..."
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/store/store.h"
#include "core/triage/clearance.h"
#include "usecases/content.h"
#include "usecases/set_up.h"

namespace kc::usecases {

struct ClearRequest {
  std::string person;  // the person's name (the CLI's "me", or the API's person id)
  // The intake answers that sent the person to a clinician. Without them, the person's stored
  // answers with the warning signs of the check-in that stopped their program.
  std::optional<Answers> answers;
  // Who, when, the limits. Its flags are set here: the warning signs of the answers, or, when
  // the request names flags (the signs present when the questions stopped early, before the
  // questions left were answered), only those of them the answers raise; any other still stops.
  Clearance clearance;
  std::optional<CivilDate> referred_on;  // the day the referral was shown, when the caller knows it
  std::optional<CivilDate> start;        // the first day of week 1; default today
  int weeks = kDefaultWeeks;
  bool new_person = false;  // the name must not be taken yet
};

struct ClearOutcome {
  TriageResult referral;  // the triage the clearance answers (its reasons are the flags cleared)
  TriageResult now;       // the triage with the clearance honoured: go or caution, or a referral
  Clearance clearance;    // as stored, with its flags
  CivilDate flagged_on;   // the earliest day the clearance may be dated
  SetupOutcome setup;     // as set_up_person's: the program, or why there is none
};

// Records the clearance and sets the program up under it. The flags cleared are the reasons of
// the triage of the answers (referral_flags); the flag date is the latest of `referred_on`, the
// day of the check-in that stopped the program, and the day of an injury the answers date. The
// program is built with evaluate(answers, rules, flags) and the clearance's limits; its plan and
// handout carry describe_clearance's words.
// Errors: errc::kInvalid (field "flags") when nothing needs clearing (no warning sign that
// stops a program: set up as usual); check_clearance's (coded, with the field); errc::kInvalid
// (field "limits.avoid[i]") for an exercise id the catalog lacks; errc::kNoProgram (field
// "answers") without answers for a person with no stopped program; errc::kContent without rules;
// set_up_person's errors. Nothing is stored on an error, a shortfall or a remaining referral.
Result<ClearOutcome> clear_and_set_up(store::Store& store, const Clock& clock, const Content& content,
                                      const ClearRequest& request);

}  // namespace kc::usecases
