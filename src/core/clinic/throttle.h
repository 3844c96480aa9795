// Sign-in throttling: failed sign-ins are counted per account and per address in a window;
// too many lock the key for a while. Pure: the store keeps the state (ClinicStore::
// update_throttle runs these functions in its transaction), the time is passed in.
//
// Defaults: an account locks after 5 failures within 15 minutes, an address after 20 (a
// practice's patients may share one address), each for 15 minutes. A lock is temporary, so
// someone locking a clinician out by guessing costs them 15 minutes, not the account.
#pragma once

#include <chrono>
#include <string>

#include "core/clinic/records.h"

namespace kc::clinic {

struct ThrottleLimits {
  int max_failures = 5;  // failures within `window` that lock the key
  std::chrono::minutes window{15};
  std::chrono::minutes lockout{15};
};

inline constexpr ThrottleLimits kAccountThrottle{5, std::chrono::minutes{15}, std::chrono::minutes{15}};
inline constexpr ThrottleLimits kAddressThrottle{20, std::chrono::minutes{15}, std::chrono::minutes{15}};

// The throttle keys of a username (as normalised) and of a client address.
std::string account_key(const std::string& username);
std::string address_key(const std::string& address);

// Whether the key is locked at `now`.
bool is_locked(const ThrottleState& state, TimePoint now);

// The state after one more failure at `now`: a new window when the last one is over; locked
// until now + lockout when the failures in the window reach max_failures.
ThrottleState record_failure(ThrottleState state, TimePoint now, const ThrottleLimits& limits);

// The state after a successful sign-in: failures cleared (a lock in force stays).
ThrottleState record_success(ThrottleState state, TimePoint now);

}  // namespace kc::clinic
