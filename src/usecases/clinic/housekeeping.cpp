#include "usecases/clinic/housekeeping.h"

#include <algorithm>

namespace kc::usecases::clinic {

Result<Housekeeping> housekeeping(Clinic& clinic) {
  const TimePoint now = clinic.clock.now();
  const auto& c = clinic.config;
  auto sessions = clinic.store.purge_sessions(now - c.sessions.absolute);
  if (!sessions) return sessions.error();
  const auto keep = std::max(c.account_throttle.window + c.account_throttle.lockout,
                             c.address_throttle.window + c.address_throttle.lockout);
  auto keys = clinic.store.purge_throttle(now - keep);
  if (!keys) return keys.error();
  return Housekeeping{*sessions, *keys};
}

}  // namespace kc::usecases::clinic
