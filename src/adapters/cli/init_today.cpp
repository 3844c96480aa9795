// `kneecoach init` and `kneecoach today`.
#include <fmt/format.h>

#include <iostream>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/intake_terminal.h"
#include "adapters/cli/plan_run.h"
#include "adapters/cli/plan_view.h"
#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "core/catalog/describe.h"
#include "core/catalog/exercise_json.h"
#include "core/intake/parse.h"
#include "core/plan/plan_json.h"
#include "core/tracking/plan_record.h"
#include "core/tracking/review.h"
#include "core/tracking/today.h"
#include "usecases/set_up.h"
#include "usecases/today.h"
#include "usecases/view_json.h"

namespace kc::cli {
namespace {

std::optional<Answers> get_answers(const InitArgs& args, const RuleSet& rules, Context& ctx) {
  if (!args.answers.empty()) {
    auto answers = read_answers(args.answers, ctx.in);
    if (!answers) {
      ctx.err << "kneecoach: " << answers.error().message << "\n";
      ctx.exit_code = kExitBadInput;
      return std::nullopt;
    }
    return std::move(answers).value();
  }
  auto asked = ask_questions(rules, ctx.in, ctx.out);
  if (!asked) {
    ctx.err << "kneecoach: " << asked.error().message << "; nothing was saved.\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  return std::move(asked).value().answers;
}

// The `session` command that plays what `today` showed: the same day, store and person.
std::string session_command(const TrackingOptions& options) {
  std::string command = "kneecoach session";
  const auto quoted = [](const std::string& s) {  // for a POSIX shell
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=+,@") ==
                          std::string::npos)
      return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  };
  if (!options.date.empty()) command += " --date " + quoted(options.date);
  if (!options.store.data_dir.empty()) command += " --data-dir " + quoted(options.store.data_dir);
  if (options.store.person != "me") command += " --person " + quoted(options.store.person);
  return command;
}

std::string name_of(const std::optional<Catalog>& catalog, const std::string& id) {
  const Exercise* e = catalog ? catalog->find(id) : nullptr;
  return e != nullptr ? e->name : id;
}

// The dose in words, each tempo phase called as the exercise's cues call it.
std::string dose_of(const std::optional<Catalog>& catalog, const std::string& id, const Dose& dose) {
  const Exercise* e = catalog ? catalog->find(id) : nullptr;
  return e != nullptr ? describe_dose(dose, e->phase_words) : describe_dose(dose);
}

}  // namespace

void run_init(const InitArgs& args, Context& ctx) {
  const auto clock = ctx.ports.clock();
  const auto when = when_for(args.common, *clock, ctx);
  if (!when) return;
  CivilDate start = when->date;
  if (!args.start.empty()) {
    auto d = parse_iso_date(args.start);
    if (!d) {
      ctx.err << fmt::format("kneecoach: --start \"{}\" is not a date; expected YYYY-MM-DD\n", args.start);
      ctx.exit_code = kExitBadInput;
      return;
    }
    start = *d;
  }
  auto rules = load_rule_set(ctx.content_dir);
  if (!rules) {
    ctx.err << "kneecoach: " << rules.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  auto answers = get_answers(args, *rules, ctx);
  if (!answers) return;
  const TriageResult triage = evaluate(*answers, *rules);
  if (!may_start_program(triage.level)) {
    // A referral stores nothing: no program may start, and answers kept without one help no one.
    // (Before the catalog is read, so a referral never depends on the exercise content.)
    report_referral(triage, false, ctx);
    ctx.out << "\nNothing was saved. When a clinician has seen you and says exercise is safe, record it with\n"
            << (args.answers.empty()
                    ? "`kneecoach cleared --by NAME --role ROLE --on DATE` (and their limits, see --help): it asks\n"
                      "the questions again and goes on past the warning signs they cleared.\n"
                    : "`kneecoach cleared --answers FILE --by NAME --role ROLE --on DATE` (and their limits, see "
                      "--help).\n");
    return;
  }
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  const usecases::SetupRequest request{*answers, triage, start, args.weeks, args.common.store.person, false};
  auto program = usecases::plan_program(*answers, triage, *catalog, start, args.weeks);
  if (!program) {
    ctx.err << "kneecoach: " << program.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  if (program->status == usecases::SetupStatus::kTooLittle) {
    print_shortfall(program->missing, ctx.out);
    ctx.out << "\nNothing was saved.\n";
    ctx.exit_code = kExitTooLittle;
    return;
  }
  // The store is opened (and made) only for a program to keep.
  auto store = open_store(ctx, args.common.store.data_dir);
  if (!store) return report_store_error(ctx, store.error());
  const ManualClock at(when->at);
  auto set = usecases::store_program(**store, at, request, std::move(program).value());
  if (!set) return report_store_error(ctx, set.error());
  const Plan& plan = *set->program.plan;
  const bool replaced = set->replaced;
  const store::Person* person = &*set->person;
  print_plan(plan, ctx.out);
  ctx.out << fmt::format("\nSaved for '{}' in {}.\n", person->name, resolve_data_dir(args.common.store.data_dir));
  if (replaced) ctx.out << "This program replaces the one you had; its records are kept.\n";
  ctx.out << "Each day, `kneecoach today` shows what to do and `kneecoach session` guides you through it;\n"
             "the morning after a session, `kneecoach check-in` asks how your knee feels and adjusts the doses.\n";
  ctx.exit_code = kExitOk;
}

void run_today(const TrackingOptions& options, bool json, Context& ctx) {
  const auto clock = ctx.ports.clock();
  const auto when = when_for(options, *clock, ctx);
  if (!when) return;
  auto program = open_program(ctx, options.store);
  if (!program) return;
  std::optional<Catalog> catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  const auto outcome =
      usecases::today(*program->store, *clock, usecases::Content{*catalog}, {options.store.person, when->date, false});
  if (!outcome) return report_store_error(ctx, outcome.error());
  if (json) {
    ctx.out << usecases::today_json(*outcome, *catalog).dump(2) << "\n";
    ctx.exit_code = kExitOk;
    return;
  }
  const auto& t = outcome->today;
  if (t.before_start) {
    ctx.out << fmt::format("Your program starts on {}.\n", describe_date(program->plan.start));
  } else if (t.after_end) {
    ctx.out << "Your program has ended. `kneecoach progress` shows how it went; `kneecoach init` sets up a new one.\n";
  }
  if (t.session) {
    ctx.out << fmt::format("Today, {} ({}): session {} — {}{}\n", describe_date(t.date), outcome->week_text,
                           t.session->session, t.session->title, t.done ? " (done)" : "");
    std::string block;
    for (const auto& item : t.session->items) {
      if (item.block != block) {
        block = item.block;
        ctx.out << (block == "strength" ? "  Strengthening:\n" : "  Stretching and mobility:\n");
      }
      ctx.out << fmt::format("    {}. {} — {}\n", item.position + 1, name_of(catalog, item.current.exercise_id),
                             dose_of(catalog, item.current.exercise_id, item.current.dose));
      if (item.current.changed_on) {
        ctx.out << fmt::format("         changed on {}: {}\n", describe_date(*item.current.changed_on),
                               item.current.reason);
      }
    }
    if (t.done) {
      ctx.out << "Well done. Tomorrow morning, run `kneecoach check-in`.\n";
    } else {
      ctx.out << fmt::format("Start it with `{}`. {}\n", session_command(options),
                             pain_stop_advice(outcome->pain_limit));
    }
  } else if (!t.before_start && !t.after_end) {
    ctx.out << fmt::format("No session today, {} ({}).\n", describe_date(t.date), outcome->week_text);
  }
  if (t.next && (!t.session || t.done)) {
    ctx.out << fmt::format("Next session: {}, session {}.\n", describe_date(t.next->date), t.next->session);
  }
  if (!t.session && t.next && !t.after_end) {
    const ManualClock at(when->at);
    print_rest_day_offer(ctx, *program->store, at, options, when->date);
  }
  if (outcome->review.due) ctx.out << "\nReview: " << outcome->review.message << "\n";
  ctx.exit_code = kExitOk;
}

}  // namespace kc::cli
