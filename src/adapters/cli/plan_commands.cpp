// `kneecoach plan` and `kneecoach export ics` (docs/plan-format.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "adapters/calendar/ics.h"
#include "adapters/cli/app.h"
#include "adapters/cli/plan_run.h"
#include "adapters/cli/plan_view.h"
#include "core/intake/parse.h"
#include "core/plan/plan_json.h"

namespace kc::cli {

namespace {

struct PlanArgs {
  PlanRequest request;
};

struct IcsArgs {
  PlanRequest request;
  std::string output;  // empty or "-" writes standard output
  std::string time = "18:00";
  std::string tz;
};

void add_common(CLI::App& cmd, PlanRequest& r) {
  cmd.add_option("--answers", r.answers_path, "Intake answers file (format v1); - reads standard input")->required();
  cmd.add_option("--weeks", r.weeks, "How many weeks the plan runs (1-52, default 6)")->check(CLI::Range(1, kMaxWeeks));
}

void run_plan(const PlanArgs& args, Context& ctx) {
  std::optional<Catalog> catalog;
  auto run = run_planner(args.request, catalog, ctx);
  if (!run) return;
  if (args.request.json) {
    ctx.out << plan_to_json(run->plan).dump(2) << "\n";
  } else {
    print_plan(run->plan, ctx.out);
  }
  ctx.exit_code = kExitOk;
}

// "HH:MM" on a 24-hour clock.

bool write_output(const std::string& path, const std::string& text, Context& ctx) {
  if (path.empty() || path == "-") {
    ctx.out << text;
    return true;
  }
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();
  if (!file) {
    ctx.err << fmt::format("kneecoach: cannot write {}; check the folder exists and you may write to it\n", path);
    ctx.exit_code = kExitFailure;
    return false;
  }
  ctx.err << fmt::format("kneecoach: wrote {}\n", path);
  return true;
}

void run_ics(const IcsArgs& args, Context& ctx) {
  const auto time = parse_clock_time(args.time);
  if (!time) {
    ctx.err << fmt::format("kneecoach: --time: \"{}\" is not a time; expected HH:MM on a 24-hour clock, e.g. 18:00\n",
                           args.time);
    ctx.exit_code = kExitBadInput;
    return;
  }
  auto zone = calendar::resolve_zone(args.tz, std::getenv("TZ"));
  if (!zone.ok()) {
    ctx.err << "kneecoach: " << zone.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  std::optional<Catalog> catalog;
  auto run = run_planner(args.request, catalog, ctx);
  if (!run) return;
  calendar::IcsOptions options{time->first, time->second, *zone, answers_to_json(run->answers).dump(),
                               KNEECOACH_VERSION};
  if (write_output(args.output, calendar::plan_to_ics(run->plan, options), ctx)) ctx.exit_code = kExitOk;
}

}  // namespace

void add_plan_commands(CLI::App& app, Context& ctx) {
  auto plan_args = std::make_shared<PlanArgs>();
  CLI::App* plan = app.add_subcommand(
      "plan",
      "Screen your answers for warning signs and, if it is safe to start, build your exercise program.\n"
      "Exit status: 0 program, 2 answers that cannot be used, 3 see a clinician first (the referral is printed), "
      "4 too little to build a balanced program (what is missing is printed).");
  add_common(*plan, plan_args->request);
  plan->add_option("--start", plan_args->request.start, "First day of the plan, YYYY-MM-DD (default: today)");
  plan->add_flag("--json", plan_args->request.json, "Print the plan as JSON (docs/plan-format.md)");
  plan->callback([plan_args, &ctx] { run_plan(*plan_args, ctx); });

  auto ics_args = std::make_shared<IcsArgs>();
  CLI::App* ics = export_group(app)->add_subcommand(
      "ics", "Write your program as an iCalendar file: one event per session, with the exercises and doses.");
  add_common(*ics, ics_args->request);
  ics->add_option("--start", ics_args->request.start, "First day of the plan, YYYY-MM-DD")->required();
  ics->add_option("-o,--output", ics_args->output, "File to write (default: standard output)");
  ics->add_option("--time", ics_args->time, "Local start time of each session, HH:MM (default 18:00)");
  ics->add_option("--tz", ics_args->tz, "Time zone, e.g. Europe/London (default: $TZ, else the system zone, else UTC)");
  ics->callback([ics_args, &ctx] { run_ics(*ics_args, ctx); });
}

}  // namespace kc::cli
