// Sign-in throttling as sign-in and invite acceptance apply it: the keys of one attempt, the
// check before it and the count after it (the rules are core/clinic/throttle.h).
#pragma once

#include <string>
#include <string_view>

#include "core/common/result.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

// The keys of one attempt: the account's (empty when no valid username was given) and the
// client address's.
struct ThrottleKeys {
  std::string account;
  std::string address;
};
ThrottleKeys throttle_keys(const Result<std::string>& username, const std::string& address);

// errc::kThrottled, saying how many minutes to wait, when either key is locked now; `what`
// names the failures ("failed sign-ins"). errc::kFailed when the store fails.
Status check_throttle(Clinic& clinic, const ThrottleKeys& keys, std::string_view what);

// One more failure under both keys (the account's and the address's limits). errc::kFailed.
Status count_failure(Clinic& clinic, const ThrottleKeys& keys);

// A success: the account key's failures are cleared. errc::kFailed.
Status count_success(Clinic& clinic, const ThrottleKeys& keys);

}  // namespace kc::usecases::clinic
