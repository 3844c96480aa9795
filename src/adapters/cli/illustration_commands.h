// Pictures of exercises on the command line: `exercises show ID --svg FILE --png FILE`
// and `exercises animate`.
#pragma once

#include <optional>
#include <string>

#include "adapters/cli/app.h"
#include "adapters/render/pose_loader.h"
#include "core/catalog/catalog.h"
#include "core/common/result.h"

namespace CLI {
class App;
}

namespace kc::cli {

// Where `exercises show` writes pictures; empty means not asked for.
struct IllustrationFiles {
  std::string svg;  // animated SVG of one repetition
  std::string png;  // the keyframes side by side
  bool any() const { return !svg.empty() || !png.empty(); }
};

// Adds --svg FILE and --png FILE to `show`.
void add_illustration_options(CLI::App& show, IllustrationFiles& files);

// Writes the requested pictures of exercise `id`, reporting each file written to ctx.out and
// any problem to ctx.err (setting ctx.exit_code).
void write_illustrations(Context& ctx, const Catalog& catalog, const std::string& id, const IllustrationFiles& files);

// Loads the cues and poses for the catalog; on failure reports to ctx.err, sets
// kExitBadInput and returns nullopt.
std::optional<content::Illustrations> load_illustrations_or_report(Context& ctx, const Catalog& catalog);

// Adds `exercises animate ID --reps N [--fps F] [--size WxH] [--fault CUE --fault-reps LIST]
// -o out.y4m` to the `exercises` group: a Y4M video and a JSON sidecar (docs/figure.md).
void add_animate_command(CLI::App& exercises, Context& ctx);

}  // namespace kc::cli
