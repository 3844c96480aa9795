// `kneecoach export fhir` and `kneecoach import fhir`: a person's records as a FHIR R4 Bundle,
// and such a bundle read back into a new person (usecases/fhir_export.h, fhir_import.h; docs/fhir.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>

#include "adapters/cli/app.h"
#include "adapters/cli/catalog_access.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/store_access.h"
#include "adapters/cli/tracking_support.h"
#include "adapters/content/fhir_questionnaires.h"
#include "usecases/fhir_export.h"
#include "usecases/fhir_import.h"

namespace kc::cli {
namespace {

struct FhirArgs {
  StoreOptions store;
  std::string output;  // export: the file to write ("" = standard output)
  bool transaction = false;
  std::string input;  // import: the bundle file ("-" = standard input)
  std::string name;   // import: the new person's name
};

// The catalog and the triage rules (and the published Questionnaires the responses name, checked),
// or nullopt after reporting.
struct Loaded {
  Catalog catalog;
  RuleSet rules;
};
std::optional<Loaded> load_content(Context& ctx) {
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return std::nullopt;
  if (auto published = content::load_fhir_questionnaires(ctx.content_dir); !published) {
    ctx.err << "kneecoach: the FHIR questionnaires have problems:\n" << published.error().message;
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  auto rules = load_rule_set(ctx.content_dir);
  if (!rules) {
    ctx.err << "kneecoach: " << rules.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  return Loaded{std::move(catalog).value(), std::move(rules).value()};
}

void run_export(const FhirArgs& args, Context& ctx) {
  auto content = load_content(ctx);
  if (!content) return;
  auto store = open_store(ctx, args.store.data_dir);
  if (!store) return report_store_error(ctx, store.error());
  const auto clock = ctx.ports.clock();
  const usecases::FhirContent fhir{content->catalog, content->rules};
  auto bundle =
      usecases::export_fhir(**store, *clock, fhir, args.store.person,
                            args.transaction ? usecases::BundleType::kTransaction : usecases::BundleType::kCollection);
  if (!bundle) return report_use_case_error(ctx, bundle.error());
  const std::string text = bundle->dump(2) + "\n";
  if (args.output.empty()) {
    ctx.out << text;
  } else {
    std::ofstream file(args.output, std::ios::binary);
    file << text;
    if (!file.flush()) {
      ctx.err << fmt::format("kneecoach: cannot write {}; check the folder exists and you may write to it\n",
                             args.output);
      ctx.exit_code = kExitFailure;
      return;
    }
    ctx.out << fmt::format("wrote {} ({} resources)\n", args.output, bundle->at("entry").size());
  }
  ctx.exit_code = kExitOk;
}

void run_import(const FhirArgs& args, Context& ctx) {
  std::string text;
  if (args.input == "-") {
    text.assign(std::istreambuf_iterator<char>(ctx.in), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(args.input, std::ios::binary);
    if (!file) {
      ctx.err << fmt::format("kneecoach: cannot read {}; check the path\n", args.input);
      ctx.exit_code = kExitBadInput;
      return;
    }
    std::ostringstream all;
    all << file.rdbuf();
    text = all.str();
  }
  auto content = load_content(ctx);
  if (!content) return;
  auto store = open_store(ctx, args.store.data_dir);
  if (!store) return report_store_error(ctx, store.error());
  const auto clock = ctx.ports.clock();
  auto done = usecases::import_fhir(**store, *clock, {content->catalog, content->rules}, text, args.name);
  if (!done) {
    ctx.err << fmt::format("kneecoach: {}: {}\nNothing was imported.\n", args.input, done.error().message);
    ctx.exit_code = done.error().code == errc::kFailed ? kExitFailure : kExitBadInput;
    return;
  }
  ctx.out << fmt::format("Imported {} resources for '{}': {} sessions, {} measurements, {} check-ins.\n",
                         done->resources, done->person.name, done->sessions, done->measurements, done->check_ins);
  ctx.exit_code = kExitOk;
}

}  // namespace

void add_fhir_commands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<FhirArgs>();
  CLI::App* exp = export_group(app)->add_subcommand(
      "fhir", "Your program and records as a FHIR R4 Bundle, for a clinician's record system (docs/fhir.md)");
  exp->add_option("-o,--output", args->output, "The JSON file to write (default: standard output)");
  exp->add_flag("--transaction", args->transaction,
                "A transaction bundle a FHIR server can load (default: collection)");
  add_store_options(*exp, args->store);
  exp->callback([args, &ctx] { run_export(*args, ctx); });

  CLI::App* group = app.add_subcommand("import", "Read records written by kneecoach into a new person");
  group->require_subcommand(1);
  CLI::App* imp = group->add_subcommand(
      "fhir",
      "Read a FHIR Bundle written by `kneecoach export fhir` (here or elsewhere) into a new person; "
      "nothing is stored unless all of it can be");
  imp->add_option("FILE", args->input, "The bundle (JSON); - reads standard input")->required();
  imp->add_option("--name", args->name, "The new person's name (default: the name in the bundle)");
  imp->add_option("--data-dir", args->store.data_dir,
                  "The data folder (default: $KNEECOACH_HOME, else the usual place)")
      ->envname("KNEECOACH_HOME");
  imp->callback([args, &ctx] { run_import(*args, ctx); });
}

}  // namespace kc::cli
