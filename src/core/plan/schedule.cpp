#include "core/plan/schedule.h"

#include <algorithm>

namespace kc {
namespace {

std::vector<Weekday> sorted_unique(std::vector<Weekday> days) {
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

// Smallest gap around the week between consecutive days of a sorted set (7 for one day).
int smallest_gap(const std::vector<Weekday>& set) {
  int gap = 7;
  for (std::size_t i = 0; i < set.size(); ++i) gap = std::min(gap, days_forward(set[i], set[(i + 1) % set.size()]));
  return gap;
}

// The best spaced subset of exactly `k` of `days`, or empty.
std::vector<Weekday> best_of_size(const std::vector<Weekday>& days, std::size_t k) {
  std::vector<Weekday> best;
  int best_gap = 0;
  const unsigned n = static_cast<unsigned>(days.size());
  // Subsets in order of their bit patterns read from the first day: iterate masks so that
  // earlier days come first, and keep only strictly better ones.
  std::vector<std::vector<Weekday>> subsets;
  for (unsigned mask = 0; mask < (1U << n); ++mask) {
    std::vector<Weekday> set;
    for (unsigned i = 0; i < n; ++i)
      if ((mask & (1U << i)) != 0) set.push_back(days[i]);
    if (set.size() == k && spaced_apart(set)) subsets.push_back(std::move(set));
  }
  std::sort(subsets.begin(), subsets.end());
  for (const auto& set : subsets) {
    const int gap = smallest_gap(set);
    if (best.empty() || gap > best_gap) {
      best = set;
      best_gap = gap;
    }
  }
  return best;
}

}  // namespace

int days_forward(Weekday a, Weekday b) {
  const int diff = (static_cast<int>(b) - static_cast<int>(a) + 7) % 7;
  return diff == 0 ? 7 : diff;
}

bool adjacent(Weekday a, Weekday b) { return a != b && (days_forward(a, b) == 1 || days_forward(b, a) == 1); }

bool spaced_apart(const std::vector<Weekday>& days) {
  for (std::size_t i = 0; i < days.size(); ++i)
    for (std::size_t j = i + 1; j < days.size(); ++j)
      if (days[i] == days[j] || adjacent(days[i], days[j])) return false;
  return true;
}

std::vector<Weekday> choose_strength_days(const std::vector<Weekday>& days, int wanted) {
  const auto set = sorted_unique(days);
  for (int k = std::min<int>(wanted, static_cast<int>(set.size())); k >= 1; --k) {
    auto best = best_of_size(set, static_cast<std::size_t>(k));
    if (!best.empty()) return best;
  }
  return {};
}

std::vector<Weekday> days_allowing_two(const std::vector<Weekday>& days) {
  std::vector<Weekday> out;
  for (int i = 0; i < 7; ++i) {
    const auto d = static_cast<Weekday>(i);
    if (std::find(days.begin(), days.end(), d) != days.end()) continue;
    auto more = days;
    more.push_back(d);
    if (choose_strength_days(more, 2).size() >= 2) out.push_back(d);
  }
  return out;
}

std::vector<ScheduledSession> lay_out(CivilDate start, int weeks, const std::vector<Weekday>& days,
                                      const std::vector<Weekday>& strength_days) {
  const ProgramCalendar calendar{start, weeks};
  std::vector<ScheduledSession> out;
  for (CivilDate day = start; day <= calendar.end(); day += date::days{1}) {
    const Weekday wd = weekday_of(day);
    if (std::find(days.begin(), days.end(), wd) == days.end()) continue;
    const bool strength = std::find(strength_days.begin(), strength_days.end(), wd) != strength_days.end();
    out.push_back({day, *calendar.week_of(day), strength ? SessionKind::kStrength : SessionKind::kFlexibility});
  }
  return out;
}

std::vector<ReviewPoint> review_points(CivilDate start, int weeks) {
  std::vector<int> at;
  if (weeks >= kReviewWeek) at.push_back(kReviewWeek);
  if (weeks != kReviewWeek) at.push_back(weeks);
  const ProgramCalendar calendar{start, weeks};
  std::vector<ReviewPoint> out;
  for (int week : at) {
    ReviewPoint r;
    r.week = week;
    r.date = calendar.last_day(week);
    r.what = week == kReviewWeek
                 ? "Review after 6 weeks: compare your pain (0-10) with when you started. Two points or about a third "
                   "lower is a real improvement: keep going, and make the exercises a little harder. If it is no "
                   "better, or worse, see a physiotherapist or doctor before carrying on."
                 : "Review at the end of the plan: compare your pain (0-10) with when you started. If it is no better, "
                   "or worse, see a physiotherapist or doctor; if it is better, run kneecoach plan again for the next "
                   "weeks.";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kc
