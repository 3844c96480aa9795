#include "core/plan/civil_date.h"

#include <fmt/format.h>

#include <array>

namespace kc {
namespace {

constexpr std::array<std::string_view, 7> kLabels{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 7> kShort{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::optional<int> digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

CivilDate make_date(int year, unsigned month, unsigned day) {
  return date::sys_days{date::year{year} / date::month{month} / date::day{day}};
}

std::optional<std::pair<int, int>> parse_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto hour = digits(text.substr(0, 2));
  const auto minute = digits(text.substr(3, 2));
  if (!hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
  return std::make_pair(static_cast<int>(*hour), static_cast<int>(*minute));
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = digits(text.substr(0, 4));
  const auto m = digits(text.substr(5, 2));
  const auto d = digits(text.substr(8, 2));
  if (!y || !m || !d || *y < 1900) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd};
}

std::string to_iso(CivilDate d) {
  const date::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

Weekday weekday_of(CivilDate d) {
  // date::weekday counts Sunday as 0; the intake counts from Monday.
  const unsigned iso = date::weekday{d}.iso_encoding();  // Monday 1 ... Sunday 7
  return static_cast<Weekday>(iso - 1);
}

int weekday_index(Weekday d) { return static_cast<int>(d); }

std::string_view weekday_label(Weekday d) { return kLabels[static_cast<std::size_t>(d)]; }
std::string_view weekday_short(Weekday d) { return kShort[static_cast<std::size_t>(d)]; }

std::string describe_date(CivilDate d) {
  return fmt::format("{} {}", describe_day(d), static_cast<int>(date::year_month_day{d}.year()));
}

std::string describe_day(CivilDate d) {
  const date::year_month_day ymd{d};
  return fmt::format("{} {} {}", weekday_short(weekday_of(d)), static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1]);
}

}  // namespace kc
