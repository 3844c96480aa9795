// A clinician invites a patient; the patient accepts on their phone and sets a password.
// Then they answer the intake through the usual use cases (set_up.h, intake.h) for their
// person, and triage runs as today (a red flag notifies the clinician: caseload.h).
#pragma once

#include <string>

#include "core/common/result.h"
#include "core/store/records.h"
#include "usecases/clinic/accounts.h"
#include "usecases/clinic/clinic.h"
#include "usecases/clinic/sign_in.h"

namespace kc::usecases::clinic {

// What the clinician hands the patient (once: only hashes are stored).
struct IssuedInvite {
  AccountView patient;        // pending until accepted
  store::Person person;       // their records (person.name is the API id)
  std::string link_token;     // for the link: 256 random bits, base64url
  std::string code;           // the short code, typed with the username: e.g. "K7QM-3XPA"
  TimePoint expires_at{};     // 7 days on
};

// A clinician adds a patient by username (an e-mail address fits): a new person for their
// records, a pending patient account on the clinician's caseload, and an invite. Errors:
// errc::kForbidden (not a clinician; audited), errc::kInvalid (field "username"),
// errc::kConflict (field "username": taken), errc::kFailed (nothing is left behind).
Result<IssuedInvite> invite_patient(Clinic& clinic, const Caller& caller, const std::string& username);

// A new invite for a patient on the caller's caseload who has not accepted yet (the first
// expired or was lost); earlier invites stay valid until they expire. Errors: errc::kForbidden
// (not their patient), errc::kConflict (the patient has accepted already), errc::kFailed.
Result<IssuedInvite> reissue_invite(Clinic& clinic, const Caller& caller, const std::string& username);

struct AcceptInvite {
  std::string link_token;  // from the link; or, when empty:
  std::string username;    //   the username and
  std::string code;        //   the short code
  std::string password;    // the new password (core/clinic/credentials.h)
  std::string address;     // the client's address
};

// Accepts an invite: checks it (once, within 7 days), sets the password, activates the account
// and signs the patient in (audited as accept_invite and sign_in). Wrong links and codes are
// throttled like sign-ins. Errors: errc::kThrottled, errc::kNotFound (no such invite, or the
// code does not match), errc::kExpired (more than 7 days old: ask for a new one),
// errc::kConflict (used already: sign in instead), errc::kInvalid (field "password" or
// "code"), errc::kFailed.
Result<SignedIn> accept_invite(Clinic& clinic, const AcceptInvite& request);

}  // namespace kc::usecases::clinic
