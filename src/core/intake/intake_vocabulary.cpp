#include "core/intake/intake_vocabulary.h"

#include <array>
#include <utility>

namespace kc {
namespace {

template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<KneeSide, 3> kKneeSides{
    {{KneeSide::kLeft, "left"}, {KneeSide::kRight, "right"}, {KneeSide::kBoth, "both"}}};

constexpr Table<PainLocation, 5> kLocations{{{PainLocation::kFront, "front"},
                                             {PainLocation::kInner, "inner"},
                                             {PainLocation::kOuter, "outer"},
                                             {PainLocation::kBack, "back"},
                                             {PainLocation::kWhole, "whole"}}};

constexpr Table<Onset, 2> kOnsets{{{Onset::kGradual, "gradual"}, {Onset::kInjury, "injury"}}};

constexpr Table<Weekday, 7> kWeekdays{{{Weekday::kMon, "mon"},
                                       {Weekday::kTue, "tue"},
                                       {Weekday::kWed, "wed"},
                                       {Weekday::kThu, "thu"},
                                       {Weekday::kFri, "fri"},
                                       {Weekday::kSat, "sat"},
                                       {Weekday::kSun, "sun"}}};

template <typename E, std::size_t N>
std::string_view name_of(const Table<E, N>& table, E value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse(const Table<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

template <typename E, std::size_t N>
std::vector<std::string> names(const Table<E, N>& table) {
  std::vector<std::string> out;
  for (const auto& entry : table) out.emplace_back(entry.second);
  return out;
}

}  // namespace

std::string_view to_string(KneeSide k) { return name_of(kKneeSides, k); }
std::string_view to_string(PainLocation l) { return name_of(kLocations, l); }
std::string_view to_string(Onset o) { return name_of(kOnsets, o); }
std::string_view to_string(Weekday d) { return name_of(kWeekdays, d); }

std::optional<KneeSide> parse_knee_side(std::string_view s) { return parse(kKneeSides, s); }
std::optional<PainLocation> parse_pain_location(std::string_view s) { return parse(kLocations, s); }
std::optional<Onset> parse_onset(std::string_view s) { return parse(kOnsets, s); }
std::optional<Weekday> parse_weekday(std::string_view s) { return parse(kWeekdays, s); }

std::vector<std::string> knee_side_names() { return names(kKneeSides); }
std::vector<std::string> pain_location_names() { return names(kLocations); }
std::vector<std::string> onset_names() { return names(kOnsets); }
std::vector<std::string> weekday_names() { return names(kWeekdays); }

}  // namespace kc
