// TOTP secrets at rest and the one check of a TOTP code, shared by sign-in and enrolment.
#pragma once

#include <string>

#include "core/common/result.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

// What SecretBox binds an account's sealed TOTP secret to ("totp:42"), so a sealed secret
// copied to another account's row does not open.
std::string totp_context(AccountId account);

// `secret` (base32) sealed for `account`, as Account::totp_secret stores it. errc::kFailed
// when the box has no key.
Result<std::string> seal_totp_secret(const Clinic& clinic, AccountId account, const std::string& secret);

// The base32 secret of `account` (which has one). Fails closed, errc::kFailed, when it cannot
// be opened (another key, changed in the database, or never sealed); the message says how to
// recover (an admin's `kneecoach clinic password-reset --clear-totp`).
Result<std::string> open_totp_secret(const Clinic& clinic, const Account& account);

enum class CodeVerdict {
  kOk,          // the code matches a step not used before; that step is now used (no replay)
  kMissing,     // no code given
  kWrong,       // not the code of now (one step of drift either side), or not 6 digits
  kReplayed,    // the code of a step used before
  kUnreadable,  // the account's secret cannot be opened (open_totp_secret's error)
};
// Checks `code` against `account`'s TOTP secret at the clinic's now and, when it matches,
// marks its step used. errc::kFailed when the store fails.
Result<CodeVerdict> use_totp_code(Clinic& clinic, const Account& account, const std::string& code);

// Words for a verdict other than kOk, telling the person what to do.
std::string code_problem(CodeVerdict verdict);

// Seals every TOTP secret still stored in clear (from before secrets were sealed); the server
// and `clinic init` run it at start. Returns how many it sealed (audited as totp_sealed by the
// host operator when any). errc::kFailed when the box has no key or the store fails.
Result<int> seal_plain_totp_secrets(Clinic& clinic);

}  // namespace kc::usecases::clinic
