#include "core/intake/intake_vocabulary.h"

#include <array>
#include <utility>

#include "core/common/name_table.h"

namespace kc {
namespace {

constexpr NameTable<KneeSide, 3> kKneeSides{
    {{KneeSide::kLeft, "left"}, {KneeSide::kRight, "right"}, {KneeSide::kBoth, "both"}}};

constexpr NameTable<PainLocation, 5> kLocations{{{PainLocation::kFront, "front"},
                                                 {PainLocation::kInner, "inner"},
                                                 {PainLocation::kOuter, "outer"},
                                                 {PainLocation::kBack, "back"},
                                                 {PainLocation::kWhole, "whole"}}};

constexpr NameTable<Onset, 2> kOnsets{{{Onset::kGradual, "gradual"}, {Onset::kInjury, "injury"}}};

constexpr NameTable<Weekday, 7> kWeekdays{{{Weekday::kMon, "mon"},
                                           {Weekday::kTue, "tue"},
                                           {Weekday::kWed, "wed"},
                                           {Weekday::kThu, "thu"},
                                           {Weekday::kFri, "fri"},
                                           {Weekday::kSat, "sat"},
                                           {Weekday::kSun, "sun"}}};

}  // namespace

std::string_view to_string(KneeSide k) { return name_of(kKneeSides, k); }
std::string_view to_string(PainLocation l) { return name_of(kLocations, l); }
std::string_view to_string(Onset o) { return name_of(kOnsets, o); }
std::string_view to_string(Weekday d) { return name_of(kWeekdays, d); }

std::optional<KneeSide> parse_knee_side(std::string_view s) { return value_of(kKneeSides, s); }
std::optional<PainLocation> parse_pain_location(std::string_view s) { return value_of(kLocations, s); }
std::optional<Onset> parse_onset(std::string_view s) { return value_of(kOnsets, s); }
std::optional<Weekday> parse_weekday(std::string_view s) { return value_of(kWeekdays, s); }

std::vector<std::string> knee_side_names() { return names_of(kKneeSides); }
std::vector<std::string> pain_location_names() { return names_of(kLocations); }
std::vector<std::string> onset_names() { return names_of(kOnsets); }
std::vector<std::string> weekday_names() { return names_of(kWeekdays); }

}  // namespace kc
