// Accounts: the first admin, clinicians, disabling, password resets, and TOTP enrolment.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

// An account as shown to admins: never the password hash or the TOTP secret.
struct AccountView {
  AccountId id = 0;
  std::string username;
  Role role = Role::kPatient;
  kc::clinic::AccountState state = kc::clinic::AccountState::kActive;
  bool totp_enabled = false;
  TimePoint created_at{};
};
AccountView view_of(const Account& account);

struct NewAccount {
  std::string username;  // as typed (normalised here)
  std::string password;
};

// `kneecoach clinic init`: the first admin account, audited as account_created by the host
// operator. Errors: errc::kConflict (an admin exists already), errc::kInvalid (field
// "username" or "password": the rules of core/clinic/credentials.h), errc::kFailed.
Result<AccountView> create_first_admin(Clinic& clinic, const NewAccount& account);

// An admin (or the host operator) adds a clinician. Errors: errc::kForbidden (not an admin;
// audited), errc::kInvalid (username or password rules), errc::kConflict (field "username":
// taken), errc::kFailed.
Result<AccountView> create_clinician(Clinic& clinic, const Caller& caller, const NewAccount& account);

// Every account, or those of `role`, by username (admins). errc::kForbidden, errc::kFailed.
Result<std::vector<AccountView>> list_accounts(Clinic& clinic, const Caller& caller, std::optional<Role> role);

// An admin disables an account: it cannot sign in and its login sessions end now. Errors:
// errc::kForbidden, errc::kNotFound (no such account), errc::kConflict (one's own account),
// errc::kFailed.
Status disable_account(Clinic& clinic, const Caller& caller, const std::string& username);

// An admin sets a new password for an account (a forgotten one); its login sessions end and,
// when `clear_totp` (a lost phone), TOTP is turned off. Errors: errc::kForbidden,
// errc::kNotFound, errc::kInvalid (field "password"), errc::kFailed.
Status reset_password(Clinic& clinic, const Caller& caller, const std::string& username,
                      const std::string& new_password, bool clear_totp);

// The caller's own account. errc::kUnauthorised (it is gone), errc::kFailed.
Result<AccountView> own_account(Clinic& clinic, const Caller& caller);

// TOTP enrolment, step 1: a new secret for the caller's own account (clinicians and admins),
// stored sealed (two_factor.h) and not yet asked for at sign-in; audited as totp_started.
// Returns it and the otpauth:// key URI (RFC 6238) an authenticator app reads. A new call
// replaces a secret not yet confirmed. Errors: errc::kForbidden (a patient), errc::kConflict
// (TOTP is on already: disable_totp, or an admin's reset_password with clear_totp, turns it
// off), errc::kFailed (the store, or no key).
struct TotpEnrolment {
  std::string secret;  // base32
  std::string uri;     // otpauth://totp/kneecoach:USERNAME?secret=...&issuer=kneecoach&...
};
Result<TotpEnrolment> begin_totp(Clinic& clinic, const Caller& caller);

// TOTP enrolment, step 2: a code from the app proves it has the secret; from now on sign-in
// asks for a code. Audited as totp_enabled (refused too). Errors: errc::kForbidden (a
// patient), errc::kInvalid (field
// "totp": no enrolment begun, or the code does not match or was used), errc::kConflict (on
// already), errc::kFailed (the store, or the secret cannot be opened with this key).
Status confirm_totp(Clinic& clinic, const Caller& caller, const std::string& code);

// Turning TOTP off on one's own account takes a current code (a phone at hand) or, when the
// code is empty, the password (a phone lost while signed in).
struct DisableTotp {
  std::string code;
  std::string password;
};
// Turns TOTP off for the caller's own account and forgets the secret; audited as totp_disabled
// (refused too); wrong proofs count towards sign-in throttling. Errors: errc::kForbidden (a
// patient), errc::kThrottled, errc::kConflict (it is off), errc::kInvalid (field "totp": the code is
// wrong or used; field "password": neither given, or the password is wrong), errc::kFailed.
Status disable_totp(Clinic& clinic, const Caller& caller, const DisableTotp& proof);

}  // namespace kc::usecases::clinic
