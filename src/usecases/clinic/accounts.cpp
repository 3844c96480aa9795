#include "usecases/clinic/accounts.h"

#include <fmt/format.h>

#include "core/clinic/credentials.h"
#include "usecases/clinic/authorize.h"

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
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
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

Result<TotpEnrolment> begin_totp(Clinic& clinic, const Caller& caller) {
  if (caller.actor.account <= 0 || caller.actor.role == Role::kPatient) {
    return make_error(errc::kForbidden, "", "two-factor sign-in is for clinicians and admins");
  }
  auto account = clinic.store.find_account(caller.actor.account);
  if (!account) return account.error();
  if (!*account) return make_error(errc::kUnauthorised, "", "sign in first");
  if ((*account)->totp_enabled) {
    return make_error(errc::kConflict, "totp", "two-factor sign-in is on already; an admin can reset it");
  }
  TotpEnrolment out;
  out.secret = clinic.tokens.totp_secret();
  if (auto s = clinic.store.set_totp(caller.actor.account, out.secret, false); !s) return s.error();
  out.uri = fmt::format("otpauth://totp/kneecoach:{}?secret={}&issuer=kneecoach&algorithm=SHA1&digits=6&period=30",
                        uri_encode((*account)->username), out.secret);
  return out;
}

Status confirm_totp(Clinic& clinic, const Caller& caller, const std::string& code) {
  auto account = clinic.store.find_account(caller.actor.account);
  if (!account) return account.error();
  if (!*account || !(*account)->totp_secret) {
    return make_error(errc::kInvalid, "totp", "start turning on two-factor sign-in first");
  }
  const auto step = clinic.totp.match(*(*account)->totp_secret, code, clinic.clock.now());
  if (!step) return make_error(errc::kInvalid, "totp", "that code does not match; enter the code your app shows now");
  if (auto s = clinic.store.set_totp(caller.actor.account, (*account)->totp_secret, true); !s) return s;
  if (auto used = clinic.store.use_totp_step(caller.actor.account, *step); !used) return used.error();
  return record_event(clinic, caller, core::event::kTotpEnabled, AuditOutcome::kAllowed, (*account)->username);
}

}  // namespace kc::usecases::clinic
