#include "adapters/calendar/time_zone.h"

#include <date/tz.h>

#include <exception>

namespace kc::calendar {
namespace {

bool is_utc_name(const std::string& name) { return name == "UTC" || name == "Etc/UTC" || name == "Z"; }

// A known zone, or nullptr.
const date::time_zone* find_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

Zone system_zone() {
  try {
    const date::time_zone* tz = date::current_zone();
    if (tz != nullptr && !is_utc_name(std::string(tz->name()))) return {std::string(tz->name()), tz};
  } catch (const std::exception&) {
    // No /etc/localtime or tz database: UTC below.
  }
  return {"UTC", nullptr};
}

}  // namespace

Result<Zone> resolve_zone(const std::string& requested, const char* tz_env) {
  if (!requested.empty()) {
    if (is_utc_name(requested)) return Zone{"UTC", nullptr};
    if (const date::time_zone* tz = find_zone(requested)) return Zone{requested, tz};
    return make_error("--tz: \"" + requested +
                      "\" is not a time zone in the tz database; expected a name such as Europe/London, "
                      "America/New_York or UTC");
  }
  if (tz_env != nullptr && *tz_env != '\0') {
    std::string name = tz_env;
    if (name.front() == ':') name.erase(0, 1);
    if (is_utc_name(name)) return Zone{"UTC", nullptr};
    if (const date::time_zone* tz = find_zone(name)) return Zone{name, tz};
  }
  return system_zone();
}

std::vector<Observance> observances(const Zone& zone, std::chrono::sys_seconds from, std::chrono::sys_seconds to) {
  using std::chrono::seconds;
  std::vector<Observance> out;
  date::sys_info info = zone.tz->get_info(from);
  const auto epoch = std::chrono::sys_seconds{};
  seconds before = info.offset;
  std::chrono::sys_seconds onset = epoch;
  if (info.begin > epoch) {
    onset = info.begin;
    before = zone.tz->get_info(info.begin - seconds{1}).offset;
  }
  while (true) {
    out.push_back({info.save != std::chrono::minutes{0}, onset, before, info.offset, info.abbrev});
    if (info.end > to) break;
    before = info.offset;
    onset = info.end;
    info = zone.tz->get_info(info.end);
  }
  return out;
}

}  // namespace kc::calendar
