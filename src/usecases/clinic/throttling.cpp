#include "usecases/clinic/throttling.h"

#include <fmt/format.h>

namespace kc::usecases::clinic {
namespace {

namespace core = kc::clinic;

Status update(Clinic& clinic, const std::string& key, const core::ClinicStore::ThrottleUpdate& next) {
  if (key.empty()) return Ok{};
  auto s = clinic.store.update_throttle(key, next);
  if (!s) return s.error();
  return Ok{};
}

}  // namespace

ThrottleKeys throttle_keys(const Result<std::string>& username, const std::string& address) {
  return {username && !username->empty() ? core::account_key(*username) : "", core::address_key(address)};
}

Status check_throttle(Clinic& clinic, const ThrottleKeys& keys, std::string_view what) {
  const TimePoint now = clinic.clock.now();
  for (const std::string* key : {&keys.account, &keys.address}) {
    if (key->empty()) continue;
    auto state = clinic.store.throttle(*key);
    if (!state) return state.error();
    if (*state && core::is_locked(**state, now)) {
      const auto wait = std::chrono::ceil<std::chrono::minutes>(*(*state)->locked_until - now);
      return make_error(
          errc::kThrottled, "",
          fmt::format("too many {}; try again in {} minute{}", what, wait.count(), wait.count() == 1 ? "" : "s"));
    }
  }
  return Ok{};
}

Status count_failure(Clinic& clinic, const ThrottleKeys& keys) {
  const TimePoint now = clinic.clock.now();
  const auto& config = clinic.config;
  if (auto s =
          update(clinic, keys.account,
                 [&](const core::ThrottleState& st) { return core::record_failure(st, now, config.account_throttle); });
      !s) {
    return s;
  }
  return update(clinic, keys.address,
                [&](const core::ThrottleState& st) { return core::record_failure(st, now, config.address_throttle); });
}

Status count_success(Clinic& clinic, const ThrottleKeys& keys) {
  const TimePoint now = clinic.clock.now();
  return update(clinic, keys.account, [&](const core::ThrottleState& st) { return core::record_success(st, now); });
}

}  // namespace kc::usecases::clinic
