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

// An open store with the person and their active plan.
struct Program {
  std::unique_ptr<store::Store> store;
  store::Person person;
  store::PlanRecord plan;
};

// Opens the store and loads the person's active plan; a missing store is "no program yet" and
// is not created. On failure prints a clear message to
// ctx.err (e.g. "no program yet: run `kneecoach init`", or the plan was stopped and why),
// sets ctx.exit_code (kExitFailure; kExitSeeClinician for a stopped plan) and returns nullopt.
// With `allow_stopped` a stopped plan is returned too (for progress and export).
std::optional<Program> open_program(Context& ctx, const StoreOptions& options, bool allow_stopped = false);

}  // namespace kc::cli
