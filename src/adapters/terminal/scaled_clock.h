// A clock for the session player that runs `scale` times faster than real time (1 = real
// time), from a chosen starting instant. Real waiting, scaled; the local date is fixed.
#pragma once

#include <chrono>

#include "core/common/clock.h"

namespace kc::terminal {

class ScaledClock final : public Clock {
 public:
  // Starts at `start` now; `scale` > 0; today() always gives `today`.
  ScaledClock(TimePoint start, double scale, date::sys_days today);
  TimePoint now() const override;
  date::sys_days today() const override { return today_; }
  // Sleeps d / scale of real time.
  void sleep_for(std::chrono::milliseconds d) override;
  double scale() const { return scale_; }

 private:
  TimePoint start_;
  std::chrono::steady_clock::time_point real_start_;
  double scale_;
  date::sys_days today_;
};

}  // namespace kc::terminal
