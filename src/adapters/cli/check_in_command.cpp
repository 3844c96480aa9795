// `kneecoach check-in`: asks the next-morning pain and the warning signs, then renders what the
// check-in use case (usecases/check_in.h) decided.
#include <fmt/format.h>

#include <iostream>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/content/measures_loader.h"
#include "core/intake/questionnaire.h"
#include "core/tracking/check_in_signs.h"
#include "usecases/check_in.h"

namespace kc::cli {
namespace {

std::string prompt_of(const tracking::MeasureSet& measures, const std::string& id, const std::string& fallback) {
  if (const auto* pain = measures.find("pain")) {
    for (const auto& q : pain->questions) {
      if (q.id == id) return q.prompt;
    }
  }
  return fallback;
}

// The answers to the questions, or nullopt when the input ended (reported).
std::optional<usecases::CheckInRequest> ask(const tracking::MeasureSet& measures, Context& ctx) {
  usecases::CheckInRequest request;
  const auto pain =
      ask_number(ctx.in, ctx.out,
                 prompt_of(measures, store::kPainNextMorning, "How much does your knee hurt this morning?") +
                     "\n0 = no pain, 10 = worst imaginable",
                 0, 10);
  if (!pain) {
    report_input_ended(ctx, "the pain question");
    return std::nullopt;
  }
  request.next_morning_pain = *pain;
  const auto anything = ask_yes_no(ctx.in, ctx.out, tracking::anything_new_question());
  if (!anything) {
    report_input_ended(ctx, "the question about new problems");
    return std::nullopt;
  }
  if (*anything) {
    for (const auto& id : tracking::check_in_signs()) {
      const Question* q = find_question(id);
      const auto yes = ask_yes_no(ctx.in, ctx.out, q != nullptr ? q->prompt : id);
      if (!yes) {
        report_input_ended(ctx, "the questions about new problems");
        return std::nullopt;
      }
      if (*yes) request.red_flags.push_back(id);
    }
  }
  return request;
}

void render(const usecases::CheckInOutcome& done, Context& ctx) {
  if (done.saved.stopped_program) {
    ctx.out << "\nThis is a warning sign. Your program is stopped until you have been seen.\n\n";
    if (done.triage) report_referral(*done.triage, false, ctx);
    ctx.out << "\nWhen a clinician has seen you and says exercise is safe, record it with\n"
               "`kneecoach cleared --by NAME --role ROLE --on DATE` (and their limits, see --help).\n";
    return;
  }
  if (!done.cautions.empty()) {
    ctx.out << "\nThank you. These do not stop the program, but take care:\n";
    for (const auto& c : done.cautions) ctx.out << "  - " << c << "\n";
  }
  ctx.out << fmt::format(
      "\nSaved: next-morning pain {}/10{}.\n", done.saved.next_morning_pain,
      done.replaced ? fmt::format(" (it replaces the earlier {}/10 of this day)", done.replaced->next_morning_pain)
                    : "");
  if (!done.judged) ctx.out << "No session yesterday or today to judge, so doses change only if pain is rising.\n";
  if (done.changes.empty()) {
    ctx.out << "Doses stay as they are.\n";
    // Say why, once: the reasons of the holds are the same for every exercise in most cases.
    for (const auto& j : done.judgements) {
      if (j.decision.rule != "not-done") {
        ctx.out << "  why: " << j.decision.reason << "\n";
        break;
      }
    }
  } else {
    print_judgements(done.judgements, false, ctx.out);
  }
  if (done.review.due) ctx.out << "\nReview: " << done.review.message << "\n";
}

}  // namespace

void run_check_in(const CheckInArgs& args, Context& ctx) {
  const auto clock = ctx.ports.clock();
  const auto when = when_for(args.common, *clock, ctx);
  if (!when) return;
  auto program = open_program(ctx, args.common.store);
  if (!program) return;
  auto measures = content::load_measures(ctx.content_dir);
  if (!measures) {
    ctx.err << "kneecoach: " << measures.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  auto rules = load_rule_set(ctx.content_dir);
  if (!rules) {
    ctx.err << "kneecoach: " << rules.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  const std::optional<CivilDate> date = args.common.date.empty() ? std::nullopt : std::optional{when->date};

  // Ask before the questions whether the day already has a check-in.
  auto earlier = usecases::check_in_of_day(*program->store, *clock, program->person.name, date);
  if (!earlier) return report_use_case_error(ctx, earlier.error());
  if (*earlier && !args.replace) {
    ctx.err << fmt::format(
        "kneecoach: you already checked in for {} (next-morning pain {}/10). One check-in a day counts.\n"
        "To replace it, run `kneecoach check-in --replace`{}. Nothing was saved.\n",
        describe_date(when->date), (*earlier)->next_morning_pain,
        args.common.date.empty() ? "" : fmt::format(" --date {}", args.common.date));
    ctx.exit_code = kExitBadInput;
    return;
  }

  ctx.out << fmt::format("Check-in for {}.\n", describe_date(when->date));
  if (*earlier) {
    ctx.out << fmt::format("This replaces the check-in already saved (next-morning pain {}/10).\n",
                           (*earlier)->next_morning_pain);
  }
  auto request = ask(*measures, ctx);
  if (!request) return;
  request->person = program->person.name;
  request->date = date;
  request->replace = args.replace;
  auto done = usecases::check_in(*program->store, *clock, usecases::Content{*catalog, &*rules}, *request);
  if (!done) return report_use_case_error(ctx, done.error());
  render(*done, ctx);
  ctx.exit_code = done->saved.stopped_program ? kExitSeeClinician : kExitOk;
}

}  // namespace kc::cli
