#include "adapters/terminal/scaled_clock.h"

#include <thread>

namespace kc::terminal {

ScaledClock::ScaledClock(TimePoint start, double scale, date::sys_days today)
    : start_(start), real_start_(std::chrono::steady_clock::now()), scale_(scale > 0 ? scale : 1.0), today_(today) {}

TimePoint ScaledClock::now() const {
  const std::chrono::duration<double, std::milli> real = std::chrono::steady_clock::now() - real_start_;
  return start_ + std::chrono::milliseconds{static_cast<std::chrono::milliseconds::rep>(real.count() * scale_)};
}

void ScaledClock::sleep_for(std::chrono::milliseconds d) {
  if (d <= std::chrono::milliseconds{0}) return;
  std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(static_cast<double>(d.count()) / scale_));
}

}  // namespace kc::terminal
