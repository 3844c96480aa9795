// `kneecoach intake [-o FILE]` and `kneecoach triage --answers FILE [--json]`.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "adapters/cli/app.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/intake_terminal.h"
#include "adapters/cli/triage_view.h"
#include "core/common/text.h"
#include "core/intake/parse.h"

namespace kc::cli {
namespace {

// The answers document of `asked`. A questionnaire stopped early keeps only the answers given:
// the questions after the stop were never asked, so no default stands in for them (and
// `kneecoach cleared` can tell it stopped there: usecases::early_stop).
nlohmann::ordered_json answers_document(const Asked& asked) {
  nlohmann::ordered_json doc = answers_to_json(asked.answers);
  if (!asked.stopped) return doc;
  nlohmann::ordered_json given;
  given["version"] = doc["version"];
  for (const auto& id : asked.given)
    if (doc.contains(id)) given[id] = doc[id];
  return given;
}

// The questions go to stdout when the answers go to a file, and to stderr when the answers
// document itself is written to stdout (so `kneecoach intake > answers.json` works).
void run_intake(Context& ctx, const std::string& output) {
  std::ostream& talk = output.empty() ? ctx.err : ctx.out;
  auto rules = load_rule_set(ctx.content_dir);
  if (!rules) {
    ctx.err << "kneecoach: " << rules.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  auto asked = ask_questions(*rules, ctx.in, talk);
  if (!asked.ok()) {
    ctx.err << "kneecoach: " << asked.error().message << "; nothing was saved.\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  // A warning sign stopped the questions: the referral first, then the answers are kept as usual.
  if (asked->stopped) {
    print_triage(*asked->stopped, talk);
    ctx.exit_code = kExitSeeClinician;
  }
  const std::string document = answers_document(*asked).dump(2) + "\n";
  if (output.empty()) {
    ctx.out << document;
    if (!asked->stopped)
      talk << "\nThank you. Next, check your answers for warning signs: kneecoach triage --answers FILE\n";
    return;
  }
  std::ofstream file(output, std::ios::binary | std::ios::trunc);
  if (!file || !(file << document) || !file.flush()) {
    ctx.err << fmt::format("kneecoach: cannot write {}; check that its folder exists and is writable\n", output);
    ctx.exit_code = kExitFailure;
    return;
  }
  if (asked->stopped) {
    talk << "\n"
         << wrap(fmt::format("The answers you gave are saved in {}: show them to the clinician if you like. Once a "
                             "clinician has seen you and cleared you, `kneecoach cleared --answers {} --by NAME --role "
                             "ROLE --on YYYY-MM-DD` asks the questions left and builds your program within their "
                             "limits.",
                             output, output),
                 78)
         << "\n";
    return;
  }
  talk << fmt::format(
      "\nThank you. Your answers are saved in {}.\nNext, check them for warning signs: "
      "kneecoach triage --answers {}\n",
      output, output);
}

void run_triage(Context& ctx, const std::string& path, bool json) {
  auto screened = read_and_triage(path, ctx);
  if (!screened) return;
  if (!may_start_program(screened->triage.level)) return report_referral(screened->triage, json, ctx);
  if (json) {
    print_triage_json(screened->triage, ctx.out);
  } else {
    print_triage(screened->triage, ctx.out);
  }
  ctx.exit_code = kExitOk;
}

}  // namespace

void add_intake_commands(CLI::App& app, Context& ctx) {
  auto* intake = app.add_subcommand("intake", "Answer questions about your knee, one at a time; saves the answers");
  auto output = std::make_shared<std::string>();
  intake->add_option("-o,--output", *output, "Save the answers to FILE (default: print them)");
  intake->footer(
      "A warning sign stops the questions at once and shows whom to see (exit status 3); the answers "
      "given are still saved.");
  intake->callback([&ctx, output] { run_intake(ctx, *output); });

  auto* triage = app.add_subcommand("triage", "Check answers for warning signs; says whether and whom to see first");
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  triage->add_option("--answers", *path, "Answers file (intake format version 1); - reads standard input")->required();
  triage->add_flag("--json", *json, "Print the result as JSON");
  triage->footer(
      "Exit status: 0 a program may start (go, caution); 3 see a clinician first; 2 the answers "
      "cannot be read.");
  triage->callback([&ctx, path, json] { run_triage(ctx, *path, *json); });
}

}  // namespace kc::cli
