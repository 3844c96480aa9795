// What every clinic use case works over: the two stores (one database), the clock, the crypto
// ports and the server's settings. The server makes one and shares it between request threads
// (every part is thread-safe); each call passes who is asking (Caller).
#pragma once

#include <chrono>
#include <string>

#include "core/clinic/clinic_store.h"
#include "core/clinic/policy.h"
#include "core/clinic/session_rules.h"
#include "core/clinic/throttle.h"
#include "core/common/clock.h"
#include "core/store/store.h"
#include "usecases/clinic/crypto_ports.h"

namespace kc::usecases::clinic {

using kc::clinic::Account;
using kc::clinic::AccountId;
using kc::clinic::Action;
using kc::clinic::Actor;
using kc::clinic::AuditEntry;
using kc::clinic::Role;

struct ClinicConfig {
  kc::clinic::SessionLimits sessions;
  kc::clinic::ThrottleLimits account_throttle = kc::clinic::kAccountThrottle;
  kc::clinic::ThrottleLimits address_throttle = kc::clinic::kAddressThrottle;
  // Audit rows older than this are deleted by purge_audit (default 6 years, a common retention
  // period for health records' access logs; set it to what the practice's rules require).
  std::chrono::days audit_retention{6 * 366};
};

struct Clinic {
  kc::clinic::ClinicStore& store;  // accounts, sessions, invites, caseloads, audit
  store::Store& records;           // the clinical records (same database)
  const Clock& clock;
  const PasswordHasher& hasher;
  TokenSource& tokens;
  const Totp& totp;
  const SecretBox& secrets;  // seals TOTP secrets at rest
  ClinicConfig config;
};

// Who is asking, and from where (the client's address, for the audit trail).
struct Caller {
  Actor actor;
  std::string address;
};

// The operator at the server's shell (kneecoach clinic commands): an admin, never clinical.
inline Caller host_operator() { return Caller{Actor{kc::clinic::kHostOperator, Role::kAdmin, {}, "host"}, "host"}; }

}  // namespace kc::usecases::clinic
