// `kneecoach serve`: the local web app and its JSON API (docs: api/openapi.yaml). The server
// itself is the http adapter, reached through ctx.ports.serve (wired in src/app).
#include <CLI/CLI.hpp>
#include <memory>

#include "adapters/cli/app.h"
#include "adapters/platform/platform.h"

namespace kc::cli {

void add_serve_commands(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<usecases::ServeRequest>();
  options->web_dir = KNEECOACH_DEFAULT_WEB_DIR;
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve the web app and its JSON API (/api/v1/) on this computer until Ctrl+C.\n"
      "Exit status: 0 after a clean stop, 1 when the store or content cannot be opened or the port is taken.");
  cmd->add_option("--port", options->port, "TCP port (default 8080)")->check(CLI::Range(1, 65535));
  cmd->add_option("--host", options->host, "Address to listen on (default 127.0.0.1: this computer only)");
  cmd->add_option("--allow-host", options->allow_hosts,
                  "Another name the browser may reach this server by (repeatable); any other Host is refused "
                  "(defends against DNS rebinding). 127.0.0.1, localhost, [::1] and --host are always allowed");
  cmd->add_option("--data-dir", options->data_dir,
                  "Folder of the kneecoach records (default: $KNEECOACH_HOME, else $XDG_DATA_HOME/kneecoach, else "
                  "~/.local/share/kneecoach)");
  cmd->add_option("--web", options->web_dir, "Folder of the built web app (default: web/dist in the source tree)");
  cmd->callback([options, &ctx] {
    usecases::ServeRequest request = *options;
    request.content_dir = ctx.content_dir;
    request.data_dir = platform::resolve_data_dir(options->data_dir);
    ctx.exit_code = ctx.ports.serve(request, ctx.out, ctx.err) == 0 ? kExitOk : kExitFailure;
  });
}

}  // namespace kc::cli
