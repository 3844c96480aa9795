#include "core/clinic/throttle.h"

namespace kc::clinic {

std::string account_key(const std::string& username) { return "account:" + username; }
std::string address_key(const std::string& address) { return "address:" + address; }

bool is_locked(const ThrottleState& state, TimePoint now) { return state.locked_until && now < *state.locked_until; }

ThrottleState record_failure(ThrottleState state, TimePoint now, const ThrottleLimits& limits) {
  if (state.failures == 0 || now - state.window_start >= limits.window || now < state.window_start) {
    state.window_start = now;
    state.failures = 0;
  }
  ++state.failures;
  if (state.failures >= limits.max_failures) {
    state.locked_until = now + limits.lockout;
    state.failures = 0;  // a new count starts once the lock ends
  }
  return state;
}

ThrottleState record_success(ThrottleState state, TimePoint now) {
  state.failures = 0;
  state.window_start = now;
  if (state.locked_until && now >= *state.locked_until) state.locked_until.reset();
  return state;
}

}  // namespace kc::clinic
