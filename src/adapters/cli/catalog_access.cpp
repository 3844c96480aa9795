#include "adapters/cli/catalog_access.h"

#include <fmt/format.h>

#include <ostream>

#include "adapters/content/exercise_loader.h"
#include "core/common/text.h"

namespace kc::cli {

std::optional<Catalog> load_catalog_or_report(Context& ctx) {
  auto catalog = content::load_catalog(content::exercises_dir(ctx.content_dir));
  if (!catalog.ok()) {
    ctx.err << catalog.error().message;
    if (catalog.error().message.empty() || catalog.error().message.back() != '\n') ctx.err << "\n";
    ctx.err << "kneecoach: the exercise content has problems (listed above); fix them, or run "
               "'kneecoach content check' to see them again.\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  return std::move(catalog).value();
}

void report_unknown_exercise(Context& ctx, const Catalog& catalog, const std::string& id) {
  ctx.err << fmt::format("kneecoach: unknown exercise id \"{}\"", id);
  const auto near = catalog.suggest(id);
  if (!near.empty()) ctx.err << fmt::format("; did you mean {}?", join_or(near));
  ctx.err << "\nSee every id with: kneecoach exercises list\n";
  ctx.exit_code = kExitBadInput;
}

}  // namespace kc::cli
