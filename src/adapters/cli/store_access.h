// Opening the person's store for every command that reads or writes it (init, today,
// check-in, measure, progress, export, session).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/cli/app.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/store/store.h"

namespace CLI {
class App;
}

namespace kc::cli {

// The options every store command takes.
struct StoreOptions {
  std::string data_dir;       // --data-dir; empty = resolve_data_dir's default
  std::string person = "me";  // --person (env KNEECOACH_PERSON): whose records
};

// Adds --data-dir (env KNEECOACH_HOME) and --person (env KNEECOACH_PERSON) to `cmd`.
void add_store_options(CLI::App& cmd, StoreOptions& options);

// The data folder: `data_dir` when given, else $KNEECOACH_HOME, else $XDG_DATA_HOME/kneecoach,
// else $HOME/.local/share/kneecoach.
std::string resolve_data_dir(const std::string& data_dir);

// Opens, through ctx.ports, the store in resolve_data_dir(data_dir) (creating the folder and the
// store when missing). `ctx` is not written to; the caller reports the error.
Result<std::unique_ptr<store::Store>> open_store(const Context& ctx, const std::string& data_dir);

// The clock for a command: for tests, when $KNEECOACH_FAKE_TIME holds an instant
// ("2025-03-03T08:00:00Z") or a date ("2025-03-03", taken as 08:00 UTC), a ManualClock
// starting there (its local date is the UTC date); otherwise the real clock.
std::unique_ptr<Clock> command_clock();

// An open store with the person and their active plan.
struct Program {
  std::unique_ptr<store::Store> store;
  store::Person person;
  store::PlanRecord plan;
};

// Opens the store and loads the person's active plan. On failure prints a clear message to
// ctx.err (e.g. "no program yet: run `kneecoach init`", or the plan was stopped and why),
// sets ctx.exit_code (kExitFailure; kExitSeeClinician for a stopped plan) and returns nullopt.
// With `allow_stopped` a stopped plan is returned too (for progress and export).
std::optional<Program> open_program(Context& ctx, const StoreOptions& options, bool allow_stopped = false);

// After a session ended (finished or quit): runs the progression rules for the exercises of
// that session, stores the dose changes with their reasons and prints them to ctx.out.
// Call it once, after store.end_session. Returns the changes stored.
Result<std::vector<store::DoseChange>> after_session(Context& ctx, Program& program, store::Id session,
                                                     const Clock& clock);

}  // namespace kc::cli
