#include "adapters/cli/content_check.h"

#include <fmt/format.h>

#include <filesystem>
#include <functional>
#include <ostream>

#include "adapters/content/contacts_loader.h"
#include "adapters/content/exercise_loader.h"
#include "adapters/content/fhir_questionnaires.h"
#include "adapters/content/measures_loader.h"
#include "adapters/content/sign_names_loader.h"
#include "adapters/content/triage_loader.h"
#include "adapters/render/pose_loader.h"

namespace kc::cli {
namespace fs = std::filesystem;

namespace {

// Runs one part's check: a summary line when it passes, its problems when it fails.
bool check_part(Context& ctx, const std::string& part, const std::function<Result<std::string>()>& check) {
  auto result = check();
  if (result.ok()) {
    ctx.out << fmt::format("  {:<13} {}\n", part + ":", *result);
    return true;
  }
  ctx.out << fmt::format("  {:<13} FAILED (problems below)\n", part + ":");
  ctx.err << result.error().message;
  if (!result.error().message.empty() && result.error().message.back() != '\n') ctx.err << "\n";
  return false;
}

template <typename T, typename Describe>
Result<std::string> summarise(Result<T> loaded, Describe describe) {
  if (!loaded.ok()) return loaded.error();
  return describe(*loaded);
}

}  // namespace

void run_content_check(Context& ctx, const std::string& dir) {
  const bool is_root = fs::is_directory(fs::path(dir) / "exercises");
  const std::string exercises = is_root ? content::exercises_dir(dir) : dir;
  ctx.out << "content check: " << dir << "\n";

  std::optional<Catalog> catalog;
  bool ok = check_part(ctx, "exercises", [&]() -> Result<std::string> {
    auto loaded = content::load_catalog(exercises);
    if (!loaded.ok()) return loaded.error();
    catalog = std::move(loaded).value();
    return fmt::format("{} exercises, all valid", catalog->size());
  });

  if (is_root && fs::exists(content::triage_rules_path(dir))) {
    ok &= check_part(ctx, "triage rules", [&] {
      return summarise(content::load_rule_set(dir),
                       [](const RuleSet& r) { return fmt::format("{} rules, all valid", r.rules.size()); });
    });
  }
  if (is_root && fs::exists(content::sign_names_path(dir))) {
    ok &= check_part(ctx, "sign names", [&] {
      return summarise(content::load_sign_names(dir),
                       [](const SignNames& n) { return fmt::format("{} signs named, all valid", n.size()); });
    });
  }
  if (is_root && fs::is_directory(fs::path(dir) / "measures")) {
    ok &= check_part(ctx, "measures", [&] {
      return summarise(content::load_measures(dir), [](const tracking::MeasureSet& m) {
        return fmt::format("{} measures, all valid", m.measures.size());
      });
    });
  }
  if (is_root && fs::is_directory(content::fhir_questionnaires_dir(dir))) {
    ok &= check_part(ctx, "fhir", [&] {
      return summarise(content::load_fhir_questionnaires(dir),
                       [](int n) { return fmt::format("{} questionnaires, all valid", n); });
    });
  }
  if (is_root && fs::is_directory(fs::path(dir) / "contacts")) {
    ok &= check_part(ctx, "contacts", [&] {
      return summarise(content::load_contacts(dir), [](const content::Contacts& c) {
        return fmt::format("{} countries' numbers, all valid", c.countries.size());
      });
    });
  }
  if (is_root && catalog && fs::is_directory(fs::path(dir) / "poses")) {
    ok &= check_part(ctx, "poses", [&] {
      return summarise(content::load_illustrations(dir, *catalog), [](const content::Illustrations& i) {
        return fmt::format("{} exercises posed, {} form cues, contacts and cues all hold", i.poses.size(),
                           i.cues.size());
      });
    });
  }

  if (!ok) {
    ctx.err << "content check: FAILED; fix the problems above (schemas: docs/content-schema.md, "
               "docs/triage-rules.md, docs/measures.md, docs/figure.md, docs/contacts.md)\n";
    ctx.exit_code = kExitBadInput;
    return;
  }
  ctx.out << "content check: all valid\n";
}

}  // namespace kc::cli
