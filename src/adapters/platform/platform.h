// platform/: what the operating system provides to every surface: the real clock (or the
// test clock from $KNEECOACH_FAKE_TIME) and the folder where a person's records live.
#pragma once

#include <memory>
#include <string>

#include "core/common/clock.h"

namespace kc::platform {

// The real clock: UTC now, the local date from the system time zone, real sleeping.
std::unique_ptr<Clock> system_clock();

// The clock for a command or a server: for tests, when $KNEECOACH_FAKE_TIME holds an instant
// ("2025-03-03T08:00:00Z", with or without milliseconds) or a date ("2025-03-03", taken as
// 08:00 UTC), a ManualClock starting there (its local date is the UTC date); otherwise
// system_clock().
std::unique_ptr<Clock> clock_from_environment();

// The data folder: `data_dir` when given, else $KNEECOACH_HOME, else $XDG_DATA_HOME/kneecoach,
// else $HOME/.local/share/kneecoach.
std::string resolve_data_dir(const std::string& data_dir);

}  // namespace kc::platform
