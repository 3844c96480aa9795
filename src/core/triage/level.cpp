#include "core/triage/level.h"

#include <array>

namespace kc {
namespace {

struct LevelInfo {
  Level level;
  std::string_view name;
  std::string_view meaning;
};

// Most serious first, as in the spec.
constexpr std::array<LevelInfo, 5> kLevels{{
    {Level::kEmergency, "emergency", "go to an emergency department now"},
    {Level::kUrgent, "urgent", "be seen by a doctor today"},
    {Level::kSeeClinician, "see_clinician", "see a doctor or physiotherapist before starting"},
    {Level::kCaution, "caution", "a gentle program may start, with the cautions below"},
    {Level::kGo, "go", "the program may start"},
}};

const LevelInfo& info(Level level) {
  for (const auto& entry : kLevels)
    if (entry.level == level) return entry;
  return kLevels.front();  // unreachable for valid levels; the most serious is the safe answer
}

}  // namespace

std::string_view to_string(Level level) { return info(level).name; }
std::string_view level_meaning(Level level) { return info(level).meaning; }

std::optional<Level> parse_level(std::string_view s) {
  for (const auto& entry : kLevels)
    if (entry.name == s) return entry.level;
  return std::nullopt;
}

std::vector<std::string> level_names() {
  std::vector<std::string> out;
  out.reserve(kLevels.size());
  for (const auto& entry : kLevels) out.emplace_back(entry.name);
  return out;
}

bool may_start_program(Level level) { return level == Level::kGo || level == Level::kCaution; }

bool refers(std::string_view level_name) {
  const auto level = parse_level(level_name);
  return !level || !may_start_program(*level);
}

}  // namespace kc
