#include "usecases/clinic/two_factor.h"

#include <fmt/format.h>

#include "usecases/clinic/authorize.h"

namespace kc::usecases::clinic {

std::string totp_context(AccountId account) { return fmt::format("totp:{}", account); }

Result<std::string> seal_totp_secret(const Clinic& clinic, AccountId account, const std::string& secret) {
  return clinic.secrets.seal(secret, totp_context(account));
}

Result<std::string> open_totp_secret(const Clinic& clinic, const Account& account) {
  auto opened = clinic.secrets.open(account.totp_secret.value_or(""), totp_context(account.id));
  if (opened) return opened;
  return make_error(errc::kFailed, "totp",
                    fmt::format("the two-factor secret of \"{}\" cannot be read with this server's key file ({}); "
                                "an admin turns two-factor sign-in off with `kneecoach clinic password-reset "
                                "--clear-totp {}` and its owner turns it on again",
                                account.username, opened.error().message, account.username));
}

Result<CodeVerdict> use_totp_code(Clinic& clinic, const Account& account, const std::string& code) {
  if (code.empty()) return CodeVerdict::kMissing;
  auto secret = open_totp_secret(clinic, account);
  if (!secret) return CodeVerdict::kUnreadable;
  const auto step = clinic.totp.match(*secret, code, clinic.clock.now());
  if (!step) return CodeVerdict::kWrong;
  auto fresh = clinic.store.use_totp_step(account.id, *step);
  if (!fresh) return fresh.error();
  return *fresh ? CodeVerdict::kOk : CodeVerdict::kReplayed;
}

std::string code_problem(CodeVerdict verdict) {
  switch (verdict) {
    case CodeVerdict::kOk:
      return "";
    case CodeVerdict::kMissing:
      return "enter the 6-digit code from your authenticator app";
    case CodeVerdict::kWrong:
      return "that code is not right; enter the code your app shows now";
    case CodeVerdict::kReplayed:
      return "that code was used already; wait for the next one";
    case CodeVerdict::kUnreadable:
      return "two-factor sign-in cannot be checked for this account: ask an admin to turn it off "
             "(kneecoach clinic password-reset --clear-totp), then turn it on again";
  }
  return "";
}

Result<int> seal_plain_totp_secrets(Clinic& clinic) {
  auto accounts = clinic.store.accounts(std::nullopt);
  if (!accounts) return accounts.error();
  int sealed = 0;
  for (const auto& a : *accounts) {
    if (!a.totp_secret || a.totp_secret->starts_with(kSealedPrefix)) continue;
    auto box = seal_totp_secret(clinic, a.id, *a.totp_secret);
    if (!box) return box.error();
    if (auto s = clinic.store.set_totp(a.id, *box, a.totp_enabled); !s) return s.error();
    ++sealed;
  }
  if (sealed > 0) {
    auto row = record_event(clinic, host_operator(), kc::clinic::event::kTotpSealed, kc::clinic::AuditOutcome::kAllowed,
                            fmt::format("{} secrets sealed", sealed));
    if (!row) return row.error();
  }
  return sealed;
}

}  // namespace kc::usecases::clinic
