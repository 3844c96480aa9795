// Loading the catalog for a command, with the error report every command gives.
#pragma once

#include <optional>

#include "adapters/cli/app.h"
#include "core/catalog/catalog.h"

namespace kc::cli {

// Loads <ctx.content_dir>/exercises. On failure prints every problem to ctx.err,
// sets ctx.exit_code to kExitBadInput and returns std::nullopt.
std::optional<Catalog> load_catalog_or_report(Context& ctx);

// Prints "unknown exercise ID" with the closest ids to ctx.err and sets kExitBadInput.
void report_unknown_exercise(Context& ctx, const Catalog& catalog, const std::string& id);

}  // namespace kc::cli
