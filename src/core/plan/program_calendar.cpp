#include "core/plan/program_calendar.h"

#include <fmt/format.h>

namespace kc {

std::optional<int> ProgramCalendar::week_of(CivilDate d) const {
  const auto days = (d - start).count();
  if (days < 0) return std::nullopt;
  const int week = static_cast<int>(days / 7) + 1;
  if (week > weeks) return std::nullopt;
  return week;
}

CivilDate ProgramCalendar::first_day(int week) const { return start + date::days{7 * (week - 1)}; }

CivilDate ProgramCalendar::last_day(int week) const { return first_day(week) + date::days{6}; }

std::string ProgramCalendar::describe(CivilDate d) const {
  if (const auto w = week_of(d)) return fmt::format("week {} of {}", *w, weeks);
  if (d < start) return fmt::format("before the program starts (week 1 starts {})", describe_date(start));
  return fmt::format("after the program (it ended {})", describe_date(end()));
}

}  // namespace kc
