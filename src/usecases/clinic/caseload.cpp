#include "usecases/clinic/caseload.h"

#include <fmt/format.h>

#include "usecases/clinic/authorize.h"

namespace kc::usecases::clinic {

Result<std::vector<kc::clinic::CaseloadEntry>> caseload(Clinic& clinic, const Caller& caller) {
  if (auto ok = authorize(clinic, caller, Action::kReadCaseload, std::nullopt, "caseload"); !ok) return ok.error();
  return clinic.store.caseload(caller.actor.account);
}

Result<std::vector<kc::clinic::Notification>> notifications(Clinic& clinic, const Caller& caller, bool unread_only) {
  if (auto ok = authorize(clinic, caller, Action::kReadCaseload, std::nullopt, "notifications"); !ok) {
    return ok.error();
  }
  return clinic.store.notifications(caller.actor.account, unread_only);
}

Status mark_notification_read(Clinic& clinic, const Caller& caller, std::int64_t notification) {
  if (auto ok = authorize(clinic, caller, Action::kReadCaseload, std::nullopt, "mark notification read"); !ok) {
    return ok;
  }
  return clinic.store.mark_notification_read(caller.actor.account, notification, clinic.clock.now());
}

Result<int> notify_red_flag(Clinic& clinic, store::PersonId patient, const TriageResult& triage,
                            std::string_view where) {
  if (may_start_program(triage.level)) return 0;  // go and caution: no referral
  auto clinicians = clinic.store.clinicians_of(patient);
  if (!clinicians) return clinicians.error();
  std::string message = fmt::format("{}: {}", where, to_string(triage.level));
  for (const auto& reason : triage.reasons) message += fmt::format("; {}", reason.message);
  for (const AccountId clinician : *clinicians) {
    const kc::clinic::Notification n{0, clinician, patient, clinic.clock.now(), "red_flag", message, std::nullopt};
    if (auto added = clinic.store.add_notification(n); !added) return added.error();
  }
  return static_cast<int>(clinicians->size());
}

}  // namespace kc::usecases::clinic
