// `kneecoach move`: a coming session moved to another day (usecases/move_session.h, the rule of
// core/tracking/move_day.h, as the browser's rest day offers it), and the rest-day offer `today`
// prints.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "usecases/move_session.h"

namespace kc::cli {
namespace {

struct MoveArgs {
  TrackingOptions common;  // --date: the day the session is planned on (default: the next one from today)
  std::string to;          // --to YYYY-MM-DD
};

void run_move(const MoveArgs& args, Context& ctx) {
  const auto clock = ctx.ports.clock();
  const auto to = parse_iso_date(args.to);
  if (!to) {
    ctx.err << fmt::format("kneecoach: --to \"{}\" is not a date; expected YYYY-MM-DD, e.g. 2026-12-08\n", args.to);
    ctx.exit_code = kExitBadInput;
    return;
  }
  std::optional<CivilDate> from;
  if (!args.common.date.empty()) {
    from = parse_iso_date(args.common.date);
    if (!from) {
      ctx.err << fmt::format("kneecoach: --date \"{}\" is not a date; expected YYYY-MM-DD\n", args.common.date);
      ctx.exit_code = kExitBadInput;
      return;
    }
  }
  auto program = open_program(ctx, args.common.store);
  if (!program) return;
  auto choices = usecases::move_choices(*program->store, *clock, args.common.store.person, from);
  if (!choices) return report_use_case_error(ctx, choices.error());
  auto moved = usecases::move_session(*program->store, *clock, {args.common.store.person, choices->planned.date, *to});
  if (!moved) return report_use_case_error(ctx, moved.error());
  ctx.out << fmt::format("Session {} moved from {} to {}.\n", moved->session, describe_date(choices->planned.date),
                         describe_date(moved->date));
  ctx.exit_code = kExitOk;
}

}  // namespace

void print_rest_day_offer(Context& ctx, store::Store& store, const Clock& clock, const TrackingOptions& options,
                          CivilDate today) {
  auto choices = usecases::move_choices(store, clock, options.store.person, today);
  if (!choices) return;  // nothing coming to offer
  const std::string who = options.store.person != "me" ? " --person " + options.store.person : "";
  const std::string where = options.store.data_dir.empty() ? "" : " --data-dir " + options.store.data_dir;
  const std::string on = options.date.empty() ? "" : " --date " + options.date;
  ctx.out << fmt::format("To do session {} today instead: `kneecoach session --anyway{}{}{}`.\n",
                         choices->planned.session, on, where, who);
  if (choices->days.empty()) return;
  std::vector<std::string> days;
  for (const CivilDate d : choices->days) days.push_back(fmt::format("{} ({})", describe_date(d), to_iso(d)));
  ctx.out << fmt::format("Or move it to another day with `kneecoach move --to DATE{}{}`; it can go to {}.\n", where,
                         who, fmt::join(days, ", "));
}

void add_move_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<MoveArgs>();
  CLI::App* cmd = app.add_subcommand(
      "move",
      "Move a coming session to another day (the next one from today, or the one planned on --date).\n"
      "Exit status: 0 moved, 2 a day it may not go to (the message says which days it may).");
  add_store_options(*cmd, args->common.store);
  cmd->add_option("--date", args->common.date, "The day the session is planned on (default: the next one)");
  cmd->add_option("--to", args->to, "The day it goes to, YYYY-MM-DD")->required();
  cmd->callback([args, &ctx] { run_move(*args, ctx); });
}

}  // namespace kc::cli
