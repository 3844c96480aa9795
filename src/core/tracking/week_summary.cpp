#include "core/tracking/week_summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/plan/program_calendar.h"
#include "core/tracking/progression.h"
#include "core/tracking/review.h"

namespace kc::tracking {
namespace {

// Mean of the ratings of `measure` dated first..last; nullopt without any.
std::optional<double> mean_of(const History& h, const char* measure, CivilDate first, CivilDate last) {
  double sum = 0;
  int n = 0;
  for (const auto& m : h.measurements) {
    if (m.measure != measure || m.date < first || m.date > last) continue;
    sum += m.value;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

std::optional<double> week_pain(const History& h, CivilDate first, CivilDate last) {
  if (auto morning = mean_of(h, store::kPainNextMorning, first, last)) return morning;
  return mean_of(h, store::kPainDuring, first, last);
}

std::string sessions_line(const WeekSummary& w) {
  std::string line = fmt::format("Sessions: {} of the {} planned so far this week done", w.done, w.planned_so_far);
  if (w.partly > 0) line += fmt::format(", {} stopped early", w.partly);
  if (w.planned > w.planned_so_far) line += fmt::format(" ({} planned in the whole week)", w.planned);
  return line + ".";
}

std::string pain_line(const WeekSummary& w) {
  if (!w.pain_this_week) return "Pain: no ratings this week yet; the morning check-in adds one.";
  if (w.pain_trend.empty()) return fmt::format("Pain: {:.1f}/10 on average this week.", *w.pain_this_week);
  if (w.pain_trend == "about the same") {
    return fmt::format("Pain: {:.1f}/10 on average this week, about the same as last week ({:.1f}/10).",
                       *w.pain_this_week, *w.pain_last_week);
  }
  return fmt::format("Pain: {:.1f}/10 on average this week, {} than last week ({:.1f}/10).", *w.pain_this_week,
                     w.pain_trend, *w.pain_last_week);
}

std::string name_of(const Catalog& catalog, const std::string& id) {
  const Exercise* e = catalog.find(id);
  return e != nullptr ? e->name : id;
}

}  // namespace

WeekSummary week_summary(const History& h, CivilDate today, const Catalog& catalog) {
  const ProgramCalendar calendar{h.plan.start, h.plan.weeks};
  WeekSummary w;
  w.week = calendar.week_of(today);
  const int shown = w.week.value_or(today < calendar.start ? 1 : calendar.weeks);
  w.first = calendar.first_day(shown);
  w.last = calendar.last_day(shown);
  const CivilDate until = std::min(today, w.last);
  for (const auto& d : h.plan.calendar) {
    if (d.date < w.first || d.date > w.last) continue;
    ++w.planned;
    if (d.date <= today) ++w.planned_so_far;
  }
  if (until >= w.first) {
    const Adherence to = adherence(h, until);
    const Adherence before = adherence(h, w.first - date::days{1});
    w.done = to.done - before.done;
    w.partly = to.partly - before.partly;
  }
  w.pain_this_week = week_pain(h, w.first, until);
  w.pain_last_week = week_pain(h, w.first - date::days{7}, w.first - date::days{1});
  if (w.pain_this_week && w.pain_last_week) {
    const double d = *w.pain_this_week - *w.pain_last_week;
    w.pain_trend = d <= -kWeeklyRise ? "lower" : d >= kWeeklyRise ? "higher" : "about the same";
  }
  for (const auto& c : h.changes) {
    if (c.date >= w.first && c.date <= until) w.changes.push_back(c);
  }
  for (const auto& d : h.plan.calendar) {
    if (d.date > today) {
      w.next = d;
      break;
    }
  }
  const CivilDate review = review_date(h.plan);
  if (review >= today && (review - today).count() <= 7) w.review = review;

  w.lines.push_back(sessions_line(w));
  w.lines.push_back(pain_line(w));
  if (w.changes.empty()) {
    w.lines.push_back("Doses: no changes this week.");
  } else {
    for (const auto& c : w.changes) {
      const char* verb = c.decision == store::DoseDecision::kProgress ? "stepped up" : "eased";
      w.lines.push_back(fmt::format("Doses: {} {} on {}, {} -> {}: {}.", name_of(catalog, c.now_doing), verb,
                                    describe_day(c.date), short_dose(c.from), short_dose(c.to), c.reason));
    }
  }
  if (w.next) {
    std::string title = "session " + w.next->session;
    for (const auto& ps : h.plan.sessions) {
      if (ps.id == w.next->session && !ps.title.empty()) title = ps.title;
    }
    w.lines.push_back(fmt::format("Next: {} on {}.", title, describe_day(w.next->date)));
  } else {
    w.lines.push_back("Next: no more sessions are planned; this program is complete.");
  }
  if (w.review)
    w.lines.push_back(fmt::format("Review on {}: compare your pain with the start.", describe_day(*w.review)));
  return w;
}

}  // namespace kc::tracking
