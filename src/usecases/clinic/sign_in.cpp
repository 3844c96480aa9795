#include "usecases/clinic/sign_in.h"

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

Error wrong_credentials() { return make_error(errc::kUnauthorised, "", "wrong username or password"); }
Error totp_error(std::string message) { return make_error(errc::kUnauthorised, "totp", std::move(message)); }

Actor actor_of(const Account& a) { return Actor{a.id, a.role, a.person, a.username}; }

// Counts one failure under both keys and audits it; returns `error` (or the store's).
Error fail(Clinic& clinic, const Caller& caller, const ThrottleKeys& keys, const std::string& why, Error error) {
  if (auto s = count_failure(clinic, keys); !s) return s.error();
  if (auto row = record_event(clinic, caller, core::event::kSignInFailed, AuditOutcome::kRefused, why); !row) {
    return row.error();
  }
  return error;
}

}  // namespace

Result<SignedIn> sign_in(Clinic& clinic, const SignInRequest& request) {
  auto username = core::normalise_username(request.username);
  const ThrottleKeys keys = throttle_keys(username, request.address);
  Caller caller{Actor{0, Role::kPatient, {}, ""}, request.address};
  const std::string tried = username ? *username : "(malformed username)";
  if (auto t = check_throttle(clinic, keys, "failed sign-ins"); !t) {
    if (t.error().code == errc::kThrottled) {
      (void)record_event(clinic, caller, core::event::kSignInFailed, AuditOutcome::kRefused, tried + ": throttled");
    }
    return t.error();
  }
  std::optional<Account> account;
  if (username) {
    auto found = clinic.store.find_account_by_username(*username);
    if (!found) return found.error();
    account = *found;
  }
  // Always one password check, against the dummy hash when there is no usable account.
  const bool usable = account && account->state == AccountState::kActive && !account->password_hash.empty();
  const bool good =
      clinic.hasher.verify(request.password, usable ? account->password_hash : clinic.hasher.dummy_hash());
  if (account) caller.actor = actor_of(*account);
  if (!usable || !good) {
    const std::string why = !account ? ": unknown username" : !usable ? ": account not active" : ": wrong password";
    return fail(clinic, caller, keys, tried + why, wrong_credentials());
  }
  if (account->totp_enabled) {
    auto verdict = use_totp_code(clinic, *account, request.totp_code);
    if (!verdict) return verdict.error();
    // A missing code, or a secret this server cannot read, is no guess: it does not count.
    if (*verdict == CodeVerdict::kMissing || *verdict == CodeVerdict::kUnreadable) {
      return totp_error(code_problem(*verdict));
    }
    if (*verdict != CodeVerdict::kOk) {
      return fail(clinic, caller, keys, tried + ": wrong TOTP code", totp_error(code_problem(*verdict)));
    }
  }
  if (auto cleared = count_success(clinic, keys); !cleared) return cleared.error();
  return start_session(clinic, *account, request.address);
}

Result<SignedIn> start_session(Clinic& clinic, const Account& account, const std::string& address) {
  const TimePoint now = clinic.clock.now();
  SignedIn out{clinic.tokens.token(), actor_of(account)};
  const core::LoginSession session{clinic.tokens.hash(out.token), account.id, now, now, std::nullopt, address};
  if (auto added = clinic.store.add_session(session); !added) return added.error();
  if (auto row = record_event(clinic, Caller{out.actor, address}, core::event::kSignIn, AuditOutcome::kAllowed,
                              account.username);
      !row) {
    return row.error();
  }
  return out;
}

Status sign_out(Clinic& clinic, const std::string& token, const std::string& address) {
  const std::string hash = clinic.tokens.hash(token);
  const TimePoint now = clinic.clock.now();
  auto found = clinic.store.use_session(hash, now, core::seen_before(now));
  if (!found) return found.error();
  if (!*found || (*found)->session.revoked_at) return Ok{};
  if (auto r = clinic.store.revoke_session(hash, now); !r) return r.error();
  const Caller caller{actor_of((*found)->account), address};
  return record_event(clinic, caller, core::event::kSignOut, AuditOutcome::kAllowed, "");
}

Result<Actor> authenticate(Clinic& clinic, const std::string& token) {
  if (token.empty()) return make_error(errc::kUnauthorised, "", "sign in first");
  const std::string hash = clinic.tokens.hash(token);
  const TimePoint now = clinic.clock.now();
  auto found = clinic.store.use_session(hash, now, core::seen_before(now));
  if (!found) return found.error();
  if (!*found) return make_error(errc::kUnauthorised, "", "sign in first");
  const auto& [session, account] = **found;
  switch (core::check_session(session, now, clinic.config.sessions)) {
    case core::SessionVerdict::kValid:
      break;
    case core::SessionVerdict::kRevoked:
      return make_error(errc::kUnauthorised, "", "you signed out; sign in again");
    case core::SessionVerdict::kIdleExpired:
    case core::SessionVerdict::kAbsoluteExpired:
      if (auto r = clinic.store.revoke_session(hash, now); !r) return r.error();
      return make_error(errc::kExpired, "", "your session expired; sign in again");
  }
  if (account.state != AccountState::kActive) return make_error(errc::kUnauthorised, "", "this account is not active");
  return actor_of(account);
}

}  // namespace kc::usecases::clinic
