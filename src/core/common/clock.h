// The clock, injected wherever time matters (session timers, timestamps, "today"), so tests
// run a whole session in milliseconds with a ManualClock.
#pragma once

#include <date/date.h>

#include <chrono>

namespace kc {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;  // UTC instant

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant (UTC).
  virtual TimePoint now() const = 0;
  // The person's local calendar date now.
  virtual date::sys_days today() const = 0;
  // Waits `d`; a fake clock advances instead of waiting.
  virtual void sleep_for(std::chrono::milliseconds d) = 0;
};

// A clock that only moves when told to (sleep_for advances it). For tests and scripted runs.
// The local date is the UTC date shifted by `utc_offset`.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start, std::chrono::minutes utc_offset = std::chrono::minutes{0})
      : now_(start), offset_(utc_offset) {}
  TimePoint now() const override { return now_; }
  date::sys_days today() const override { return date::floor<date::days>(now_ + offset_); }
  void sleep_for(std::chrono::milliseconds d) override { now_ += d; }
  // Moves the clock to `t` (may go backwards, for tests).
  void set(TimePoint t) { now_ = t; }

 private:
  TimePoint now_;
  std::chrono::minutes offset_;
};

}  // namespace kc
