#include "adapters/content/exercise_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "core/catalog/vocabulary.h"

namespace kc::content {
namespace fs = std::filesystem;

namespace {

// Lines of the fields of one record, so that problems found later can point at them.
using LineMap = std::map<std::string, int>;

const std::vector<std::string> kTopKeys{
    "id",       "name",     "aliases",   "kind",      "from_articles", "sources",     "references", "regions",
    "muscles",  "position", "demands",   "equipment", "purpose",       "benefit",     "steps",      "cues",
    "mistakes", "dose",     "frequency", "variants",  "cautions",      "phase_words", "set_words"};

template <typename E, typename Parse>
std::vector<E> to_enums(const std::optional<std::vector<std::string>>& words, Parse parse) {
  std::vector<E> out;
  if (!words) return out;
  for (const auto& w : *words)
    if (auto e = parse(w)) out.push_back(*e);
  return out;
}

void read_tempo(MapReader& dose, Dose& d) {
  auto tempo = dose.map("tempo", false);
  if (!tempo) return;
  Tempo t;
  t.up = tempo->integer("up", true, 0, 20).value_or(0);
  t.hold = tempo->integer("hold", true, 0, 20).value_or(0);
  t.down = tempo->integer("down", true, 0, 20).value_or(0);
  tempo->finish({"up", "hold", "down"});
  d.tempo = t;
}

void read_dose(MapReader& top, Exercise& e, LineMap& lines) {
  auto dose = top.map("dose", true);
  if (!dose) return;
  Dose& d = e.dose;
  lines["dose"] = dose->line();
  d.sets = dose->integer("sets", true, 1, 10).value_or(1);
  d.reps = dose->integer("reps", true, 1, 100).value_or(1);
  d.reps_max = dose->integer("reps_max", false, 1, 100);
  d.hold_seconds = dose->integer("hold_seconds", false, 1, 300);
  d.hold_seconds_max = dose->integer("hold_seconds_max", false, 1, 300);
  d.hold_breaths = dose->integer("hold_breaths", false, 1, 20);
  if (auto s = dose->word("sides", true, sides_names())) d.sides = *parse_sides(*s);
  read_tempo(*dose, d);
  d.rest_seconds = dose->integer("rest_seconds", true, 0, 600).value_or(0);
  d.note = dose->text("note", false).value_or("");
  for (const char* key : {"reps_max", "hold_seconds", "hold_seconds_max", "hold_breaths", "tempo"})
    lines[std::string("dose.") + key] = dose->line(key);
  dose->finish({"sets", "reps", "reps_max", "hold_seconds", "hold_seconds_max", "hold_breaths", "sides", "tempo",
                "rest_seconds", "note"});
}

void read_frequency(MapReader& top, Exercise& e) {
  auto freq = top.map("frequency", true);
  if (!freq) return;
  Frequency& f = e.frequency;
  const YAML::Node per_week = freq->raw("per_week");
  if (!per_week.IsDefined() || per_week.IsNull()) {
    freq->error("", "missing field 'frequency.per_week'; expected [min, max] sessions a week, 1-7 ([7, 7] is daily)");
  } else if (!per_week.IsSequence() || per_week.size() != 2) {
    freq->error("per_week", "'frequency.per_week' is not a pair; expected [min, max] sessions a week, 1-7");
  } else {
    int lo = 0;
    int hi = 0;
    const bool numbers = YAML::convert<int>::decode(per_week[0], lo) && YAML::convert<int>::decode(per_week[1], hi);
    if (!numbers || lo < 1 || hi > 7 || lo > hi) {
      freq->error("per_week", "'frequency.per_week' is out of range; expected [min, max] with 1 <= min <= max <= 7");
    } else {
      f.per_week_min = lo;
      f.per_week_max = hi;
    }
  }
  f.rest_days_between = freq->integer("rest_days_between", true, 0, 3).value_or(0);
  f.after_workouts = freq->boolean("after_workouts", true).value_or(false);
  f.note = freq->text("note", false).value_or("");
  freq->finish({"per_week", "rest_days_between", "after_workouts", "note"});
}

void read_variant_list(MapReader& variants, const std::string& key, std::vector<Variant>& out, LineMap& lines) {
  auto list = variants.map_list(key, false);
  if (!list) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    MapReader& item = (*list)[i];
    Variant v;
    v.exercise = item.text("exercise", false).value_or("");
    v.parameter = item.text("parameter", false).value_or("");
    v.change = item.text("change", true).value_or("");
    if (v.exercise.empty() == v.parameter.empty())
      item.error("",
                 fmt::format("'{}' needs exactly one of 'exercise' (an id) or 'parameter' (a name)", item.path("")));
    lines[fmt::format("variants.{}[{}].exercise", key, i + 1)] = item.line("exercise");
    item.finish({"exercise", "parameter", "change"});
    out.push_back(std::move(v));
  }
}

void read_variants(MapReader& top, Exercise& e, LineMap& lines) {
  auto variants = top.map("variants", false);
  if (!variants) return;
  read_variant_list(*variants, "easier", e.easier, lines);
  read_variant_list(*variants, "harder", e.harder, lines);
  variants->finish({"easier", "harder"});
}

void read_cautions(MapReader& top, Exercise& e) {
  auto cautions = top.map_list("cautions", false);
  if (!cautions) return;
  for (MapReader& c : *cautions) {
    Caution caution;
    caution.who = c.text("who", true).value_or("");
    caution.advice = c.text("advice", true).value_or("");
    c.finish({"who", "advice"});
    e.cautions.push_back(std::move(caution));
  }
}

void read_equipment(MapReader& top, Exercise& e) {
  auto equipment = top.map("equipment", true);
  if (!equipment) return;
  e.equipment_needed = to_enums<Equipment>(equipment->word_list("needed", true, equipment_names()), parse_equipment);
  e.equipment_optional =
      to_enums<Equipment>(equipment->word_list("optional", false, equipment_names()), parse_equipment);
  equipment->finish({"needed", "optional"});
}

void read_identity(MapReader& top, Exercise& e, const fs::path& path) {
  static const std::regex kIdPattern("^[a-z0-9]+(-[a-z0-9]+)*$");
  if (auto id = top.text("id", true)) {
    e.id = *id;
    if (!std::regex_match(e.id, kIdPattern)) {
      top.error("id", fmt::format("id \"{}\" is not lower-case and hyphenated; expected e.g. \"wall-sit\"", e.id));
    } else if (e.id != path.stem().string()) {
      top.error("id",
                fmt::format("id \"{}\" does not match the file name \"{}\"; expected the file to be named {}.yaml",
                            e.id, path.filename().string(), e.id));
    }
  }
  e.name = top.text("name", true).value_or("");
  e.aliases = top.text_list("aliases", false).value_or(std::vector<std::string>{});
  if (auto k = top.word("kind", true, kind_names())) e.kind = *parse_kind(*k);
  e.from_articles = top.boolean("from_articles", true).value_or(true);
  e.sources = top.text_list("sources", false).value_or(std::vector<std::string>{});
  e.references = top.text_list("references", false).value_or(std::vector<std::string>{});
}

void read_body(MapReader& top, Exercise& e) {
  e.regions = top.word_list("regions", true, region_names()).value_or(std::vector<std::string>{});
  if (top.has("regions") && e.regions.empty()) top.error("regions", "'regions' is empty; expected at least one region");
  e.muscles = top.word_list("muscles", true, muscle_names()).value_or(std::vector<std::string>{});
  if (top.has("muscles") && e.muscles.empty()) top.error("muscles", "'muscles' is empty; expected at least one muscle");
  if (auto p = top.word("position", true, position_names())) e.position = *parse_position(*p);
  e.demands = to_enums<Demand>(top.word_list("demands", false, demand_names()), parse_demand);
}

void read_text(MapReader& top, Exercise& e) {
  e.purpose = top.text("purpose", true).value_or("");
  e.benefit = top.text("benefit", true).value_or("");
  e.steps = top.text_list("steps", true, 2).value_or(std::vector<std::string>{});
  e.cues = top.text_list("cues", true, 1).value_or(std::vector<std::string>{});
  e.mistakes = top.text_list("mistakes", true, 1).value_or(std::vector<std::string>{});
}

// The optional phase_words {up, hold, down}: each a short phrase, only for a dose with a tempo.
void read_phase_words(MapReader& top, Exercise& e) {
  auto words = top.map("phase_words", false);
  if (!words) return;
  if (!e.dose.tempo) top.error("phase_words", "'phase_words' is only for an exercise whose dose has a tempo");
  for (auto [key, field] :
       {std::pair{"up", &PhaseWords::up}, std::pair{"hold", &PhaseWords::hold}, std::pair{"down", &PhaseWords::down}}) {
    const auto text = words->text(key, false);
    if (!text) continue;
    if (text->size() > 24) {
      words->error(key, "'" + std::string(key) + "' is longer than 24 characters; a phase word is said in a second");
    } else {
      e.phase_words.*field = *text;
    }
  }
  words->finish({"up", "hold", "down"});
}

// The optional set_words: a short phrase for each set, said as it begins.
void read_set_words(MapReader& top, Exercise& e) {
  auto words = top.text_list("set_words", false, 1);
  if (!words) return;
  if (e.dose.sets < 2) top.error("set_words", "'set_words' is only for a dose of 2 sets or more");
  for (const std::string& w : *words) {
    if (w.size() > 32) {
      top.error("set_words", "'" + w + "' is longer than 32 characters; a set's word is said in a breath");
      return;
    }
  }
  e.set_words = *words;
}

// Reads one record; problems go to `diag`. Returns false when the file could not be read at all.
bool read_exercise(const fs::path& path, Diagnostics& diag, Exercise& e, LineMap& lines) {
  auto doc = parse_yaml_file(path.string(), diag);
  if (!doc) return false;
  MapReader top(*doc, path.string(), diag);
  if (!top.valid()) return false;
  e.file = path.string();
  read_identity(top, e, path);
  read_body(top, e);
  read_equipment(top, e);
  read_text(top, e);
  read_dose(top, e, lines);
  read_phase_words(top, e);
  read_set_words(top, e);
  read_frequency(top, e);
  read_variants(top, e, lines);
  read_cautions(top, e);
  top.finish(kTopKeys);
  for (const auto& key : kTopKeys) lines[key] = top.line(key);
  return true;
}

int line_for(const LineMap& lines, const std::string& field) {
  for (std::string f = field;; f = f.substr(0, f.rfind('.'))) {
    auto it = lines.find(f);
    if (it != lines.end() && it->second > 0) return it->second;
    if (f.find('.') == std::string::npos) break;
  }
  auto it = lines.find("id");
  return it != lines.end() ? it->second : 0;
}

}  // namespace

std::string exercises_dir(const std::string& content_root) { return (fs::path(content_root) / "exercises").string(); }

Result<Catalog> load_catalog(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return make_error(fmt::format("{}: not a folder; expected a folder of exercise files (*.yaml)", dir));
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  if (files.empty()) return make_error(fmt::format("{}: no exercise files; expected one <id>.yaml per exercise", dir));

  Diagnostics diag;
  std::vector<Exercise> exercises;
  std::vector<LineMap> lines;
  std::vector<bool> had_field_errors;
  for (const auto& path : files) {
    Exercise e;
    LineMap record_lines;
    const std::size_t before = diag.size();
    if (!read_exercise(path, diag, e, record_lines)) continue;
    had_field_errors.push_back(diag.size() != before);
    exercises.push_back(std::move(e));
    lines.push_back(std::move(record_lines));
  }
  for (const Problem& p : check_catalog(exercises)) {
    // A record with field errors still takes part in the id and link checks, but its
    // semantic checks would only repeat what is already reported.
    const bool cross_record = p.field == "id" || p.field.rfind("variants.", 0) == 0;
    if (had_field_errors[p.index] && !cross_record) continue;
    diag.add(exercises[p.index].file, line_for(lines[p.index], p.field), p.message);
  }
  if (!diag.empty()) return make_error(diag.str());
  return Catalog(std::move(exercises));
}

}  // namespace kc::content
