// `kneecoach cleared`: "I have been seen and cleared". Records who cleared the person, when and
// their limits, and saves the program built under them (usecases/clearance.h).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/intake_terminal.h"
#include "adapters/cli/plan_view.h"
#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "core/common/text.h"
#include "core/triage/clearance.h"
#include "usecases/clearance.h"
#include "usecases/intake.h"

namespace kc::cli {
namespace {

struct ClearedArgs {
  TrackingOptions common;
  std::string answers;      // --answers FILE; empty: the stored answers of a stopped program
  std::string by;           // --by NAME
  std::string role;         // --role ROLE
  std::string on;           // --on YYYY-MM-DD
  std::string referred_on;  // --referred-on YYYY-MM-DD
  bool no_kneeling = false;
  bool no_deep_knee_bend = false;
  int pain_ceiling = -1;  // -1: not given
  std::vector<std::string> avoid;
  std::string note;
  std::string start;
  int weeks = kDefaultWeeks;
};

std::optional<CivilDate> date_option(const std::string& text, const char* option, Context& ctx) {
  if (auto d = parse_iso_date(text)) return d;
  ctx.err << fmt::format("kneecoach: {} \"{}\" is not a date; expected YYYY-MM-DD, e.g. 2026-12-07\n", option, text);
  ctx.exit_code = kExitBadInput;
  return std::nullopt;
}

void refuse_new_sign(const TriageResult& referral, Context& ctx) {
  report_referral(referral, false, ctx);
  ctx.out << "\nThe clearance covers only the warning signs that were there; nothing was saved.\n";
}

// The questions left asked on the terminal, after `from` (an early stop's answers; empty: from
// the first question, the signs of the first stop being those cleared). Fills request.answers
// and the flags cleared; false when nothing may be saved (the reason is reported).
bool answers_asked(const Resume& from, const RuleSet& rules, usecases::ClearRequest& request, Context& ctx) {
  Resume resume = from;
  resume.clear_first_stop = from.cleared.empty();
  auto asked = ask_questions(rules, ctx.in, ctx.out, resume);
  if (!asked) {
    ctx.err << "kneecoach: " << asked.error().message << "; nothing was saved.\n";
    ctx.exit_code = kExitBadInput;
    return false;
  }
  if (asked->stopped) {
    refuse_new_sign(*asked->stopped, ctx);
    return false;
  }
  if (asked->cleared.empty()) {
    ctx.out << "\nThese answers show no warning sign that needs a clinician: `kneecoach init` sets your program up "
               "without a clearance. Nothing was saved.\n";
    ctx.exit_code = kExitBadInput;
    return false;
  }
  request.answers = asked->answers;
  request.clearance.flags = asked->cleared;
  return true;
}

// The answers of --answers FILE. A file of a questionnaire stopped early (`kneecoach intake`
// writes only the answers given) has the questions left asked here (usecases::early_stop).
bool answers_from_file(const std::string& path, const RuleSet& rules, usecases::ClearRequest& request, Context& ctx) {
  auto file = read_answers_file(path, ctx.in);
  if (!file) {
    ctx.err << "kneecoach: " << file.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return false;
  }
  auto early = usecases::early_stop(file->answers, file->given, rules);
  if (!early) {
    ctx.err << "kneecoach: " << path << ": " << early.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return false;
  }
  if (!*early) {
    request.answers = std::move(file).value().answers;
    return true;
  }
  if (path == "-") {
    ctx.err << fmt::format(
        "kneecoach: the answers on standard input stop at the warning sign of question \"{}\": the questions after "
        "it were never asked. Save them to a file and give --answers FILE, so they can be asked here. Nothing was "
        "saved.\n",
        (*early)->question);
    ctx.exit_code = kExitBadInput;
    return false;
  }
  const auto cleared = referral_flags((*early)->stopped);
  std::vector<std::string> words;
  words.reserve(cleared.size());
  for (const auto& flag : cleared) words.push_back(flag_words(flag));
  ctx.out << wrap(fmt::format("{} stops at a warning sign, so the questions after it were never asked. Your "
                              "clearance covers the signs it shows ({}).",
                              path, join(words)),
                  78)
          << "\n\n";
  return answers_asked(Resume{(*early)->typed, cleared, false}, rules, request, ctx);
}

// Whether `name` has records; nullopt when the store cannot be read (reported).
std::optional<bool> has_person(store::Store& store, const std::string& name, Context& ctx) {
  auto person = store.find_person(name);
  if (!person) {
    report_store_error(ctx, person.error());
    return std::nullopt;
  }
  return person->has_value();
}

void run_cleared(const ClearedArgs& args, Context& ctx) {
  const auto clock = ctx.ports.clock();
  const auto when = when_for(args.common, *clock, ctx);
  if (!when) return;
  usecases::ClearRequest request;
  request.person = args.common.store.person;
  request.weeks = args.weeks;
  request.clearance.clinician = args.by;
  request.clearance.role = args.role;
  const auto on = date_option(args.on, "--on", ctx);
  if (!on) return;
  request.clearance.on = *on;
  if (!args.referred_on.empty()) {
    request.referred_on = date_option(args.referred_on, "--referred-on", ctx);
    if (!request.referred_on) return;
  }
  if (!args.start.empty()) {
    request.start = date_option(args.start, "--start", ctx);
    if (!request.start) return;
  } else {
    request.start = when->date;
  }
  request.clearance.limits = {args.no_kneeling, args.no_deep_knee_bend,
                              args.pain_ceiling >= 0 ? std::optional<int>(args.pain_ceiling) : std::nullopt, args.avoid,
                              args.note};
  auto rules = load_rule_set(ctx.content_dir);
  if (!rules) {
    ctx.err << "kneecoach: " << rules.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  // The store is made only once there is something to save in it (a stopped questionnaire may end
  // with nothing saved); one that exists is opened once.
  const std::string dir = args.common.store.data_dir;
  std::unique_ptr<store::Store> store;
  if (!ctx.ports.has_store || ctx.ports.has_store(resolve_data_dir(dir))) {
    auto existing = open_store(ctx, dir);
    if (!existing) return report_store_error(ctx, existing.error());
    store = std::move(existing).value();
  }
  if (!args.answers.empty()) {
    if (!answers_from_file(args.answers, *rules, request, ctx)) return;
  } else {
    const std::optional<bool> known = store ? has_person(*store, request.person, ctx) : false;
    if (!known) return;
    // No records yet: the questionnaire is asked here, as `kneecoach init` asks it.
    if (!*known && !answers_asked({}, *rules, request, ctx)) return;
  }
  if (!store) {
    auto made = open_store(ctx, dir);
    if (!made) return report_store_error(ctx, made.error());
    store = std::move(made).value();
  }
  const ManualClock at(when->at);
  auto out = usecases::clear_and_set_up(*store, at, {*catalog, &*rules}, request);
  if (!out) {
    report_use_case_error(ctx, out.error());
    const std::string& c = out.error().code;
    if (c == errc::kNotFound || c == errc::kNoProgram) ctx.exit_code = kExitBadInput;
    ctx.err << "Nothing was saved.\n";
    return;
  }
  switch (out->setup.program.status) {
    case usecases::SetupStatus::kReferral:
      return refuse_new_sign(out->now, ctx);
    case usecases::SetupStatus::kTooLittle:
      print_shortfall(out->setup.program.missing, ctx.out);
      ctx.out << "\nWith these limits there is too little for a balanced program. Nothing was saved.\n";
      ctx.exit_code = kExitTooLittle;
      return;
    case usecases::SetupStatus::kCreated:
      break;
  }
  print_plan(*out->setup.program.plan, ctx.out);
  ctx.out << fmt::format("\nSaved for '{}' in {}, with the clearance.\n", out->setup.person->name,
                         resolve_data_dir(args.common.store.data_dir));
  ctx.out << "Any new or different warning sign still means stopping and seeing a clinician.\n";
  ctx.exit_code = kExitOk;
}

}  // namespace

void add_cleared_command(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ClearedArgs>();
  CLI::App* cmd = app.add_subcommand(
      "cleared",
      "I have been seen and cleared: record who cleared you (name, role), when, and their limits; the program is "
      "then built keeping to them. The clearance covers only the warning signs present now: any other still "
      "stops.\nExit status: 0 saved, 2 bad input (nothing saved), 3 a warning sign not cleared, 4 too little for "
      "a program with these limits.");
  add_store_options(*cmd, args->common.store);
  cmd->add_option("--date", args->common.date, "Act as on this day, YYYY-MM-DD (default: today)");
  cmd->add_option("--by", args->by, "The clinician's name, e.g. \"Ann Lee\"")->required();
  cmd->add_option("--role", args->role, "Their role, e.g. physiotherapist or GP")->required();
  cmd->add_option("--on", args->on, "The day they cleared you, YYYY-MM-DD (not in the future)")->required();
  cmd->add_option("--answers", args->answers,
                  "The intake answers that sent you to a clinician; a file `kneecoach intake` saved when a warning "
                  "sign stopped it has the questions left asked here (default: your stored answers, when a check-in "
                  "stopped your program; with no records yet, the questions are asked here)");
  cmd->add_option("--referred-on", args->referred_on, "The day you were told to see a clinician, YYYY-MM-DD");
  cmd->add_flag("--no-kneeling", args->no_kneeling, "Their limit: no exercise that needs kneeling");
  cmd->add_flag("--no-deep-knee-bend", args->no_deep_knee_bend, "Their limit: no deep knee bends");
  cmd->add_option("--pain-ceiling", args->pain_ceiling, "Their limit: most pain allowed during exercise, 0-5")
      ->check(CLI::Range(0, kModeratePainMax));
  cmd->add_option("--avoid", args->avoid, "Their limit: an exercise id not to give (repeat for more)");
  cmd->add_option("--note", args->note, "Their words, shown on your plan and handout");
  cmd->add_option("--start", args->start, "First day of the program, YYYY-MM-DD (default: today)");
  cmd->add_option("--weeks", args->weeks, "Length of the program in weeks (default 6)")->check(CLI::Range(1, 52));
  cmd->callback([args, &ctx] { run_cleared(*args, ctx); });
}

}  // namespace kc::cli
