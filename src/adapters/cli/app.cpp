#include "adapters/cli/app.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "adapters/cli/command_words.h"

namespace kc::cli {
namespace {

std::string default_content_dir() {
  if (const char* env = std::getenv("KNEECOACH_CONTENT"); env != nullptr && *env != '\0') return env;
  return KNEECOACH_DEFAULT_CONTENT_DIR;
}

}  // namespace

CLI::App* export_group(CLI::App& app) {
  auto existing = app.get_subcommands([](CLI::App* sub) { return sub->get_name() == "export"; });
  if (!existing.empty()) return existing.front();
  CLI::App* group = app.add_subcommand("export", "Export your program and records to other formats");
  group->require_subcommand(1);
  return group;
}

int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err, const usecases::Ports& ports) {
  Context ctx{in, out, err, ports, default_content_dir()};
  CLI::App app{
      "kneecoach — safe, guided exercise for knee pain.\n"
      "Screens for warning signs, builds a program from well-known knee exercises, and guides you\n"
      "through it. It does not replace a doctor or physiotherapist.",
      "kneecoach"};
  app.set_version_flag("--version", std::string("kneecoach ") + KNEECOACH_VERSION);
  app.add_option("--content", ctx.content_dir, "Folder of content files (default: the shipped content)")
      ->envname("KNEECOACH_CONTENT");
  app.require_subcommand(1);
  app.fallthrough();

  add_exercises_commands(app, ctx);
  add_content_commands(app, ctx);
  add_intake_commands(app, ctx);
  add_plan_commands(app, ctx);
  add_tracking_commands(app, ctx);
  add_cleared_command(app, ctx);
  add_move_command(app, ctx);
  add_session_commands(app, ctx);
  add_handout_commands(app, ctx);
  add_serve_commands(app, ctx);
  add_analyze_commands(app, ctx);
  add_fhir_commands(app, ctx);
  add_doctor_commands(app, ctx);
  add_clinic_commands(app, ctx);

  // An unknown command word, at any level, is named (exit 2) before CLI11 would print a help.
  if (auto bad = check_command_words(app, std::vector<std::string>(argv + std::min(argc, 1), argv + argc))) {
    err << "kneecoach: " << *bad << "\n";
    return kExitBadInput;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // Subcommand help is also reported as a ParseError subclass by CLI11.
    const int code = app.exit(e, out, err);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  return ctx.exit_code;
}

}  // namespace kc::cli
