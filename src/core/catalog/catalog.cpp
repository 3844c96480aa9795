#include "core/catalog/catalog.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/catalog/vocabulary.h"
#include "core/common/text.h"

namespace kc {

Catalog::Catalog(std::vector<Exercise> exercises) : exercises_(std::move(exercises)) {
  std::sort(exercises_.begin(), exercises_.end(), [](const Exercise& a, const Exercise& b) { return a.id < b.id; });
}

const Exercise* Catalog::find(std::string_view id) const {
  auto it = std::lower_bound(exercises_.begin(), exercises_.end(), id,
                             [](const Exercise& e, std::string_view key) { return e.id < key; });
  return it != exercises_.end() && it->id == id ? &*it : nullptr;
}

std::vector<std::string> Catalog::ids() const {
  std::vector<std::string> out;
  out.reserve(exercises_.size());
  for (const auto& e : exercises_) out.push_back(e.id);
  return out;
}

std::vector<std::string> Catalog::suggest(std::string_view id) const {
  std::vector<std::string> names = ids();
  // Aliases count too: "bun lift" should find "bridge".
  std::vector<std::string> out = closest_matches(id, names, 3);
  if (out.empty()) {
    for (const auto& e : exercises_) {
      for (const auto& alias : e.aliases) {
        std::string lowered;
        for (char c : alias) lowered += c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lowered == id) out.push_back(e.id);
      }
    }
  }
  return out;
}

std::vector<const Exercise*> filter(const Catalog& catalog, const CatalogFilter& f) {
  std::vector<const Exercise*> out;
  for (const auto& e : catalog.all()) {
    if (f.kind && e.kind != *f.kind) continue;
    if (f.region && std::find(e.regions.begin(), e.regions.end(), *f.region) == e.regions.end()) continue;
    if (f.equipment) {
      const auto& have = *f.equipment;
      const bool all_there = std::all_of(e.equipment_needed.begin(), e.equipment_needed.end(), [&](Equipment need) {
        return std::find(have.begin(), have.end(), need) != have.end();
      });
      if (!all_there) continue;
    }
    out.push_back(&e);
  }
  return out;
}

namespace {

void check_dose(const Exercise& e, std::vector<Problem>& out) {
  const Dose& d = e.dose;
  const bool holds = d.hold_seconds.has_value() || d.hold_breaths.has_value();
  if (d.hold_seconds && d.hold_breaths)
    out.push_back({0, "dose.hold_breaths", "a dose has both hold_seconds and hold_breaths; expected only one of them"});
  const std::string range =
      std::to_string(kStretchHoldMinSeconds) + " to " + std::to_string(kStretchHoldMaxSeconds) + " seconds";
  if (e.kind == Kind::kStretch && !holds)
    out.push_back({0, "dose", "a stretch has no hold; expected hold_seconds: " + range});
  if (e.kind == Kind::kStretch && d.hold_breaths)
    out.push_back({0, "dose.hold_breaths",
                   "a stretch is held for counted breaths; expected a timed hold, hold_seconds: " + range});
  for (const auto& [key, value] :
       {std::pair{"dose.hold_seconds", d.hold_seconds}, std::pair{"dose.hold_seconds_max", d.hold_seconds_max}}) {
    if (e.kind == Kind::kStretch && value && (*value < kStretchHoldMinSeconds || *value > kStretchHoldMaxSeconds))
      out.push_back(
          {0, key,
           "a stretch hold of " + std::to_string(*value) + " s is outside what the sources give; expected " + range});
  }
  if (!holds && !d.tempo)
    out.push_back({0, "dose", "a rep exercise has no tempo; expected tempo: {up: S, hold: S, down: S}"});
  if (d.tempo && d.tempo->total() < 1)
    out.push_back({0, "dose.tempo", "the tempo adds up to 0 seconds; expected at least 1 second per rep"});
  if (d.reps_max && *d.reps_max < d.reps)
    out.push_back({0, "dose.reps_max", "reps_max is below reps; expected reps_max >= reps"});
  if (d.hold_seconds_max && !d.hold_seconds)
    out.push_back({0, "dose.hold_seconds_max", "hold_seconds_max without hold_seconds; expected both or neither"});
  if (d.hold_seconds_max && d.hold_seconds && *d.hold_seconds_max < *d.hold_seconds)
    out.push_back(
        {0, "dose.hold_seconds_max", "hold_seconds_max is below hold_seconds; expected it to be at least as long"});
}

void check_demands(const Exercise& e, std::vector<Problem>& out) {
  const bool kneels = e.position == Position::kKneeling || e.position == Position::kAllFours;
  if (kneels && !e.has_demand(Demand::kKneeling))
    out.push_back({0, "demands",
                   "the position is " + std::string(to_string(e.position)) +
                       " but demands do not list kneeling; expected kneeling in demands"});
  const bool lies = e.position == Position::kLyingOnBack || e.position == Position::kLyingOnFront ||
                    e.position == Position::kLyingOnSide || e.position == Position::kAllFours;
  if (lies && !e.has_demand(Demand::kFloor))
    out.push_back({0, "demands",
                   "the position is " + std::string(to_string(e.position)) +
                       " but demands do not list floor; expected floor in demands"});
}

void check_sources(const Exercise& e, std::vector<Problem>& out) {
  if (e.from_articles && e.sources.empty())
    out.push_back(
        {0, "sources", "an exercise from the articles names no source article; expected at least one file name"});
  if (!e.from_articles && e.references.empty())
    out.push_back({0, "references",
                   "an exercise not from the articles cites no reference; expected at least one published source"});
  for (const auto& s : e.sources) {
    const bool looks_right = s.size() > 4 && s.substr(s.size() - 4) == ".txt";
    if (!looks_right)
      out.push_back(
          {0, "sources", "source \"" + s + "\" is not an article file name; expected e.g. 003_f27ba83ac46c3e53.txt"});
  }
  for (const auto& need : e.equipment_needed) {
    if (std::find(e.equipment_optional.begin(), e.equipment_optional.end(), need) != e.equipment_optional.end())
      out.push_back(
          {0, "equipment.optional",
           std::string(to_string(need)) + " is listed as both needed and optional; expected it in one list only"});
  }
}

}  // namespace

std::vector<Problem> check_exercise(const Exercise& e) {
  std::vector<Problem> out;
  check_dose(e, out);
  check_demands(e, out);
  check_sources(e, out);
  return out;
}

std::vector<Problem> check_catalog(const std::vector<Exercise>& exercises) {
  std::vector<Problem> out;
  std::map<std::string, std::size_t> first_index;
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    for (Problem p : check_exercise(exercises[i])) {
      p.index = i;
      out.push_back(std::move(p));
    }
    if (exercises[i].id.empty()) continue;
    auto [it, inserted] = first_index.emplace(exercises[i].id, i);
    if (!inserted)
      out.push_back({i, "id",
                     "duplicate id \"" + exercises[i].id + "\", already used in " + exercises[it->second].file +
                         "; expected every id to be unique"});
  }
  std::vector<std::string> known;
  known.reserve(first_index.size());
  for (const auto& [id, index] : first_index) known.push_back(id);
  for (std::size_t i = 0; i < exercises.size(); ++i) {
    const Exercise& e = exercises[i];
    auto check_links = [&](const std::vector<Variant>& variants, const std::string& list) {
      for (std::size_t v = 0; v < variants.size(); ++v) {
        const std::string& target = variants[v].exercise;
        if (target.empty()) continue;
        const std::string field = "variants." + list + "[" + std::to_string(v + 1) + "].exercise";
        if (target == e.id) {
          out.push_back({i, field, "a variant links to the exercise itself; expected another exercise's id"});
        } else if (first_index.count(target) == 0) {
          auto near = closest_matches(target, known, 1);
          std::string msg = "variant links to \"" + target + "\", which is not in the catalog; expected an existing id";
          if (!near.empty()) msg += " (did you mean \"" + near.front() + "\"?)";
          out.push_back({i, field, msg});
        }
      }
    };
    check_links(e.easier, "easier");
    check_links(e.harder, "harder");
  }
  return out;
}

int dose_seconds(const Dose& d, int breath_seconds) {
  int per_rep = 0;
  if (d.hold_seconds)
    per_rep = *d.hold_seconds;
  else if (d.hold_breaths)
    per_rep = *d.hold_breaths * breath_seconds;
  if (d.tempo) per_rep += d.tempo->total();
  if (d.hold_seconds || d.hold_breaths) per_rep += 3;  // getting into and out of the hold
  const int sides = d.sides == Sides::kEach ? 2 : 1;
  const int work = per_rep * d.reps * d.sets * sides;
  const int rests = d.rest_seconds * (d.sets - 1) * sides;
  const int side_change = d.sides == Sides::kEach ? 5 : 0;
  return work + rests + side_change;
}

}  // namespace kc
