#include "usecases/clinic/invites.h"

#include "core/clinic/credentials.h"
#include "core/clinic/session_rules.h"
#include "usecases/clinic/authorize.h"

namespace kc::usecases::clinic {
namespace {

namespace core = kc::clinic;
using core::AccountState;
using core::AuditOutcome;
using core::Invite;

// "K7QM3XPA" -> "K7QM-3XPA", easier to read out and type.
std::string grouped(const std::string& code) { return code.substr(0, 4) + "-" + code.substr(4); }

// A new invite for `patient`, from `clinician`, at now; the tokens filled into `issued`.
Invite new_invite(Clinic& clinic, AccountId clinician, AccountId patient, IssuedInvite& issued) {
  const TimePoint now = clinic.clock.now();
  issued.link_token = clinic.tokens.token();
  const std::string code = clinic.tokens.short_code();
  issued.code = grouped(code);
  issued.expires_at = now + core::kInviteLifetime;
  return Invite{0, clinic.tokens.hash(issued.link_token), clinic.tokens.hash(code), clinician, patient, now,
                issued.expires_at, std::nullopt};
}

// A new person under a fresh API id (a name clash, vanishingly rare, is retried).
Result<store::Person> new_person(Clinic& clinic) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    auto person = clinic.records.create_person(clinic.tokens.person_name(), clinic.clock.now());
    if (person || person.error().code != errc::kConflict) return person;
  }
  return make_error("could not find a free person id");
}

Error invite_not_found() {
  return make_error(errc::kNotFound, "code", "no such invite; check the link or the username and code");
}

// Counts a failed accept under the address (and the account, when named) and returns `error`.
Error fail(Clinic& clinic, const std::string& account_key, const std::string& address_key, Error error) {
  const TimePoint now = clinic.clock.now();
  for (const auto& [key, limits] : {std::pair{account_key, clinic.config.account_throttle},
                                    std::pair{address_key, clinic.config.address_throttle}}) {
    if (key.empty()) continue;
    auto s = clinic.store.update_throttle(
        key, [&](const core::ThrottleState& st) { return core::record_failure(st, now, limits); });
    if (!s) return s.error();
  }
  return error;
}

Status check_locked(Clinic& clinic, const std::string& account_key, const std::string& address_key) {
  for (const std::string* key : {&account_key, &address_key}) {
    if (key->empty()) continue;
    auto state = clinic.store.throttle(*key);
    if (!state) return state.error();
    if (*state && core::is_locked(**state, clinic.clock.now())) {
      return make_error(errc::kThrottled, "", "too many wrong invite codes; try again later");
    }
  }
  return Ok{};
}

// The invite the request names, or nullopt.
Result<std::optional<Invite>> find_invite(Clinic& clinic, const AcceptInvite& request, const std::string& username) {
  if (!request.link_token.empty()) return clinic.store.find_invite_by_link(clinic.tokens.hash(request.link_token));
  auto code = core::normalise_code(request.code);
  if (!code) return code.error();
  auto account = clinic.store.find_account_by_username(username);
  if (!account) return account.error();
  if (!*account) return std::optional<Invite>{};
  return clinic.store.find_invite_by_code((*account)->id, clinic.tokens.hash(*code));
}

}  // namespace

Result<IssuedInvite> invite_patient(Clinic& clinic, const Caller& caller, const std::string& username) {
  if (auto ok = authorize(clinic, caller, Action::kInvitePatient, std::nullopt, "invite " + username); !ok) {
    return ok.error();
  }
  auto name = core::normalise_username(username);
  if (!name) return name.error();
  auto taken = clinic.store.find_account_by_username(*name);
  if (!taken) return taken.error();
  if (*taken) return make_error(errc::kConflict, "username", "the username \"" + *name + "\" is taken");
  IssuedInvite issued;
  auto person = new_person(clinic);
  if (!person) return person.error();
  issued.person = *person;
  Account patient;
  patient.username = *name;
  patient.role = Role::kPatient;
  patient.person = person->id;
  patient.state = AccountState::kPending;
  patient.created_at = clinic.clock.now();
  auto created = clinic.store.create_invited_patient(patient, new_invite(clinic, caller.actor.account, 0, issued));
  if (!created) {
    (void)clinic.records.delete_person(person->id);  // the person has no records yet
    return created.error();
  }
  issued.patient = view_of(created->patient);
  if (auto row = record_event(clinic, caller, core::event::kAccountCreated, AuditOutcome::kAllowed,
                              "patient " + *name, person->id);
      !row) {
    return row.error();
  }
  return issued;
}

Result<IssuedInvite> reissue_invite(Clinic& clinic, const Caller& caller, const std::string& username) {
  auto name = core::normalise_username(username);
  auto account = name ? clinic.store.find_account_by_username(*name) : Result<std::optional<Account>>(std::nullopt);
  if (!account) return account.error();
  const std::optional<store::PersonId> person = *account ? (*account)->person : std::nullopt;
  // Only the patient's own clinicians may: as writing to their record.
  if (auto ok = authorize(clinic, caller, Action::kWriteRecord, person.value_or(0), "reissue invite"); !ok) {
    return ok.error();
  }
  if (!*account) return make_error(errc::kNotFound, "username", "no such patient");
  if ((*account)->state != AccountState::kPending) {
    return make_error(errc::kConflict, "username", "the patient has accepted already; they sign in instead");
  }
  IssuedInvite issued;
  issued.patient = view_of(**account);
  auto caseload = clinic.store.caseload(caller.actor.account);
  if (!caseload) return caseload.error();
  for (const auto& entry : *caseload) {
    if (entry.patient != (*account)->id) continue;
    auto found = clinic.records.find_person(entry.person_name);
    if (!found) return found.error();
    if (*found) issued.person = **found;
  }
  auto added = clinic.store.add_invite(new_invite(clinic, caller.actor.account, (*account)->id, issued));
  if (!added) return added.error();
  return issued;
}

Result<SignedIn> accept_invite(Clinic& clinic, const AcceptInvite& request) {
  auto username = request.link_token.empty() ? core::normalise_username(request.username) : Result<std::string>("");
  const std::string account_key = username && !username->empty() ? core::account_key(*username) : "";
  const std::string address_key = core::address_key(request.address);
  if (auto locked = check_locked(clinic, account_key, address_key); !locked) return locked.error();
  if (!username) return fail(clinic, "", address_key, invite_not_found());
  auto invite = find_invite(clinic, request, *username);
  if (!invite) {
    if (invite.error().field == "code") return fail(clinic, account_key, address_key, invite.error());
    return invite.error();
  }
  if (!*invite) return fail(clinic, account_key, address_key, invite_not_found());
  switch (core::check_invite(**invite, clinic.clock.now())) {
    case core::InviteVerdict::kValid:
      break;
    case core::InviteVerdict::kUsed:
      return make_error(errc::kConflict, "", "this invite was used already; sign in with your password");
    case core::InviteVerdict::kExpired:
      return make_error(errc::kExpired, "", "this invite is more than 7 days old; ask your clinician for a new one");
  }
  auto patient = clinic.store.find_account((*invite)->patient);
  if (!patient) return patient.error();
  if (!*patient) return invite_not_found();
  if (auto ok = core::check_password(request.password, (*patient)->username); !ok) return ok.error();
  auto hash = clinic.hasher.hash(request.password);
  if (!hash) return hash.error();
  if (auto s = clinic.store.accept_invite((*invite)->id, *hash, clinic.clock.now()); !s) {
    if (s.error().code == errc::kConflict) {
      return make_error(errc::kConflict, "", "this invite was used already; sign in with your password");
    }
    return s.error();
  }
  const Caller caller{Actor{(*patient)->id, Role::kPatient, (*patient)->person, (*patient)->username},
                      request.address};
  if (auto row = record_event(clinic, caller, core::event::kAcceptInvite, AuditOutcome::kAllowed,
                              (*patient)->username, (*patient)->person);
      !row) {
    return row.error();
  }
  Account active = **patient;
  active.state = AccountState::kActive;
  return start_session(clinic, active, request.address);
}

}  // namespace kc::usecases::clinic
