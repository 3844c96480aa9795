// Signing in and out, and knowing who a request is from (login sessions).
#pragma once

#include <string>

#include "core/common/result.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

struct SignInRequest {
  std::string username;   // as typed (normalised here)
  std::string password;
  std::string totp_code;  // the 6 digits, when the account has TOTP on ("" otherwise)
  std::string address;    // the client's address (throttling, audit)
};

struct SignedIn {
  std::string token;  // the session cookie's value (256 random bits); only its hash is stored
  Actor actor;
};

// Signs in: throttled per account and per address (core/clinic/throttle.h), then the password,
// then the TOTP code when the account has it on. A new login session is stored and the event
// audited (sign_in, or sign_in_failed with the reason). Errors:
//  - errc::kThrottled: too many failures for this account or address; nothing else is checked.
//  - errc::kUnauthorised: "wrong username or password" alike for an unknown username, a wrong
//    password and a pending or disabled account (each checks a password hash, so they take as
//    long); field "totp" when the code is missing, wrong or used before. Failures count
//    towards throttling (a missing code does not).
//  - errc::kFailed: the store failed.
Result<SignedIn> sign_in(Clinic& clinic, const SignInRequest& request);

// A new login session for `account`, whose owner has just proven who they are another way
// (accept_invite), audited as sign_in. errc::kFailed when the store failed.
Result<SignedIn> start_session(Clinic& clinic, const Account& account, const std::string& address);

// Revokes the login session of `token` (audited as sign_out). Ok for an unknown or revoked
// token. errc::kFailed when the store failed.
Status sign_out(Clinic& clinic, const std::string& token, const std::string& address);

// Who the login session of `token` belongs to; its last_seen moves to now. Errors:
// errc::kUnauthorised (no such session, signed out, or the account is not active),
// errc::kExpired (idle or absolute expiry: the session is revoked), errc::kFailed.
Result<Actor> authenticate(Clinic& clinic, const std::string& token);

}  // namespace kc::usecases::clinic
