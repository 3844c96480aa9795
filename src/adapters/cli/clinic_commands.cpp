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

void add_key_option(CLI::App& cmd, std::string& path) {
  cmd.add_option("--key-file", path,
                 "The server's key file (32 random bytes, mode 0600) that seals two-factor secrets; made by "
                 "`clinic init`, kept outside the database and backed up apart from it; default "
                 "$KNEECOACH_CLINIC_KEY")
      ->envname("KNEECOACH_CLINIC_KEY");
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
