#include "core/tracking/review.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/plan/program_calendar.h"
#include "core/tracking/attempts.h"

namespace kc::tracking {
namespace {

bool is_rest_pain(const store::Measurement& m) {
  return m.measure == store::kPainNow || m.measure == store::kPainNextMorning;
}

std::optional<double> mean(double sum, int n) {
  if (n == 0) return std::nullopt;
  return sum / n;
}

}  // namespace

CivilDate review_date(const store::PlanRecord& plan) {
  return plan.reviews.empty() ? ProgramCalendar{plan.start, plan.weeks}.end() : plan.reviews.front();
}

std::string review_goal(int baseline) {
  const std::string rule = fmt::format("your usual pain should have fallen by at least {:.0f} points or {:.0f}%",
                                       kPainFallPoints, kPainFallPercent);
  if (baseline <= 0) return "you had no pain at the start, so the review looks at what you can do instead";
  // Whichever of the two falls is smaller is enough.
  const double fall = std::min(kPainFallPoints, baseline * kPainFallPercent / 100.0);
  const int target = static_cast<int>(std::floor(baseline - fall + 1e-9));
  return fmt::format("{} (from {}/10 to {}/10 or less)", rule, baseline, std::max(target, 0));
}

PainReview pain_review(const History& h, CivilDate today) {
  PainReview r;
  r.baseline = h.plan.baseline_pain;
  r.date = review_date(h.plan);
  r.due = today >= r.date;
  double sum = 0;
  int n = 0;
  std::optional<double> latest;
  for (const auto& m : h.measurements) {
    if (!is_rest_pain(m) || m.date > today) continue;
    latest = m.value;
    if (m.date > today - date::days{7}) {
      sum += m.value;
      ++n;
    }
  }
  r.current = n > 0 ? mean(sum, n) : latest;
  if (r.current) {
    r.fell_points = r.baseline - *r.current;
    r.fell_percent = r.baseline > 0 ? 100.0 * r.fell_points / r.baseline : 0.0;
    r.improved =
        r.fell_points >= kPainFallPoints - 1e-9 || (r.baseline > 0 && r.fell_percent >= kPainFallPercent - 1e-9);
  }
  if (!r.due) {
    r.message = fmt::format("The review is on {}: by then pain should have fallen by at least 2 points or 30%.",
                            describe_date(r.date));
  } else if (r.baseline == 0) {
    r.message = "You had no pain at the start, so the review looks at function (PSFS and chair stand) instead.";
  } else if (!r.current) {
    r.message = "The review is due, but there are no pain ratings: rate your pain with `kneecoach measure pain`.";
  } else if (r.improved) {
    r.message = fmt::format(
        "Pain has fallen from {}/10 to {:.1f}/10 ({:.0f}%): a meaningful improvement "
        "(at least 2 points or 30%, Farrar 2001). Keep going.",
        r.baseline, *r.current, r.fell_percent);
  } else {
    r.see_clinician = true;
    r.message = fmt::format(
        "After 6 weeks your pain went from {}/10 to {:.1f}/10, less than the 2 points or 30% that count as a real "
        "improvement (Farrar 2001). Please see a physiotherapist or doctor to check the diagnosis and the program.",
        r.baseline, *r.current);
  }
  return r;
}

Adherence adherence(const History& h, CivilDate today) {
  Adherence a;
  for (const auto& d : h.plan.calendar) {
    if (d.date <= today) ++a.planned;
  }
  // A day counts once, by its better attempt (a repeat is kept but not counted again).
  for (const auto& s : best_attempts(h.sessions, h.logs, h.plan.id)) {
    if (s.date > today) continue;
    if (s.status == store::SessionStatus::kFinished) {
      ++a.done;
    } else if (s.status == store::SessionStatus::kQuit) {
      const bool any = std::any_of(h.logs.begin(), h.logs.end(), [&](const store::ExerciseLog& l) {
        return l.session == s.id && l.outcome != store::ExerciseOutcome::kSkipped;
      });
      if (any) ++a.partly;
    }
  }
  a.percent = a.planned == 0 ? 0 : std::min(100, static_cast<int>(std::lround(100.0 * a.done / a.planned)));
  return a;
}

std::vector<PainWeek> pain_by_week(const History& h, CivilDate today) {
  const ProgramCalendar calendar{h.plan.start, h.plan.weeks};
  // Weeks up to today's (all of them once the program is over; none before it starts).
  const int last = today < calendar.start ? 0 : calendar.week_of(today).value_or(calendar.weeks);
  std::vector<PainWeek> weeks;
  for (int w = 1; w <= last; ++w) {
    double sd = 0, sm = 0, sn = 0;
    int nd = 0, nm = 0, nn = 0;
    for (const auto& m : h.measurements) {
      if (m.date > today || calendar.week_of(m.date) != w) continue;
      if (m.measure == store::kPainDuring) {
        sd += m.value;
        ++nd;
      } else if (m.measure == store::kPainNextMorning) {
        sm += m.value;
        ++nm;
      } else if (m.measure == store::kPainNow) {
        sn += m.value;
        ++nn;
      }
    }
    weeks.push_back({w, mean(sd, nd), mean(sm, nm), mean(sn, nn)});
  }
  return weeks;
}

std::optional<double> Change::change() const {
  if (!first || !latest || first->id == latest->id) return std::nullopt;
  return latest->value - first->value;
}

Change change_of(const History& h, const std::string& measure) {
  Change c{measure, std::nullopt, std::nullopt};
  for (const auto& m : h.measurements) {
    if (m.measure != measure) continue;
    if (!c.first) c.first = m;
    c.latest = m;
  }
  return c;
}

std::string pain_trend(const std::vector<PainWeek>& weeks) {
  auto value = [](const PainWeek& w) -> std::optional<double> {
    if (w.next_morning) return w.next_morning;
    if (w.now) return w.now;
    return w.during;
  };
  std::optional<double> first, last;
  for (const auto& w : weeks) {
    if (auto v = value(w)) {
      if (!first) first = v;
      last = v;
    }
  }
  if (!first || !last || weeks.size() < 2) return "not enough ratings yet";
  const double d = *last - *first;
  if (d <= -1.0) return fmt::format("falling ({:.1f} -> {:.1f})", *first, *last);
  if (d >= 1.0) return fmt::format("rising ({:.1f} -> {:.1f})", *first, *last);
  return fmt::format("steady ({:.1f} -> {:.1f})", *first, *last);
}

}  // namespace kc::tracking
