// `kneecoach clinic serve` and `kneecoach clinic backup`: the clinic server and its database
// backup (README "Clinic server", docs/deploy.md). The server is the http adapter and the
// backup pg_dump, both reached through ctx.ports (wired in src/app).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>

#include "adapters/cli/app.h"
#include "adapters/cli/clinic_commands.h"

namespace kc::cli {

void add_clinic_serve(CLI::App& clinic, Context& ctx) {
  auto options = std::make_shared<usecases::ClinicServeRequest>();
  options->web_dir = KNEECOACH_DEFAULT_WEB_DIR;
  CLI::App* cmd = clinic.add_subcommand(
      "serve",
      "Serve the clinic (web app, JSON API, clinic routes) from the PostgreSQL database until Ctrl+C.\n"
      "Listens beyond this computer only with TLS (--tls-cert, --tls-key).\n"
      "Exit status: 0 after a clean stop, 2 refused options, 1 when the database, content or address cannot be "
      "opened.");
  add_db_option(*cmd, options->db_url);
  cmd->add_option("--host", options->host,
                  "Address to listen on (default 127.0.0.1). Any non-loopback address needs --tls-cert and --tls-key");
  cmd->add_option("--port", options->port, "TCP port (default 8443)")->check(CLI::Range(1, 65535));
  cmd->add_option("--threads", options->threads, "Request threads (default 8)")->check(CLI::Range(1, 256));
  cmd->add_option("--connections", options->connections,
                  "Pooled database connections (default: one for each request thread). With fewer connections "
                  "than threads, a quarter of them is kept for reads, so pages never wait behind a burst of writes")
      ->check(CLI::Range(1, 200));
  cmd->add_option("--tls-cert", options->tls_cert,
                  "TLS certificate chain (PEM); with --tls-key the server speaks HTTPS");
  cmd->add_option("--tls-key", options->tls_key, "TLS private key (PEM) of --tls-cert");
  cmd->add_option("--allow-host", options->allow_hosts,
                  "The clinic's public name, as browsers reach it (repeatable); any other Host is refused");
  cmd->add_option("--trusted-proxy", options->trusted_proxy,
                  "Address of a reverse proxy whose X-Forwarded-For names the client (audit, throttling); "
                  "nobody else's X-Forwarded-For is believed");
  add_key_option(*cmd, options->key_file);
  cmd->add_option("--web", options->web_dir, "Folder of the built web app (default: web/dist in the source tree)");
  cmd->callback([options, &ctx] {
    usecases::ClinicServeRequest request = *options;
    request.content_dir = ctx.content_dir;
    const int status = ctx.ports.serve_clinic(request, ctx.out, ctx.err);
    ctx.exit_code = status == 0 ? kExitOk : status == 2 ? kExitBadInput : kExitFailure;
  });
}

void add_clinic_backup(CLI::App& clinic, Context& ctx) {
  auto url = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  CLI::App* cmd =
      clinic.add_subcommand("backup",
                            "Write a backup of the clinic's database (pg_dump, custom format) to FILE.\n"
                            "Restore it with pg_restore into an empty database (docs/deploy.md, \"Restore drill\").");
  add_db_option(*cmd, *url);
  cmd->add_option("-o,--output", *file, "The backup file to write (replaced when it exists)")->required();
  cmd->callback([url, file, &ctx] {
    const Status done = ctx.ports.backup_clinic(*url, *file);
    if (!done) {
      ctx.err << "kneecoach: " << done.error().message << "\n";
      ctx.exit_code = kExitFailure;
      return;
    }
    ctx.out << fmt::format("Backed up the clinic's database to {}\n", *file);
  });
}

}  // namespace kc::cli
