#include "core/clinic/attention.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/common/pain.h"
#include "core/plan/program_calendar.h"
#include "core/tracking/judge.h"
#include "core/tracking/review.h"
#include "core/tracking/weekly_rise.h"
#include "core/triage/clearance.h"
#include "core/triage/level.h"

namespace kc::clinic {
namespace {

using date::days;

TimePoint midnight(CivilDate d) { return TimePoint{d}; }

// Whether `d` is one of the `n` days ending today.
bool within(CivilDate d, CivilDate today, int n) { return d <= today && d > today - days{n}; }

int rounded(double pain) { return static_cast<int>(std::lround(pain)); }

bool is_rating(const store::Measurement& m) {
  return m.measure == store::kPainNow || m.measure == store::kPainNextMorning || m.measure == store::kPainDuring;
}

std::string rating_words(const store::Measurement& m) {
  if (m.measure == store::kPainNextMorning) return "next morning";
  if (m.measure == store::kPainDuring) return "during a session";
  return "pain now";
}

// The acceptable pain of the person (acceptable_pain): the ceiling of the clearance their plan
// was built under, or the usual limit (also when that clearance cannot be read).
PainLimit pain_limit_of(const PatientRecords& r) {
  if (!r.clearance_json) return acceptable_pain(std::nullopt);
  auto clearance = clearance_from_json(nlohmann::json::parse(*r.clearance_json, nullptr, false));
  return acceptable_pain(clearance ? clearance->limits.pain_ceiling : std::nullopt);
}

// tracking's view of the records, so its rules run on them unchanged.
tracking::History history_of(const PatientRecords& r) {
  tracking::History h;
  h.pain_limit = pain_limit_of(r);
  if (r.plan) h.plan = *r.plan;
  h.sessions = r.sessions;
  h.measurements = r.pain;
  h.check_ins = r.check_ins;
  return h;
}

std::string joined_signs(const std::vector<std::string>& signs, const SignNames& names) {
  std::string out;
  for (const auto& s : signs) out += (out.empty() ? "" : ", ") + sign_name(names, s);
  return out;
}

std::optional<Flag> warning_sign(const PatientRecords& r, const SignNames& names) {
  const store::CheckIn* latest = nullptr;
  for (const auto& c : r.check_ins) {
    if (refers(c.triage_level) && (latest == nullptr || c.at > latest->at)) latest = &c;
  }
  if (latest == nullptr) return std::nullopt;
  const auto level = parse_level(latest->triage_level);
  const std::string meaning = level ? std::string(level_meaning(*level)) : "an unknown level";
  std::string detail = fmt::format("The check-in of {} sent them to a clinician: {} ({})", describe_date(latest->date),
                                   latest->triage_level, meaning);
  if (!latest->red_flags.empty()) detail += "; new signs: " + joined_signs(latest->red_flags, names);
  if (latest->stopped_program) detail += "; the program was stopped";
  return Flag{FlagKind::kWarningSign, latest->at, latest->at, detail + ".", false, std::nullopt};
}

std::optional<Flag> pain_above_band(const PatientRecords& r, const PainLimit& limit, CivilDate today) {
  const store::Measurement* first = nullptr;
  const store::Measurement* latest = nullptr;
  int count = 0;
  for (const auto& m : r.pain) {
    if (!is_rating(m) || !within(m.date, today, kAboveBandDays) ||
        pain_band(rounded(m.value), limit) != PainBand::kHigh)
      continue;
    ++count;
    if (first == nullptr || m.taken_at < first->taken_at) first = &m;
    if (latest == nullptr || m.taken_at > latest->taken_at) latest = &m;
  }
  if (latest == nullptr) return std::nullopt;
  std::string detail = fmt::format("Pain {}/10 ({}) on {} is above the acceptable band (over {} is too much{})",
                                   rounded(latest->value), rating_words(*latest), describe_date(latest->date),
                                   limit.most, limit.from_clinician() ? ": " + pain_limit_why(limit) : "");
  if (count > 1) detail += fmt::format("; {} ratings above it in the last {} days", count, kAboveBandDays);
  return Flag{FlagKind::kPainAboveBand, first->taken_at, latest->taken_at, detail + ".", false, std::nullopt};
}

struct Weeks {
  std::optional<double> this_week;  // mean next-morning pain of the 7 days ending the day
  std::optional<double> last_week;  // ... and of the 7 days before
  bool rising() const { return tracking::pain_rising_week_on_week(this_week, last_week); }
};

Weeks weeks_ending(const tracking::History& h, CivilDate day) {
  return Weeks{tracking::weekly_mean(h, day, 0), tracking::weekly_mean(h, day, 7)};
}

std::optional<Flag> pain_rising(const tracking::History& h, CivilDate today) {
  const auto now = weeks_ending(h, today);
  if (!now.rising()) return std::nullopt;
  // The rise began on the first of the consecutive days, up to today, on which it held.
  CivilDate began = today;
  const CivilDate earliest = today - days{kRecordsDays - 14};
  while (began > earliest && weeks_ending(h, began - days{1}).rising()) {
    began -= days{1};
  }
  const std::string detail = fmt::format(
      "Next-morning pain averaged {:.1f}/10 over the last 7 days, up from {:.1f}/10 the 7 days before (a rise of "
      "{:.0f} "
      "point or more counts); rising since {}.",
      *now.this_week, *now.last_week, tracking::kWeeklyRise, describe_date(began));
  return Flag{FlagKind::kPainRising, midnight(began), midnight(began), detail, false, std::nullopt};
}

std::optional<Flag> no_session(const PatientRecords& r, CivilDate today) {
  if (!r.plan || r.plan->stopped_at) return std::nullopt;
  const store::PlanRecord& plan = *r.plan;
  if (today > ProgramCalendar{plan.start, plan.weeks}.end()) return std::nullopt;
  std::optional<CivilDate> last;
  for (const auto& s : r.sessions) {
    if (s.plan != plan.id || s.status == store::SessionStatus::kInProgress || s.date > today) continue;
    if (!last || s.date > *last) last = s.date;
  }
  const CivilDate anchor = last.value_or(plan.start - days{1});
  const CivilDate since = anchor + days{kNoSessionDays};
  if (today < since) return std::nullopt;
  const int gap = static_cast<int>((today - anchor).count());
  const std::string detail =
      last ? fmt::format("No session for {} days: the last was on {}.", gap, describe_date(*last))
           : fmt::format("No session yet: the program started on {}, {} days ago.", describe_date(plan.start), gap - 1);
  return Flag{FlagKind::kNoSession, midnight(since), midnight(since), detail, false, std::nullopt};
}

std::optional<Flag> review_due(const tracking::History& h, const PatientRecords& r, CivilDate today) {
  if (!r.plan || r.plan->stopped_at) return std::nullopt;
  const tracking::PainReview review = tracking::pain_review(h, today);
  if (!review.due) return std::nullopt;
  std::string detail = fmt::format("The week-6 review was due on {}: ", describe_date(review.date));
  if (review.baseline == 0) {
    detail += "no pain at the start, so look at function (PSFS, chair stand).";
  } else if (!review.current) {
    detail += fmt::format("pain was {}/10 at the start, with no rating since.", review.baseline);
  } else if (review.improved) {
    detail += fmt::format("pain fell from {}/10 to {:.1f}/10 ({:.0f}%), a meaningful improvement.", review.baseline,
                          *review.current, review.fell_percent);
  } else {
    detail += fmt::format(
        "pain went from {}/10 to {:.1f}/10, less than the {:.0f} points or {:.0f}% that count as an improvement; "
        "check the diagnosis and the program.",
        review.baseline, *review.current, tracking::kPainFallPoints, tracking::kPainFallPercent);
  }
  return Flag{FlagKind::kReviewDue, midnight(review.date), midnight(review.date), detail, false, std::nullopt};
}

int weight(FlagKind kind) {
  switch (kind) {
    case FlagKind::kWarningSign:
      return 1000;
    case FlagKind::kPainAboveBand:
      return 300;
    case FlagKind::kPainRising:
      return 200;
    case FlagKind::kReviewDue:
      return 100;
    case FlagKind::kNoSession:
      return 50;
  }
  return 0;
}

}  // namespace

std::vector<Flag> flags(const PatientRecords& records, const std::vector<FlagReview>& reviews, CivilDate today,
                        const SignNames& sign_names) {
  const tracking::History h = history_of(records);
  std::vector<Flag> out;
  for (auto flag : {warning_sign(records, sign_names), pain_above_band(records, h.pain_limit, today),
                    pain_rising(h, today), review_due(h, records, today), no_session(records, today)}) {
    if (flag) out.push_back(std::move(*flag));
  }
  std::map<FlagKind, const FlagReview*> latest;
  for (const auto& r : reviews) {
    auto& slot = latest[r.kind];
    if (slot == nullptr || std::tie(r.seen_at, r.id) > std::tie(slot->seen_at, slot->id)) slot = &r;
  }
  for (auto& f : out) {
    const auto it = latest.find(f.kind);
    if (it == latest.end() || it->second->seen_at < f.latest) continue;
    f.seen = true;
    f.seen_note = it->second->note;
  }
  // A warning sign seen long ago is history, no longer a flag.
  std::erase_if(out, [&](const Flag& f) {
    return f.kind == FlagKind::kWarningSign && f.seen && f.latest < midnight(today - days{kSeenWarningDays});
  });
  return out;
}

int attention(const std::vector<Flag>& flags) {
  int sum = 0;
  for (const auto& f : flags) sum += f.seen ? 1 : weight(f.kind);
  return sum;
}

RecentAdherence recent_adherence(const PatientRecords& records, CivilDate today) {
  if (!records.plan) return {};
  // tracking::adherence over the last 4 weeks: the plan's days and the sessions in them.
  tracking::History h;
  h.plan = *records.plan;
  std::erase_if(h.plan.calendar, [&](const store::PlanDay& d) { return !within(d.date, today, kCaseloadDays); });
  for (const auto& s : records.sessions) {
    if (within(s.date, today, kCaseloadDays)) h.sessions.push_back(s);
  }
  const tracking::Adherence a = tracking::adherence(h, today);
  return RecentAdherence{a.done, a.planned, kCaseloadDays / 7};
}

std::vector<PainPoint> pain_sparkline(const PatientRecords& records, CivilDate today) {
  std::map<CivilDate, int> highest;
  for (const auto& m : records.pain) {
    if (!is_rating(m) || !within(m.date, today, kCaseloadDays)) continue;
    auto [it, added] = highest.try_emplace(m.date, rounded(m.value));
    if (!added) it->second = std::max(it->second, rounded(m.value));
  }
  std::vector<PainPoint> out;
  out.reserve(highest.size());
  for (const auto& [d, pain] : highest) out.push_back({d, pain});
  return out;
}

std::optional<store::CheckIn> last_check_in(const PatientRecords& records) {
  const store::CheckIn* latest = nullptr;
  for (const auto& c : records.check_ins) {
    if (latest == nullptr || std::tie(c.at, c.id) > std::tie(latest->at, latest->id)) latest = &c;
  }
  if (latest == nullptr) return std::nullopt;
  return *latest;
}

}  // namespace kc::clinic
