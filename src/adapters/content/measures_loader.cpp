#include "adapters/content/measures_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "adapters/content/yaml_reader.h"

namespace kc::content {
namespace {

using tracking::MeasureDef;
using tracking::MeasureKind;

const std::vector<std::string> kKeys{
    "id",    "name",        "kind",    "purpose", "instructions",      "scale",  "anchors", "questions",
    "items", "item_prompt", "seconds", "norms",   "meaningful_change", "sources"};
const std::vector<std::string> kKinds{"rating", "items", "timed-count"};
const std::vector<std::string> kRequired{"pain", "psfs", "chair-stand", "grc"};

MeasureKind kind_of(const std::string& k) {
  if (k == "items") return MeasureKind::kItems;
  if (k == "timed-count") return MeasureKind::kTimedCount;
  return MeasureKind::kRating;
}

void read_scale(MapReader& map, MeasureDef& m) {
  if (auto scale = map.map("scale", m.kind != MeasureKind::kTimedCount)) {
    if (auto v = scale->integer("min", true, -100, 100)) m.min = *v;
    if (auto v = scale->integer("max", true, -100, 100)) m.max = *v;
    scale->finish({"min", "max"});
  }
  if (auto anchors = map.map_list("anchors", false)) {
    for (auto& a : *anchors) {
      tracking::Anchor anchor;
      if (auto v = a.integer("value", true, -100, 100)) anchor.value = *v;
      if (auto v = a.text("label", true)) anchor.label = *v;
      a.finish({"value", "label"});
      m.anchors.push_back(anchor);
    }
  }
}

void read_kind_fields(MapReader& map, MeasureDef& m) {
  if (auto questions = map.map_list("questions", m.kind == MeasureKind::kRating)) {
    for (auto& q : *questions) {
      tracking::RatingQuestion question;
      if (auto v = q.text("id", true)) question.id = *v;
      if (auto v = q.text("prompt", true)) question.prompt = *v;
      q.finish({"id", "prompt"});
      m.questions.push_back(question);
    }
  }
  if (auto items = map.map("items", m.kind == MeasureKind::kItems)) {
    if (auto v = items->integer("min", true, 1, 10)) m.items_min = *v;
    if (auto v = items->integer("max", true, 1, 10)) m.items_max = *v;
    items->finish({"min", "max"});
  }
  if (auto v = map.text("item_prompt", m.kind == MeasureKind::kItems)) m.item_prompt = *v;
  if (auto v = map.integer("seconds", m.kind == MeasureKind::kTimedCount, 1, 600)) m.seconds = *v;
  if (auto norms = map.map_list("norms", false)) {
    for (auto& n : *norms) {
      tracking::NormBand band;
      if (auto v = n.integer("age_min", true, 0, 120)) band.age_min = *v;
      if (auto v = n.integer("age_max", true, 0, 120)) band.age_max = *v;
      if (auto v = n.integer("men", true, 0, 100)) band.men = *v;
      if (auto v = n.integer("women", true, 0, 100)) band.women = *v;
      n.finish({"age_min", "age_max", "men", "women"});
      m.norms.push_back(band);
    }
  }
}

}  // namespace

Result<tracking::MeasureDef> load_measure_file(const std::string& path) {
  Diagnostics diag;
  auto doc = parse_yaml_file(path, diag);
  if (!doc) return make_error(diag.str());
  MapReader map(*doc, path, diag);
  if (!map.valid()) return make_error(diag.str());
  MeasureDef m;
  m.file = path;
  if (auto v = map.text("id", true)) m.id = *v;
  if (auto v = map.text("name", true)) m.name = *v;
  if (auto v = map.word("kind", true, kKinds)) m.kind = kind_of(*v);
  if (auto v = map.text("purpose", true)) m.purpose = *v;
  if (auto v = map.text_list("instructions", true, 1)) m.instructions = *v;
  read_scale(map, m);
  read_kind_fields(map, m);
  if (auto change = map.map("meaningful_change", false)) {
    if (auto v = change->integer("points", false, 0, 100)) m.meaningful_change = *v;
    if (auto v = change->integer("percent", false, 0, 100)) m.meaningful_percent = *v;
    change->finish({"points", "percent"});
  }
  if (auto v = map.text_list("sources", true, 1)) m.sources = *v;
  map.finish(kKeys);
  const std::string stem = std::filesystem::path(path).stem().string();
  if (!m.id.empty() && m.id != stem) {
    diag.add(path, map.line("id"), fmt::format("id '{}' must equal the file name '{}'", m.id, stem));
  }
  for (const auto& p : tracking::check_measure(m)) diag.add(path, map.line(), p);
  if (!diag.empty()) return make_error(diag.str());
  return m;
}

Result<tracking::MeasureSet> load_measures(const std::string& content_root) {
  const std::filesystem::path dir = std::filesystem::path(content_root) / "measures";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return make_error(fmt::format("{}: no measures folder; expected content/measures/*.yaml", dir.string()));
  }
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  tracking::MeasureSet set;
  std::string errors;
  for (const auto& f : files) {
    auto m = load_measure_file(f);
    if (m) {
      set.measures.push_back(std::move(m).value());
    } else {
      errors += m.error().message + "\n";
    }
  }
  const bool files_ok = errors.empty();
  for (const auto& id : kRequired) {
    if (files_ok && set.find(id) == nullptr) {
      errors +=
          fmt::format("{}: the measure '{}' is missing; expected {}/{}.yaml\n", dir.string(), id, dir.string(), id);
    }
  }
  if (!errors.empty()) {
    errors.pop_back();
    return make_error(errors);
  }
  return set;
}

}  // namespace kc::content
