#include "core/tracking/move_day.h"

#include <fmt/format.h>

#include <cstdlib>

#include "core/plan/program_calendar.h"

namespace kc::tracking {
namespace {

bool is_strength(const store::PlanRecord& plan, const std::string& session) {
  for (const auto& s : plan.sessions) {
    if (s.id == session) return s.kind == "strength";
  }
  return false;
}

// A strength session other than the one on `except` planned on `day`.
bool strength_on(const store::PlanRecord& plan, CivilDate day, CivilDate except) {
  const auto* d = planned_on(plan, day);
  return d != nullptr && day != except && is_strength(plan, d->session);
}

Error bad_to(CivilDate to, const std::string& why) {
  return make_error(errc::kInvalid, "to", fmt::format("to: {} {}", describe_day(to), why));
}

}  // namespace

const store::PlanDay* planned_on(const store::PlanRecord& plan, CivilDate day) {
  for (const auto& d : plan.calendar) {
    if (d.date == day) return &d;
  }
  return nullptr;
}

Status check_move(const store::PlanRecord& plan, CivilDate from, CivilDate to, CivilDate today) {
  const auto* moving = planned_on(plan, from);
  if (moving == nullptr) {
    return make_error(errc::kNotFound, "from", fmt::format("from: no session is planned on {}", describe_day(from)));
  }
  if (from < today) {
    return make_error(
        errc::kInvalid, "from",
        fmt::format("from: the session of {} is in the past; only a coming session moves", describe_day(from)));
  }
  if (to == from) return bad_to(to, "is the day it is planned on already");
  if (to < today) return bad_to(to, "is in the past; choose today or a later day");
  const ProgramCalendar calendar{plan.start, plan.weeks};
  if (!calendar.contains(to)) return bad_to(to, "is outside the program");
  if (std::abs((to - from).count()) > kMoveWindowDays) {
    return bad_to(to, fmt::format("is more than {} days from {}; choose a day closer to it", kMoveWindowDays,
                                  describe_day(from)));
  }
  if (planned_on(plan, to) != nullptr) {
    return make_error(errc::kConflict, "to",
                      fmt::format("to: a session is already planned on {}; choose a rest day", describe_day(to)));
  }
  if (is_strength(plan, moving->session) &&
      (strength_on(plan, to - date::days{1}, from) || strength_on(plan, to + date::days{1}, from))) {
    return bad_to(to, "is next to another strengthening day; muscles need 48 hours between them");
  }
  return Ok{};
}

std::vector<CivilDate> move_days(const store::PlanRecord& plan, CivilDate from, CivilDate today) {
  std::vector<CivilDate> out;
  for (int k = -kMoveWindowDays; k <= kMoveWindowDays; ++k) {
    const CivilDate to = from + date::days{k};
    if (check_move(plan, from, to, today)) out.push_back(to);
  }
  return out;
}

}  // namespace kc::tracking
