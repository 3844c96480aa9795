// cli/: the command line (CLI11): parses arguments, calls the use cases, prints the results.
// The command-line adapter: parses arguments with CLI11 and calls the core.
#pragma once

#include <iosfwd>
#include <string>

#include "usecases/ports.h"

namespace CLI {
class App;
}

namespace kc::cli {

// Exit statuses shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;       // a runtime failure (I/O, store)
inline constexpr int kExitBadInput = 2;      // input or content that cannot be read or breaks its format
inline constexpr int kExitSeeClinician = 3;  // triage says: be seen before starting
inline constexpr int kExitTooLittle = 4;     // too little time, days or equipment for a balanced program

// What every command needs: where content lives, the streams, and where to put its status.
struct Context {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  const usecases::Ports& ports;  // the store, clock, voice and server to use (src/app wires them)
  std::string content_dir;       // --content, $KNEECOACH_CONTENT, or the built-in default
  int exit_code = kExitOk;
};

// Runs the kneecoach command line with `ports`; returns the process exit status.
int run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err, const usecases::Ports& ports);

// The `export` subcommand group, created on first use; `plan` (ics) and tracking (csv)
// both add to it.
CLI::App* export_group(CLI::App& app);

// Each command group adds its subcommands to `app`; callbacks set ctx.exit_code.
void add_exercises_commands(CLI::App& app, Context& ctx);
void add_content_commands(CLI::App& app, Context& ctx);
void add_intake_commands(CLI::App& app, Context& ctx);    // intake, triage
void add_plan_commands(CLI::App& app, Context& ctx);      // plan, export
void add_tracking_commands(CLI::App& app, Context& ctx);  // init, today, check-in, measure, progress, export csv
void add_cleared_command(CLI::App& app, Context& ctx);    // cleared: "I have been seen and cleared"
void add_move_command(CLI::App& app, Context& ctx);       // move: a coming session to another day
void add_session_commands(CLI::App& app, Context& ctx);   // session
void add_handout_commands(CLI::App& app, Context& ctx);   // handout (printable PDF)
void add_serve_commands(CLI::App& app, Context& ctx);     // serve (web app and JSON API)
void add_analyze_commands(CLI::App& app, Context& ctx);   // analyze (camera landmarks)
void add_fhir_commands(CLI::App& app, Context& ctx);      // export fhir, import fhir
void add_doctor_commands(CLI::App& app, Context& ctx);    // doctor (check and repair the store)
void add_clinic_commands(CLI::App& app, Context& ctx);    // clinic ... (the clinic server on PostgreSQL)

}  // namespace kc::cli
