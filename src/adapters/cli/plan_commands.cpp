// Placeholder: `plan` and `export` commands are being written (issue 3).
#include <CLI/CLI.hpp>

#include "adapters/cli/app.h"

namespace kc::cli {
void add_plan_commands(CLI::App& /*app*/, Context& /*ctx*/) {}
}  // namespace kc::cli
