#include "usecases/clinic/authorize.h"

namespace kc::usecases::clinic {
namespace {

using kc::clinic::AuditOutcome;
using kc::clinic::Relation;

constexpr std::size_t kMaxDetail = 200;

// How the actor relates to the patient; kOther unless a store read proves otherwise.
Result<Relation> relation_to(Clinic& clinic, const Actor& actor, std::optional<store::PersonId> patient) {
  if (!patient) return Relation::kNone;
  if (actor.role == Role::kPatient) return actor.person == patient ? Relation::kSelf : Relation::kOther;
  if (actor.role == Role::kClinician) {
    auto on = clinic.store.on_caseload(actor.account, *patient);
    if (!on) return on.error();
    return *on ? Relation::kOnCaseload : Relation::kOther;
  }
  return Relation::kOther;
}

Error refused() { return make_error(errc::kForbidden, "", "you are not allowed to do this"); }

}  // namespace

Status record_event(Clinic& clinic, const Caller& caller, std::string_view event, AuditOutcome outcome,
                    std::string_view detail, std::optional<store::PersonId> patient) {
  AuditEntry row;
  row.at = clinic.clock.now();
  row.actor = caller.actor.account;
  if (caller.actor.account != 0) row.role = caller.actor.role;
  row.action = std::string(event);
  row.detail = std::string(detail.substr(0, kMaxDetail));
  row.patient = patient;
  row.address = caller.address.substr(0, kMaxDetail);
  row.outcome = outcome;
  auto appended = clinic.store.append_audit(row);
  if (!appended) return appended.error();
  return Ok{};
}

Status authorize(Clinic& clinic, const Caller& caller, Action action, std::optional<store::PersonId> patient,
                 std::string_view detail) {
  auto relation = relation_to(clinic, caller.actor, patient);
  const bool allowed = relation && decide(caller.actor, action, *relation).allowed;
  auto row = record_event(clinic, caller, action_name(action), allowed ? AuditOutcome::kAllowed : AuditOutcome::kRefused,
                          detail, patient);
  if (!relation) return relation.error();
  if (!row) return row.error();
  if (!allowed) return refused();
  return Ok{};
}

Result<store::Person> authorize_person(Clinic& clinic, const Caller& caller, Action action,
                                       const std::string& person_name, std::string_view detail) {
  auto person = clinic.records.find_person(person_name);
  if (!person) return person.error();
  if (!*person) {
    auto row = record_event(clinic, caller, action_name(action), AuditOutcome::kRefused,
                            std::string(detail) + " (unknown person)");
    if (!row) return row.error();
    return refused();
  }
  if (auto ok = authorize(clinic, caller, action, (*person)->id, detail); !ok) return ok.error();
  return **person;
}

}  // namespace kc::usecases::clinic
