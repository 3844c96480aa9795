// `kneecoach handout`: the printable PDF of a program (docs/figure.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "adapters/cli/app.h"
#include "adapters/cli/catalog_access.h"
#include "adapters/cli/plan_run.h"
#include "adapters/cli/store_access.h"
#include "usecases/handout.h"

namespace kc::cli {

namespace {

struct HandoutArgs {
  PlanRequest request;  // used when --answers is given
  StoreOptions store;   // otherwise the stored plan
  std::string paper = "a4";
  std::string output;
};

// The handout model: of a plan built from the answers (starting doses), or of the person's
// stored program at the doses in force today (usecases/handout.h).
std::optional<usecases::Handout> handout_model(const HandoutArgs& args, std::optional<Catalog>& catalog, Context& ctx) {
  Result<usecases::Handout> handout = make_error("no handout");
  if (!args.request.answers_path.empty()) {
    auto run = run_planner(args.request, catalog, ctx);
    if (!run) return std::nullopt;
    handout = usecases::handout_of_new_plan(run->plan, run->answers, *catalog);
  } else {
    auto program = open_program(ctx, args.store);
    if (!program) return std::nullopt;
    catalog = load_catalog_or_report(ctx);
    if (!catalog) return std::nullopt;
    const auto clock = ctx.ports.clock();
    handout = usecases::handout(*program->store, *clock, usecases::Content{*catalog}, {args.store.person, {}, false});
  }
  if (!handout) {
    ctx.err << "kneecoach: " << handout.error().message << "\n";
    ctx.exit_code = handout.error().code == errc::kFailed ? kExitFailure : kExitBadInput;
    return std::nullopt;
  }
  return std::move(handout).value();
}

void run_handout(const HandoutArgs& args, Context& ctx) {
  std::optional<Catalog> catalog;
  const auto handout = handout_model(args, catalog, ctx);
  if (!handout) return;
  auto printer = ctx.ports.handout_printer(ctx.content_dir, *catalog);
  if (!printer) {
    ctx.err << "kneecoach: " << printer.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  const Status written = printer.value()->print(*handout, args.paper, args.output);
  if (!written && written.error().code == errc::kInvalid) {
    ctx.err << "kneecoach: --" << written.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  if (!written) {
    ctx.err << fmt::format("kneecoach: {}; check the folder exists and you may write to it\n", written.error().message);
    ctx.exit_code = kExitFailure;
    return;
  }
  ctx.out << fmt::format("wrote {} ({} exercise cards)\n", args.output, handout->cards.size());
  ctx.exit_code = kExitOk;
}

}  // namespace

void add_handout_commands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<HandoutArgs>();
  CLI::App* cmd = app.add_subcommand(
      "handout",
      "Write your program as a printable PDF: your week and the safety rules, then a card per exercise with "
      "pictures, dose, steps, form cues and cautions. Uses --answers FILE, or else your stored program.");
  cmd->add_option("--answers", args->request.answers_path,
                  "Build the program from this answers file (format v1); - reads standard input");
  cmd->add_option("--start", args->request.start, "With --answers: first day, YYYY-MM-DD (default: today)");
  cmd->add_option("--weeks", args->request.weeks, "With --answers: how many weeks (1-52, default 6)")
      ->check(CLI::Range(1, kMaxWeeks));
  cmd->add_option("--paper", args->paper, "Paper size: a4 (default) or letter")->check(CLI::IsMember({"a4", "letter"}));
  cmd->add_option("-o,--output", args->output, "The PDF file to write")->required();
  add_store_options(*cmd, args->store);
  cmd->callback([args, &ctx] { run_handout(*args, ctx); });
}

}  // namespace kc::cli
