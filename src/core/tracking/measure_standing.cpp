#include "core/tracking/measure_standing.h"

#include <fmt/format.h>

#include <cmath>

namespace kc::tracking {
namespace {

// "Mon 7 Dec", as people write dates.
std::string day_text(CivilDate d) {
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day ymd{d};
  return fmt::format("{} {} {}", weekday_short(weekday_of(d)), static_cast<unsigned>(ymd.day()),
                     kMonths[static_cast<unsigned>(ymd.month()) - 1]);
}

std::string number(double v) { return std::floor(v) == v ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v); }

std::string unit(const MeasureDef& def, double v) {
  const bool one = std::fabs(v) == 1;
  if (def.id == store::kChairStand) return one ? "stand" : "stands";
  return one ? "point" : "points";
}

std::string value_text(const MeasureDef& def, double v) {
  if (def.id == store::kGrc) {
    const std::string label = anchor_label(def, static_cast<int>(v));
    return label.empty() ? fmt::format("{:+.0f}", v) : fmt::format("{:+.0f} ({})", v, label);
  }
  return fmt::format("{} {}", number(v), unit(def, v));
}

std::string verdict(const Standing& s, const MeasureDef& def) {
  if (!s.threshold) return "";
  const std::string limit = threshold_text(def);
  if (s.meaningful) {
    return fmt::format(" That is a meaningful {} (a change of {} or more counts).",
                       s.direction == "better" ? "improvement" : "worsening", limit);
  }
  return fmt::format(" That is less than the {} that count as a meaningful change.", limit);
}

}  // namespace

std::string threshold_text(const MeasureDef& def) {
  if (!def.meaningful_change) return "";
  return fmt::format("{} {}", number(*def.meaningful_change), unit(def, *def.meaningful_change));
}

Standing standing_of(const MeasureDef& def, const History& h) {
  Standing s;
  s.measure = def.id;
  s.threshold = def.meaningful_change;
  for (const auto& m : h.measurements) {
    if (m.measure != def.id) continue;
    if (!s.first) s.first = m;
    s.latest = m;
    ++s.count;
  }
  const std::string limit = threshold_text(def);
  if (!s.latest) {
    s.summary = "Not measured yet.";
    return s;
  }
  const bool grc = def.id == store::kGrc;
  if (!grc && s.count == 1) {
    s.summary = fmt::format("Your start: {} on {}. Measure again in a few weeks to see the change{}.",
                            value_text(def, s.first->value), day_text(s.first->date),
                            limit.empty() ? "" : fmt::format("; a change of {} or more is meaningful", limit));
    return s;
  }
  const double change = grc ? s.latest->value : s.latest->value - s.first->value;
  s.change = change;
  s.direction = change > 0 ? "better" : change < 0 ? "worse" : "same";
  s.meaningful = s.threshold && std::fabs(change) >= *s.threshold && change != 0;
  if (grc) {
    s.summary = fmt::format("Your latest rating, on {}: {}. It is itself the change since you started.",
                            day_text(s.latest->date), value_text(def, change));
  } else if (change == 0) {
    s.summary =
        fmt::format("No change since your start on {} ({}).", day_text(s.first->date), value_text(def, s.first->value));
  } else {
    s.summary = fmt::format("From {} on {} to {} on {}: {} {}.", value_text(def, s.first->value),
                            day_text(s.first->date), value_text(def, s.latest->value), day_text(s.latest->date),
                            change > 0 ? "up" : "down", value_text(def, std::fabs(change)));
  }
  if (change != 0) s.summary += verdict(s, def);
  return s;
}

}  // namespace kc::tracking
