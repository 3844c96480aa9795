// `kneecoach plan` and `kneecoach export ics` (docs/plan-format.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fstream>
#include <memory>

#include "adapters/calendar/ics.h"
#include "adapters/cli/app.h"
#include "adapters/cli/catalog_access.h"
#include "adapters/cli/plan_run.h"
#include "adapters/cli/plan_view.h"
#include "adapters/cli/store_access.h"
#include "core/intake/parse.h"
#include "core/plan/plan_json.h"
#include "usecases/calendar.h"

namespace kc::cli {

namespace {

struct PlanArgs {
  PlanRequest request;
};

struct IcsArgs {
  PlanRequest request;  // with --answers: a new plan at its starting doses
  StoreOptions store;   // otherwise: the stored program at today's doses
  std::string output;   // empty or "-" writes standard output
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

// The calendar model: of a plan built from --answers (its starting doses), or of the stored
// program at the doses in force today (usecases/calendar.h).
std::optional<usecases::CalendarModel> calendar_model(const IcsArgs& args, Context& ctx) {
  std::optional<Catalog> catalog;
  if (!args.request.answers_path.empty()) {
    if (args.request.start.empty()) {
      ctx.err << "kneecoach: --start is required with --answers: the first day of the plan, YYYY-MM-DD\n";
      ctx.exit_code = kExitBadInput;
      return std::nullopt;
    }
    auto run = run_planner(args.request, catalog, ctx);
    if (!run) return std::nullopt;
    return usecases::calendar_of_new_plan(run->plan, *catalog, answers_to_json(run->answers).dump());
  }
  if (!args.request.start.empty()) {
    ctx.err << "kneecoach: --start needs --answers; the stored program keeps its own start date\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  auto program = open_program(ctx, args.store);
  if (!program) return std::nullopt;
  catalog = load_catalog_or_report(ctx);
  if (!catalog) return std::nullopt;
  const auto clock = ctx.ports.clock();
  auto model = usecases::calendar(*program->store, *clock, usecases::Content{*catalog}, {args.store.person, {}, false});
  if (!model) {
    ctx.err << "kneecoach: " << model.error().message << "\n";
    ctx.exit_code = kExitFailure;
    return std::nullopt;
  }
  return std::move(model).value();
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
  const auto model = calendar_model(args, ctx);
  if (!model) return;
  const calendar::IcsOptions options{time->first, time->second, *zone, KNEECOACH_VERSION};
  if (write_output(args.output, calendar::calendar_to_ics(*model, options), ctx)) ctx.exit_code = kExitOk;
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
      "ics",
      "Write your program as an iCalendar file: one event per session, with the exercises and the doses in force "
      "today. Uses your stored program, or --answers FILE with --start for a new one.");
  ics->add_option("--answers", ics_args->request.answers_path,
                  "Build a new program from this answers file (format v1); - reads standard input");
  ics->add_option("--weeks", ics_args->request.weeks, "With --answers: how many weeks (1-52, default 6)")
      ->check(CLI::Range(1, kMaxWeeks));
  ics->add_option("--start", ics_args->request.start, "With --answers: first day of the plan, YYYY-MM-DD");
  add_store_options(*ics, ics_args->store);
  ics->add_option("-o,--output", ics_args->output, "File to write (default: standard output)");
  ics->add_option("--time", ics_args->time, "Local start time of each session, HH:MM (default 18:00)");
  ics->add_option("--tz", ics_args->tz, "Time zone, e.g. Europe/London (default: $TZ, else the system zone, else UTC)");
  ics->callback([ics_args, &ctx] { run_ics(*ics_args, ctx); });
}

}  // namespace kc::cli
