#include "usecases/clinic/accounts.h"

#include <fmt/format.h>

#include "core/clinic/credentials.h"
#include "usecases/clinic/authorize.h"
#include "usecases/clinic/throttling.h"
#include "usecases/clinic/two_factor.h"

namespace kc::usecases::clinic {
namespace {

namespace core = kc::clinic;
using core::AccountState;
using core::AuditOutcome;

// A new active account of `role` with the password hashed, once the rules pass.
Result<Account> make_account(Clinic& clinic, const NewAccount& request, Role role) {
  auto username = core::normalise_username(request.username);
  if (!username) return username.error();
  if (auto ok = core::check_password(request.password, *username); !ok) return ok.error();
  auto hash = clinic.hasher.hash(request.password);
  if (!hash) return hash.error();
  Account a;
  a.username = *username;
  a.role = role;
  a.password_hash = std::move(hash).value();
  a.state = AccountState::kActive;
  a.created_at = clinic.clock.now();
  return a;
}

Result<Account> store_account(Clinic& clinic, const Caller& caller, const Account& account) {
  auto stored = clinic.store.create_account(account);
  if (!stored) return stored.error();
  auto row = record_event(clinic, caller, core::event::kAccountCreated, AuditOutcome::kAllowed,
                          fmt::format("{} {}", role_name(stored->role), stored->username));
  if (!row) return row.error();
  return stored;
}

Result<Account> find_by_username(Clinic& clinic, const std::string& username) {
  auto normalised = core::normalise_username(username);
  if (!normalised) return make_error(errc::kNotFound, "username", "no account \"" + username.substr(0, 64) + "\"");
  auto found = clinic.store.find_account_by_username(*normalised);
  if (!found) return found.error();
  if (!*found) return make_error(errc::kNotFound, "username", "no account \"" + *normalised + "\"");
  return **found;
}

// Percent-encodes everything but unreserved characters (RFC 3986), for the otpauth URI.
std::string uri_encode(const std::string& s) {
  std::string out;
  for (const char c : s) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

// Two-factor sign-in is for clinicians' and admins' own accounts (patients sign in with a
// password; their phones stay signed in).
Status staff_only(const Caller& caller) {
  if (caller.actor.account <= 0 || caller.actor.role == Role::kPatient) {
    return make_error(errc::kForbidden, "", "two-factor sign-in is for clinicians and admins");
  }
  return Ok{};
}

}  // namespace

AccountView view_of(const Account& a) { return {a.id, a.username, a.role, a.state, a.totp_enabled, a.created_at}; }

Result<AccountView> create_first_admin(Clinic& clinic, const NewAccount& request) {
  auto admins = clinic.store.accounts(Role::kAdmin);
  if (!admins) return admins.error();
  if (!admins->empty()) {
    return make_error(errc::kConflict, "", "the clinic has an admin already; add accounts as that admin");
  }
  auto account = make_account(clinic, request, Role::kAdmin);
  if (!account) return account.error();
  auto stored = store_account(clinic, host_operator(), *account);
  if (!stored) return stored.error();
  return view_of(*stored);
}

Result<AccountView> create_clinician(Clinic& clinic, const Caller& caller, const NewAccount& request) {
  if (auto ok = authorize(clinic, caller, Action::kManageAccounts, std::nullopt, "create clinician"); !ok) {
    return ok.error();
  }
  auto account = make_account(clinic, request, Role::kClinician);
  if (!account) return account.error();
  auto stored = store_account(clinic, caller, *account);
  if (!stored) return stored.error();
  return view_of(*stored);
}

Result<std::vector<AccountView>> list_accounts(Clinic& clinic, const Caller& caller, std::optional<Role> role) {
  if (auto ok = authorize(clinic, caller, Action::kManageAccounts, std::nullopt, "list accounts"); !ok) {
    return ok.error();
  }
  auto accounts = clinic.store.accounts(role);
  if (!accounts) return accounts.error();
  std::vector<AccountView> out;
  out.reserve(accounts->size());
  for (const auto& a : *accounts) out.push_back(view_of(a));
  return out;
}

Status disable_account(Clinic& clinic, const Caller& caller, const std::string& username) {
  if (auto ok = authorize(clinic, caller, Action::kManageAccounts, std::nullopt, "disable " + username); !ok) {
    return ok.error();
  }
  auto account = find_by_username(clinic, username);
  if (!account) return account.error();
  if (account->id == caller.actor.account) {
    return make_error(errc::kConflict, "username", "you cannot disable your own account");
  }
  if (auto s = clinic.store.set_state(account->id, AccountState::kDisabled, clinic.clock.now()); !s) return s;
  return record_event(clinic, caller, core::event::kAccountDisabled, AuditOutcome::kAllowed, account->username,
                      account->person);
}

Status reset_password(Clinic& clinic, const Caller& caller, const std::string& username,
                      const std::string& new_password, bool clear_totp) {
  if (auto ok = authorize(clinic, caller, Action::kManageAccounts, std::nullopt, "reset password of " + username);
      !ok) {
    return ok.error();
  }
  auto account = find_by_username(clinic, username);
  if (!account) return account.error();
  if (auto ok = core::check_password(new_password, account->username); !ok) return ok;
  auto hash = clinic.hasher.hash(new_password);
  if (!hash) return hash.error();
  if (auto s = clinic.store.set_password(account->id, *hash, clinic.clock.now()); !s) return s;
  if (clear_totp) {
    if (auto s = clinic.store.set_totp(account->id, std::nullopt, false); !s) return s;
  }
  return record_event(clinic, caller, core::event::kPasswordReset, AuditOutcome::kAllowed,
                      account->username + (clear_totp ? " (TOTP off)" : ""), account->person);
}

Result<AccountView> own_account(Clinic& clinic, const Caller& caller) {
  auto account = clinic.store.find_account(caller.actor.account);
  if (!account) return account.error();
  if (!*account) return make_error(errc::kUnauthorised, "", "sign in first");
  return view_of(**account);
}

Result<TotpEnrolment> begin_totp(Clinic& clinic, const Caller& caller) {
  if (auto staff = staff_only(caller); !staff) return staff.error();
  auto account = clinic.store.find_account(caller.actor.account);
  if (!account) return account.error();
  if (!*account) return make_error(errc::kUnauthorised, "", "sign in first");
  if ((*account)->totp_enabled) {
    return make_error(errc::kConflict, "totp",
                      "two-factor sign-in is on already; turn it off first (with a current code or your password)");
  }
  TotpEnrolment out;
  out.secret = clinic.tokens.totp_secret();
  auto sealed = seal_totp_secret(clinic, caller.actor.account, out.secret);
  if (!sealed) return sealed.error();
  if (auto s = clinic.store.set_totp(caller.actor.account, *sealed, false); !s) return s.error();
  out.uri = fmt::format("otpauth://totp/kneecoach:{}?secret={}&issuer=kneecoach&algorithm=SHA1&digits=6&period=30",
                        uri_encode((*account)->username), out.secret);
  if (auto row = record_event(clinic, caller, core::event::kTotpStarted, AuditOutcome::kAllowed, (*account)->username);
      !row) {
    return row.error();
  }
  return out;
}

Status confirm_totp(Clinic& clinic, const Caller& caller, const std::string& code) {
  if (auto staff = staff_only(caller); !staff) return staff;
  auto account = clinic.store.find_account(caller.actor.account);
  if (!account) return account.error();
  if (!*account || !(*account)->totp_secret) {
    return make_error(errc::kInvalid, "totp", "start turning on two-factor sign-in first");
  }
  if ((*account)->totp_enabled) return make_error(errc::kConflict, "totp", "two-factor sign-in is on already");
  auto verdict = use_totp_code(clinic, **account, code);
  if (!verdict) return verdict.error();
  if (*verdict == CodeVerdict::kUnreadable) return open_totp_secret(clinic, **account).error();
  if (*verdict != CodeVerdict::kOk) {
    (void)record_event(clinic, caller, core::event::kTotpEnabled, AuditOutcome::kRefused,
                       (*account)->username + ": wrong code");
    return make_error(errc::kInvalid, "totp", code_problem(*verdict));
  }
  if (auto s = clinic.store.set_totp(caller.actor.account, (*account)->totp_secret, true); !s) return s;
  return record_event(clinic, caller, core::event::kTotpEnabled, AuditOutcome::kAllowed, (*account)->username);
}

Status disable_totp(Clinic& clinic, const Caller& caller, const DisableTotp& proof) {
  if (auto staff = staff_only(caller); !staff) return staff;
  auto account = clinic.store.find_account(caller.actor.account);
  if (!account) return account.error();
  if (!*account) return make_error(errc::kUnauthorised, "", "sign in first");
  if (!(*account)->totp_enabled) return make_error(errc::kConflict, "totp", "two-factor sign-in is off already");
  // Guesses here count as failed sign-ins do: a stolen session cannot try every code.
  const ThrottleKeys keys = throttle_keys((*account)->username, caller.address);
  if (auto t = check_throttle(clinic, keys, "wrong codes or passwords"); !t) return t;
  bool proven = false;
  std::string field = "password";
  std::string problem = "give a current code from your authenticator app, or your password";
  if (!proof.code.empty()) {
    auto verdict = use_totp_code(clinic, **account, proof.code);
    if (!verdict) return verdict.error();
    proven = *verdict == CodeVerdict::kOk;
    field = "totp";
    problem = code_problem(*verdict);
  } else if (!proof.password.empty()) {
    proven = clinic.hasher.verify(proof.password, (*account)->password_hash);
    problem = "that is not your password";
  }
  if (!proven) {
    (void)record_event(clinic, caller, core::event::kTotpDisabled, AuditOutcome::kRefused,
                       (*account)->username + ": not proven");
    if (auto s = count_failure(clinic, keys); !s) return s;
    return make_error(errc::kInvalid, field, problem);
  }
  if (auto s = count_success(clinic, keys); !s) return s;
  if (auto s = clinic.store.set_totp(caller.actor.account, std::nullopt, false); !s) return s;
  return record_event(clinic, caller, core::event::kTotpDisabled, AuditOutcome::kAllowed, (*account)->username);
}

}  // namespace kc::usecases::clinic
