// `kneecoach check-in`: next-morning pain, new warning signs, and the dose review.
#include <fmt/format.h>

#include <iostream>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/content/measures_loader.h"
#include "core/intake/questionnaire.h"
#include "core/tracking/check_in_signs.h"
#include "core/tracking/review.h"

namespace kc::cli {
namespace {

// Sets the yes/no field `id` to true.
void set_flag(Answers& a, const std::string& id) {
  const Question* q = find_question(id);
  if (q == nullptr) return;
  auto value = validate_answer(*q, "yes");
  if (value) apply_answer(a, *q, *value);
}

std::string prompt_of(const tracking::MeasureSet& measures, const std::string& id, const std::string& fallback) {
  if (const auto* pain = measures.find("pain")) {
    for (const auto& q : pain->questions) {
      if (q.id == id) return q.prompt;
    }
  }
  return fallback;
}

}  // namespace

void run_check_in(const TrackingOptions& options, Context& ctx) {
  const auto clock = command_clock();
  const auto when = when_for(options, *clock, ctx);
  if (!when) return;
  auto program = open_program(ctx, options.store);
  if (!program) return;
  auto measures = content::load_measures(ctx.content_dir);
  if (!measures) {
    ctx.err << "kneecoach: " << measures.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;

  ctx.out << fmt::format("Check-in for {}.\n", describe_date(when->date));
  const auto pain =
      ask_number(ctx.in, ctx.out,
                 prompt_of(*measures, store::kPainNextMorning, "How much does your knee hurt this morning?") +
                     "\n0 = no pain, 10 = worst imaginable",
                 0, 10);
  if (!pain) return report_input_ended(ctx, "the pain question");
  const auto anything =
      ask_yes_no(ctx.in, ctx.out,
                 "Since your last check-in, has anything new or worrying happened with your knee or "
                 "leg (for example it became hot, red or swollen, locked, gave way, or your calf hurts)?");
  if (!anything) return report_input_ended(ctx, "the question about new problems");
  std::vector<std::string> flags;
  if (*anything) {
    for (const auto& id : tracking::check_in_signs()) {
      const Question* q = find_question(id);
      const auto yes = ask_yes_no(ctx.in, ctx.out, q != nullptr ? q->prompt : id);
      if (!yes) return report_input_ended(ctx, "the questions about new problems");
      if (*yes) flags.push_back(id);
    }
  }

  store::CheckIn check_in;
  check_in.person = program->person.id;
  check_in.at = when->at;
  check_in.date = when->date;
  check_in.next_morning_pain = *pain;
  check_in.red_flags = flags;
  check_in.triage_level = program->plan.level;

  if (!flags.empty()) {
    auto answers = usecases::stored_answers(*program->store, program->person.id);
    if (!answers) return report_store_error(ctx, answers.error());
    auto rules = load_rule_set(ctx.content_dir);
    if (!rules) {
      ctx.err << "kneecoach: " << rules.error().message << "\n";
      ctx.exit_code = kExitBadInput;
      return;
    }
    Answers now = answers->value_or(Answers{});
    for (const auto& f : flags) set_flag(now, f);
    const TriageResult triage = evaluate(now, *rules);
    check_in.triage_level = std::string(to_string(triage.level));
    if (!may_start_program(triage.level)) {
      check_in.stopped_program = true;
      std::string reason = triage.reasons.empty() ? triage.advice : triage.reasons.front().message;
      auto saved = program->store->save_check_in(check_in, {}, reason);
      if (!saved) return report_store_error(ctx, saved.error());
      ctx.out << "\nThis is a warning sign. Your program is stopped until you have been seen.\n\n";
      report_referral(triage, false, ctx);
      return;
    }
    ctx.out << "\nThank you. These do not stop the program, but take care:\n";
    for (const auto& r : triage.reasons) ctx.out << "  - " << r.message << "\n";
  }

  auto history = usecases::load_history(*program->store, program->plan);
  if (!history) return report_store_error(ctx, history.error());
  auto can_do = usecases::can_do_for(*program->store, program->plan);
  if (!can_do) return report_store_error(ctx, can_do.error());
  const auto judgements = tracking::judge_at_check_in(*history, *pain, *catalog, *can_do, when->date, when->at);
  const auto changes = tracking::to_changes(judgements, program->plan, when->at, when->date);
  auto saved = program->store->save_check_in(check_in, changes, "");
  if (!saved) return report_store_error(ctx, saved.error());

  ctx.out << fmt::format("\nSaved: next-morning pain {}/10.\n", *pain);
  const auto session = tracking::session_for_check_in(*history, when->date, when->at);
  if (!session) ctx.out << "No session yesterday or today to judge, so doses change only if pain is rising.\n";
  if (changes.empty()) {
    ctx.out << "Doses stay as they are.\n";
    // Say why, once: the reasons of the holds are the same for every exercise in most cases.
    for (const auto& j : judgements) {
      if (j.decision.rule != "not-done") {
        ctx.out << "  why: " << j.decision.reason << "\n";
        break;
      }
    }
  } else {
    print_judgements(judgements, false, ctx.out);
  }
  store::Measurement rated;
  rated.measure = store::kPainNextMorning;
  rated.taken_at = when->at;
  rated.date = when->date;
  rated.value = *pain;
  history.value().measurements.push_back(rated);
  const auto review = tracking::pain_review(*history, when->date);
  if (review.due) ctx.out << "\nReview: " << review.message << "\n";
  ctx.exit_code = kExitOk;
}

}  // namespace kc::cli
