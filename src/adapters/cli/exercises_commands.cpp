// `kneecoach exercises list|show` and `kneecoach content check`.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "adapters/cli/app.h"
#include "adapters/cli/catalog_access.h"
#include "adapters/cli/content_check.h"
#include "adapters/cli/exercise_view.h"
#include "adapters/cli/illustration_commands.h"
#include "adapters/content/exercise_loader.h"
#include "core/catalog/exercise_json.h"
#include "core/catalog/vocabulary.h"
#include "core/common/text.h"

namespace kc::cli {
namespace {

struct ListOptions {
  std::string kind;
  std::string region;
  std::vector<std::string> equipment;
  bool no_equipment = false;
  bool json = false;
};

void run_list(Context& ctx, const ListOptions& o) {
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  CatalogFilter f;
  if (!o.kind.empty()) f.kind = parse_kind(o.kind);
  if (!o.region.empty()) f.region = o.region;
  if (!o.equipment.empty() || o.no_equipment) {
    std::vector<Equipment> have;
    for (const auto& name : o.equipment) have.push_back(*parse_equipment(name));
    f.equipment = have;
  }
  const auto list = filter(*catalog, f);
  if (o.json) {
    Json items = Json::array();
    for (const Exercise* e : list) items.push_back(exercise_to_json(*e));
    ctx.out << Json{{"exercises", items}}.dump(2) << "\n";
    return;
  }
  print_exercise_table(list, ctx.out);
}

void run_show(Context& ctx, const std::string& id, bool json, const IllustrationFiles& pictures) {
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  const Exercise* e = catalog->find(id);
  if (e == nullptr) return report_unknown_exercise(ctx, *catalog, id);
  if (pictures.any()) return write_illustrations(ctx, *catalog, id, pictures);
  if (json) {
    ctx.out << exercise_to_json(*e).dump(2) << "\n";
    return;
  }
  print_exercise_card(*e, *catalog, ctx.out);
}

// A vocabulary check for CLI11 that lists the valid names and suggests the closest.
CLI::Validator one_of(const std::vector<std::string>& names, const std::string& what) {
  return CLI::Validator(
      [names, what](std::string& value) -> std::string {
        if (std::find(names.begin(), names.end(), value) != names.end()) return "";
        std::string msg = "unknown " + what + " \"" + value + "\"; expected " + join_or(names);
        const auto near = closest_matches(value, names, 1);
        if (!near.empty()) msg += " (did you mean \"" + near.front() + "\"?)";
        return msg;
      },
      join(names, "|"), what);
}

}  // namespace

void add_exercises_commands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("exercises", "Browse the exercise catalog");
  group->require_subcommand(1);

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = group->add_subcommand("list", "List exercises, optionally filtered");
  list->add_option("--kind", list_opts->kind, "Only this kind: " + join(kind_names(), ", "))
      ->check(one_of(kind_names(), "kind"));
  list->add_option("--region", list_opts->region, "Only exercises for this body region: " + join(region_names(), ", "))
      ->check(one_of(region_names(), "region"));
  list->add_option(
          "--equipment", list_opts->equipment,
          "Only exercises you can do with this equipment (give all you have): " + join(equipment_names(), ", "))
      ->check(one_of(equipment_names(), "equipment"));
  list->add_flag("--no-equipment", list_opts->no_equipment, "Only exercises that need no equipment");
  list->add_flag("--json", list_opts->json, "Print JSON ({\"exercises\": [...]}, see docs/content-schema.md)");
  list->callback([&ctx, list_opts] { run_list(ctx, *list_opts); });

  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* show = group->add_subcommand("show", "Show one exercise as a card: purpose, steps, cues, dose, cautions");
  show->add_option("ID", *id, "Exercise id, e.g. wall-sit")->required();
  show->add_flag("--json", *json, "Print the full record as JSON");
  auto pictures = std::make_shared<IllustrationFiles>();
  add_illustration_options(*show, *pictures);
  show->callback([&ctx, id, json, pictures] { run_show(ctx, *id, *json, *pictures); });
  add_animate_command(*group, ctx);
}

void add_content_commands(CLI::App& app, Context& ctx) {
  auto* content = app.add_subcommand("content", "Check content files");
  content->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  auto* check = content->add_subcommand("check", "Validate the content files and report every problem as file:line");
  check->add_option("DIR", *dir, "Content folder (default: the shipped content), or an exercises folder");
  check->callback([&ctx, dir] { run_content_check(ctx, dir->empty() ? ctx.content_dir : *dir); });
}

}  // namespace kc::cli
