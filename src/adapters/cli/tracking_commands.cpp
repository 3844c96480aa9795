// Registers `init`, `today`, `check-in`, `measure ...`, `progress` and `export csv`.
#include "adapters/cli/tracking_commands.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "adapters/cli/fit_width.h"

namespace kc::cli {
namespace {

void add_common(CLI::App& cmd, TrackingOptions& options) {
  add_store_options(cmd, options.store);
  cmd.add_option("--date", options.date, "Act as on this day, YYYY-MM-DD (default: today)");
}

}  // namespace

std::optional<When> when_for(const TrackingOptions& options, const Clock& clock, Context& ctx) {
  if (options.date.empty()) return When{clock.today(), clock.now()};
  auto d = parse_iso_date(options.date);
  if (!d) {
    ctx.err << fmt::format("kneecoach: --date \"{}\" is not a date; expected YYYY-MM-DD, e.g. 2025-03-03\n",
                           options.date);
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  return When{*d, TimePoint{*d} + std::chrono::hours{8}};
}

void add_tracking_commands(CLI::App& app, Context& ctx) {
  auto init = std::make_shared<InitArgs>();
  CLI::App* init_cmd = app.add_subcommand(
      "init",
      "Set up: answer the questions (or give a saved answers file), check them for warning signs, build your "
      "program and save it.\nExit status: 0 saved, 2 answers that cannot be used, 3 see a clinician first "
      "(nothing is saved), 4 too little to build a program.");
  add_common(*init_cmd, init->common);
  init_cmd->add_option("--answers", init->answers, "Saved answers file (intake format version 1); - reads stdin");
  init_cmd->add_option("--start", init->start, "First day of the program, YYYY-MM-DD (default: today)");
  init_cmd->add_option("--weeks", init->weeks, "Length of the program in weeks (default 6)")->check(CLI::Range(1, 52));
  init_cmd->callback([init, &ctx] { run_init(*init, ctx); });

  auto today = std::make_shared<TrackingOptions>();
  auto today_json = std::make_shared<bool>(false);
  CLI::App* today_cmd = app.add_subcommand("today", "Show today's session, or when the next one is");
  add_common(*today_cmd, *today);
  today_cmd->add_flag("--json", *today_json, "Print it as JSON");
  today_cmd->callback([today, today_json, &ctx] {
    if (*today_json) return run_today(*today, true, ctx);
    fitted(ctx, [&](Context& c) { run_today(*today, false, c); });  // lines that fit the window
  });

  auto check = std::make_shared<CheckInArgs>();
  CLI::App* check_cmd = app.add_subcommand(
      "check-in",
      "The morning after a session: rate your knee pain and report anything new; doses are adjusted.\n"
      "One check-in a day: a second one needs --replace.\n"
      "Exit status: 0 done, 2 already checked in that day (nothing saved), 3 a warning sign: the program stops "
      "and whom to see is printed.");
  add_common(*check_cmd, check->common);
  check_cmd->add_flag("--replace", check->replace,
                      "Replace the check-in already saved for the day (its dose changes are undone and the day is "
                      "judged again)");
  check_cmd->callback([check, &ctx] { run_check_in(*check, ctx); });

  CLI::App* measure = app.add_subcommand("measure", "Record a measure: pain, psfs, chair-stand or grc");
  measure->require_subcommand(1);
  const std::pair<const char*, const char*> measures[] = {
      {"pain", "Rate your knee pain now and at its worst in the last 24 hours (0-10)"},
      {"psfs", "Patient-Specific Functional Scale: rate up to 3 activities your knee makes hard (0-10)"},
      {"chair-stand", "The 30-second chair stand test, guided with a timer"},
      {"grc", "Global rating of change since you started (-7 to +7)"}};
  for (const auto& [name, help] : measures) {
    auto options = std::make_shared<TrackingOptions>();
    CLI::App* sub = measure->add_subcommand(name, help);
    add_common(*sub, *options);
    const std::string which = name;
    sub->callback([which, options, &ctx] { run_measure(which, *options, ctx); });
  }

  auto progress = std::make_shared<TrackingOptions>();
  auto svg_dir = std::make_shared<std::string>();
  CLI::App* progress_cmd = app.add_subcommand(
      "progress", "Show sessions done, the pain trend, measures against the start and current doses");
  add_common(*progress_cmd, *progress);
  progress_cmd->add_option("--svg", *svg_dir, "Also write charts (pain.svg, adherence.svg, chair-stand.svg) to DIR");
  progress_cmd->callback(
      [progress, svg_dir, &ctx] { fitted(ctx, [&](Context& c) { run_progress(*progress, *svg_dir, c); }); });

  auto csv = std::make_shared<TrackingOptions>();
  auto csv_dir = std::make_shared<std::string>(".");
  CLI::App* csv_cmd = export_group(app)->add_subcommand(
      "csv", "Write every log (sessions, exercises, measures, check-ins, dose changes, plan days) as CSV files");
  add_common(*csv_cmd, *csv);
  csv_cmd->add_option("-o,--output", *csv_dir, "Folder to write the CSV files to (default: the current folder)");
  csv_cmd->callback([csv, csv_dir, &ctx] { run_export_csv(*csv, *csv_dir, ctx); });
}

}  // namespace kc::cli
