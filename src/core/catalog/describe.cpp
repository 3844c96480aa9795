#include "core/catalog/describe.h"

#include <fmt/format.h>

#include <cctype>

#include "core/catalog/vocabulary.h"
#include "core/common/text.h"

namespace kc {
namespace {

std::string side_words(Sides s) {
  switch (s) {
    case Sides::kEach:
      return " on each side";
    case Sides::kAlternate:
      return ", alternating sides";
    case Sides::kBoth:
      return "";
  }
  return "";
}

std::string plural(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

std::string hold_words(const Dose& d) {
  if (d.hold_seconds) {
    std::string s = fmt::format("{} s", *d.hold_seconds);
    if (d.hold_seconds_max && *d.hold_seconds_max > *d.hold_seconds)
      s += fmt::format(" (building to {} s)", *d.hold_seconds_max);
    return s;
  }
  if (d.hold_breaths) return plural(*d.hold_breaths, "slow breath", "slow breaths");
  return "";
}

// "Sit back" -> "sit back": a phase word inside a sentence.
std::string lower_first(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return word;
}

}  // namespace

std::string describe_dose(const Dose& d) { return describe_dose(d, PhaseWords{"up", "hold", "down"}); }

std::string describe_dose(const Dose& d, const PhaseWords& words) {
  std::string out;
  const std::string hold = hold_words(d);
  const bool is_hold = !hold.empty();
  const std::string unit = is_hold ? (d.reps == 1 ? "hold" : "holds") : (d.reps == 1 ? "rep" : "reps");
  if (d.sets > 1) {
    out = fmt::format("{} sets of {} {}", d.sets, d.reps, unit);
  } else {
    out = fmt::format("{} {}", d.reps, unit);
  }
  if (is_hold) out += " of " + hold;
  out += side_words(d.sides);
  if (d.tempo && d.tempo->total() > 0) {
    std::vector<std::string> phases;
    if (d.tempo->up > 0) phases.push_back(fmt::format("{} s {}", d.tempo->up, lower_first(words.up)));
    if (d.tempo->hold > 0) phases.push_back(fmt::format("{} s {}", d.tempo->hold, lower_first(words.hold)));
    if (d.tempo->down > 0) phases.push_back(fmt::format("{} s {}", d.tempo->down, lower_first(words.down)));
    out += " (" + join(phases) + ")";
  }
  if (d.rest_seconds > 0 && d.sets > 1) out += fmt::format(", rest {} s between sets", d.rest_seconds);
  if (d.reps_max && *d.reps_max > d.reps && !is_hold) out += fmt::format("; build up to {} reps", *d.reps_max);
  if (!d.note.empty()) out += "; " + d.note;
  return out;
}

std::string describe_frequency(const Frequency& f) {
  std::string out;
  if (f.daily()) {
    out = "every day";
  } else if (f.per_week_min == f.per_week_max) {
    out = f.per_week_min == 1 ? "once a week" : fmt::format("{} times a week", f.per_week_min);
  } else {
    out = fmt::format("{}-{} times a week", f.per_week_min, f.per_week_max);
  }
  if (!f.daily() && f.rest_days_between > 0)
    out += f.rest_days_between == 1 ? ", with at least a day off between"
                                    : fmt::format(", with at least {} days off between", f.rest_days_between);
  if (f.after_workouts) out += ", and after workouts";
  return out;
}

std::string describe_equipment(const Exercise& e) {
  auto names = [](const std::vector<Equipment>& list) {
    std::vector<std::string> out;
    out.reserve(list.size());
    for (Equipment q : list) out.emplace_back(to_string(q));
    return out;
  };
  const auto needed = names(e.equipment_needed);
  const auto optional = names(e.equipment_optional);
  if (needed.empty() && optional.empty()) return "nothing";
  std::string out = needed.empty() ? "nothing needed" : join(needed, " and ");
  if (!optional.empty()) out += "; optional: " + join_or(optional);
  return out;
}

}  // namespace kc
