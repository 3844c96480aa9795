#include "adapters/cli/store_access.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/platform/platform.h"
#include "core/plan/civil_date.h"
#include "core/store/codec.h"

namespace kc::cli {

void add_store_options(CLI::App& cmd, StoreOptions& options) {
  cmd.add_option("--data-dir", options.data_dir,
                 "Folder of your kneecoach records (default: $KNEECOACH_HOME, else "
                 "$XDG_DATA_HOME/kneecoach, else ~/.local/share/kneecoach)");
  cmd.add_option("--person", options.person, "Whose records, when one store holds several people (default: me)")
      ->envname("KNEECOACH_PERSON");
}

std::string resolve_data_dir(const std::string& data_dir) { return platform::resolve_data_dir(data_dir); }

Result<std::unique_ptr<store::Store>> open_store(const Context& ctx, const std::string& data_dir) {
  return ctx.ports.open_store(resolve_data_dir(data_dir));
}

std::optional<Program> open_program(Context& ctx, const StoreOptions& options, bool allow_stopped) {
  // Reading a program never makes a store (or its folder).
  if (ctx.ports.has_store && !ctx.ports.has_store(resolve_data_dir(options.data_dir))) {
    ctx.err << fmt::format("kneecoach: no program yet in {}: run `kneecoach init` first.\n",
                           resolve_data_dir(options.data_dir));
    ctx.exit_code = kExitFailure;
    return std::nullopt;
  }
  auto store = open_store(ctx, options.data_dir);
  if (!store) {
    report_store_error(ctx, store.error());
    return std::nullopt;
  }
  auto person = store.value()->find_person(options.person);
  if (!person) {
    report_store_error(ctx, person.error());
    return std::nullopt;
  }
  if (!*person) {
    ctx.err << fmt::format("kneecoach: no program yet for '{}' in {}: run `kneecoach init` first.\n", options.person,
                           resolve_data_dir(options.data_dir));
    ctx.exit_code = kExitFailure;
    return std::nullopt;
  }
  auto plan = store.value()->latest_plan((*person)->id);
  if (!plan) {
    report_store_error(ctx, plan.error());
    return std::nullopt;
  }
  if (!*plan) {
    ctx.err << "kneecoach: no program yet: run `kneecoach init` first.\n";
    ctx.exit_code = kExitFailure;
    return std::nullopt;
  }
  if ((*plan)->stopped_at && !allow_stopped) {
    ctx.err << fmt::format(
        "kneecoach: your program was stopped on {}: {}\n"
        "Please be seen as advised before exercising again; run `kneecoach init` afterwards.\n",
        store::format_instant(*(*plan)->stopped_at).substr(0, 10), (*plan)->stop_reason);
    ctx.exit_code = kExitSeeClinician;
    return std::nullopt;
  }
  return Program{std::move(store).value(), **person, **plan};
}

}  // namespace kc::cli
