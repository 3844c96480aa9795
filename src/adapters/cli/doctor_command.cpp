// `kneecoach doctor [--repair]`: checks the store and repairs what it can (usecases/doctor.h).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "adapters/cli/app.h"
#include "adapters/cli/store_access.h"
#include "core/common/text.h"
#include "usecases/doctor.h"

namespace kc::cli {
namespace {

constexpr std::size_t kWidth = 80;

void run_doctor(const std::string& data_dir, bool repair, Context& ctx) {
  const std::string dir = resolve_data_dir(data_dir);
  auto report = usecases::doctor(ctx.ports, dir, repair);
  if (!report) {
    ctx.err << "kneecoach: " << report.error().message << "\n";
    ctx.exit_code = kExitFailure;
    return;
  }
  const auto& file = report->file;
  for (const auto& done : report->repaired) ctx.out << wrap(done, kWidth);
  if (!file.exists && report->repaired.empty()) {
    ctx.out << wrap(fmt::format("There is no store in {} yet: `kneecoach init` makes one.", dir), kWidth);
  } else if (file.exists) {
    ctx.out << wrap(fmt::format("Store: {} ({} bytes{}).", file.path, file.bytes,
                                file.version > 0 ? fmt::format(", schema version {}", file.version) : ""),
                    kWidth);
    ctx.out << wrap(file.backup.empty()
                        ? std::string("Automatic backup: none yet.")
                        : fmt::format("Automatic backup: {}, written {}.", file.backup, file.backup_written),
                    kWidth);
  }
  if (report->healthy()) {
    if (file.exists) ctx.out << "The store is healthy.\n";
    ctx.exit_code = kExitOk;
    return;
  }
  ctx.out << "\nProblems:\n";
  for (const auto& problem : report->problems) ctx.out << wrap_hanging("  - ", problem, kWidth);
  ctx.out << "\nWhat to do:\n";
  for (const auto& advice : report->advice) ctx.out << wrap(advice, kWidth, "  ");
  ctx.exit_code = kExitFailure;
}

}  // namespace

void add_doctor_commands(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("doctor", "Check your store (and its automatic backup); --repair restores the backup");
  auto options = std::make_shared<StoreOptions>();
  auto repair = std::make_shared<bool>(false);
  cmd->add_option("--data-dir", options->data_dir,
                  "Folder of your kneecoach records (default: $KNEECOACH_HOME, else $XDG_DATA_HOME/kneecoach, else "
                  "~/.local/share/kneecoach)");
  cmd->add_flag("--repair", *repair,
                "Set a damaged or empty store aside (it is kept, renamed) and restore the automatic backup in its "
                "place when there is one");
  cmd->footer(
      "Checks: the store file is not empty, is a kneecoach database of a schema this kneecoach knows, passes "
      "SQLite's integrity check, and every person's stored answers can be read. Exit status: 0 healthy (or "
      "repaired); 1 problems remain.");
  cmd->callback([&ctx, options, repair] { run_doctor(options->data_dir, *repair, ctx); });
}

}  // namespace kc::cli
