#include "core/plan/shortfall.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/catalog/vocabulary.h"
#include "core/common/text.h"
#include "core/plan/civil_date.h"

namespace kc {
namespace {

std::string kind_phrase(Kind kind) {
  switch (kind) {
    case Kind::kStrength:
      return "a strengthening exercise";
    case Kind::kStretch:
      return "a stretch";
    case Kind::kMobility:
      return "a mobility exercise";
  }
  return "an exercise";
}

std::vector<std::string> ability_words(const Blockers& b) {
  std::vector<std::string> out;
  if (b.kneeling) out.emplace_back("kneeling");
  if (b.floor) out.emplace_back("getting down to the floor");
  if (b.deep_knee_bend) out.emplace_back("a deep knee bend, which is too much with your pain or cautions");
  if (b.bend_past_90) out.emplace_back("bending the knee past a right angle, which you said you cannot do");
  if (b.clinician) out.emplace_back("what the clinician who cleared you ruled out");
  return out;
}

// What to add so a blocked exercise becomes possible, e.g. "a sturdy chair" or "a mat and a
// chair or counter to hold for balance".
std::string addition(const Blockers& b) {
  std::vector<std::string> items;
  for (Equipment q : b.equipment) items.push_back(equipment_phrase(q));
  if (b.balance_support) items.emplace_back("a chair or a counter to hold for balance");
  return join(items, " and ");
}

// One way to fix a slot: an addition and the exercises it would allow.
struct Remedy {
  std::string addition;
  std::vector<std::string> exercises;
};

std::string describe(const Remedy& r, bool first) {
  std::vector<std::string> names;
  for (const auto& n : r.exercises) names.push_back("the " + n);
  return fmt::format("{}{}{} (for {})", first ? "add " : "", r.addition, first ? " to your equipment" : "",
                     join_or(names));
}

// Builds the fix from every catalog exercise of `kind` that works group `g` (or any group when
// nullopt) and that the person cannot do: the additions that would allow the most exercises
// first (at most three), or, when only abilities stand in the way, which ones and why.
std::string fix_from(const Catalog& catalog, const Profile& p, Kind kind, std::optional<ChainGroup> g) {
  std::vector<Remedy> remedies;
  std::vector<std::string> hard;
  for (const auto& e : catalog.all()) {
    if (e.kind != kind || (g && !works(e, *g))) continue;
    const Blockers b = blockers(e, p);
    const auto abilities = ability_words(b);
    if (abilities.empty() && (b.only_equipment() || b.balance_support)) {
      const std::string add = addition(b);
      auto it = std::find_if(remedies.begin(), remedies.end(), [&](const Remedy& r) { return r.addition == add; });
      if (it == remedies.end()) it = remedies.insert(remedies.end(), Remedy{add, {}});
      it->exercises.push_back(e.name);
    } else if (!abilities.empty()) {
      hard.push_back(fmt::format("the {} needs {}", e.name, join(abilities, " and ")));
    }
  }
  if (!remedies.empty()) {
    std::stable_sort(remedies.begin(), remedies.end(),
                     [](const Remedy& a, const Remedy& b) { return a.exercises.size() > b.exercises.size(); });
    if (remedies.size() > 3) remedies.resize(3);
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < remedies.size(); ++i) parts.push_back(describe(remedies[i], i == 0));
    return fmt::format("{}; then run the plan again", join(parts, ", or "));
  }
  if (!hard.empty()) return fmt::format("{}; ask a physiotherapist for a version you can do", join(hard, ", and "));
  return "the exercise catalog has nothing for this yet; ask a physiotherapist what to do instead";
}

std::string day_list(const std::vector<Weekday>& days) {
  std::vector<std::string> names;
  names.reserve(days.size());
  for (Weekday d : days) names.emplace_back(weekday_label(d));
  return join_or(names);
}

}  // namespace

std::string excluded_because(const Exercise& e, const Profile& p) {
  const Blockers b = blockers(e, p);
  if (!b.any()) return "";
  std::vector<std::string> parts;
  const auto abilities = ability_words(b);
  if (!abilities.empty()) parts.push_back("it needs " + join(abilities, " and "));
  if (!b.equipment.empty() || b.balance_support) parts.push_back("it needs " + addition(b));
  return join(parts, "; ");
}

std::string equipment_phrase(Equipment e) {
  switch (e) {
    case Equipment::kChair:
      return "a sturdy chair";
    case Equipment::kStep:
      return "a step (a stair or an aerobic step)";
    case Equipment::kWall:
      return "a clear wall";
    case Equipment::kMat:
      return "a mat";
    case Equipment::kBooks:
      return "a stack of books";
    case Equipment::kCounter:
      return "a counter";
    case Equipment::kBand:
      return "an exercise band";
  }
  return std::string(to_string(e));
}

Missing missing_for_slot(const Catalog& catalog, const Profile& p, Kind kind, ChainGroup g) {
  return {fmt::format("{} for {}", kind_phrase(kind), label(g)), fix_from(catalog, p, kind, g)};
}

Missing missing_mobility(const Catalog& catalog, const Profile& p) {
  return {"a mobility exercise for the hips or ankles", fix_from(catalog, p, Kind::kMobility, std::nullopt)};
}

Missing missing_days(const std::vector<Weekday>& days) {
  const std::string have = days.empty() ? "no days" : fmt::format("only {}", weekday_label(days.front()));
  return {fmt::format("at least two exercise days a week (your answers give {})", have),
          "add days to `days` in your answers: strengthening needs two days a week with a rest day between, and "
          "stretching is best most days"};
}

Missing missing_strength_days(const std::vector<Weekday>& days, const std::vector<Weekday>& additions) {
  std::vector<std::string> names;
  names.reserve(days.size());
  for (Weekday d : days) names.emplace_back(weekday_label(d));
  std::string fix = "add a day that is not next to your other days";
  if (!additions.empty()) fix = fmt::format("add {} to `days` in your answers", day_list(additions));
  return {fmt::format("two strengthening days with a rest day between: {} are next to each other, so at most one "
                      "strengthening day fits (muscles need about 48 hours to recover between sessions)",
                      join(names, " and ")),
          fix + "; once a week is too little to build strength (exercise guidelines advise 2-3 days a week)"};
}

Missing missing_minutes(int needed_seconds, int minutes_per_session) {
  const int needed = (needed_seconds + 59) / 60;
  return {fmt::format("enough time for one exercise per muscle group: the shortest balanced session takes about {} "
                      "minutes, and your answers give {}",
                      needed, minutes_per_session),
          fmt::format("set minutes_per_session to {} or more in your answers", needed)};
}

}  // namespace kc
