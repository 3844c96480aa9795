// The tracking commands, one function per command (registered by add_tracking_commands):
// init, today, check-in, measure, progress, export csv. Each runs against the person's store.
#pragma once

#include <string>

#include "adapters/cli/app.h"
#include "adapters/cli/store_access.h"
#include "core/common/clock.h"
#include "core/plan/civil_date.h"

namespace kc::cli {

// Options every tracking command shares.
struct TrackingOptions {
  StoreOptions store;
  std::string date;  // --date YYYY-MM-DD: act as on that day (tests, late entries)
};

// The day and instant a command acts at: --date (at 08:00 UTC that day) or the clock.
struct When {
  CivilDate date;
  TimePoint at;
};

// `--date` checked: nullopt (after reporting, kExitBadInput) when it is not YYYY-MM-DD.
std::optional<When> when_for(const TrackingOptions& options, const Clock& clock, Context& ctx);

struct InitArgs {
  TrackingOptions common;
  std::string answers;  // --answers FILE ("-" stdin); empty: ask the questions
  std::string start;    // --start YYYY-MM-DD; empty: the day of `when`
  int weeks = 6;
};

void run_init(const InitArgs& args, Context& ctx);
void run_today(const TrackingOptions& options, bool json, Context& ctx);
// On a rest day: the offer to do the next session today anyway, or to move it (move_command.cpp).
void print_rest_day_offer(Context& ctx, store::Store& store, const Clock& clock, const TrackingOptions& options,
                          CivilDate today);
struct CheckInArgs {
  TrackingOptions common;
  bool replace = false;  // --replace: replace the check-in already saved for the day
};

void run_check_in(const CheckInArgs& args, Context& ctx);
void run_measure(const std::string& which, const TrackingOptions& options, Context& ctx);
void run_progress(const TrackingOptions& options, const std::string& svg_dir, Context& ctx);
void run_export_csv(const TrackingOptions& options, const std::string& out_dir, Context& ctx);

}  // namespace kc::cli
