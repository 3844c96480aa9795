// `kneecoach clinic ...`: the clinic server on PostgreSQL and its administration.
#include "adapters/cli/clinic_commands.h"

#include <CLI/CLI.hpp>

namespace kc::cli {

void add_db_option(CLI::App& cmd, std::string& url) {
  cmd.add_option("--db", url,
                 "The clinic's PostgreSQL database, a libpq URL (e.g. postgresql:///kneecoach?host=/run/postgresql); "
                 "default $KNEECOACH_DB")
      ->envname("KNEECOACH_DB")
      ->required();
}

void add_clinic_commands(CLI::App& app, Context& ctx) {
  CLI::App* clinic = app.add_subcommand(
      "clinic",
      "The clinic server: many patients and their clinicians, on PostgreSQL, with accounts and an audit trail "
      "(docs/deploy.md)");
  clinic->require_subcommand(1);
  add_clinic_accounts(*clinic, ctx);
  add_clinic_serve(*clinic, ctx);
  add_clinic_backup(*clinic, ctx);
}

}  // namespace kc::cli
