// Clearing out what can no longer matter: old login sessions and throttle keys. The server runs
// it now and then (hourly, say); nothing depends on it for correctness, only on space.
#pragma once

#include <cstdint>

#include "core/common/result.h"
#include "usecases/clinic/clinic.h"

namespace kc::usecases::clinic {

struct Housekeeping {
  std::int64_t sessions = 0;       // login sessions deleted
  std::int64_t throttle_keys = 0;  // throttle keys deleted
};

// Deletes login sessions last seen, or revoked, longer ago than the absolute session limit
// (none of them could authenticate again) and throttle keys whose window and lock both ended
// longer ago than the longest window plus lockout. errc::kFailed when the store fails.
Result<Housekeeping> housekeeping(Clinic& clinic);

}  // namespace kc::usecases::clinic
