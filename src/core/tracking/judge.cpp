#include "core/tracking/judge.h"

#include <algorithm>
#include <cmath>

#include "core/tracking/attempts.h"
#include "core/tracking/feedback.h"

namespace kc::tracking {
namespace {

std::optional<CivilDate> last_change_date(const History& h, const std::string& plan_exercise_id) {
  std::optional<CivilDate> last;
  for (const auto& c : h.changes) {
    if (c.plan == h.plan.id && c.exercise_id == plan_exercise_id && c.decision != store::DoseDecision::kHold) {
      last = c.date;
    }
  }
  return last;
}

bool changed_since(const History& h, const std::string& plan_exercise_id, TimePoint t) {
  return std::any_of(h.changes.begin(), h.changes.end(), [&](const store::DoseChange& c) {
    return c.plan == h.plan.id && c.exercise_id == plan_exercise_id && c.at >= t;
  });
}

const store::PlanSession* plan_session(const store::PlanRecord& plan, const std::string& id) {
  for (const auto& s : plan.sessions) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

// Evidence for one plan exercise with respect to `session` (nullopt: no session judged).
ExerciseEvidence evidence_for(const History& h, const CurrentDose& current, const Catalog& catalog,
                              const std::optional<store::SessionLog>& session) {
  ExerciseEvidence ev;
  ev.current = current;
  ev.exercise = catalog.find(current.exercise_id);
  ev.last_change = last_change_date(h, current.plan_exercise_id);
  if (auto limit = h.limits.find(current.plan_exercise_id); limit != h.limits.end()) ev.limit = limit->second;
  if (!session) return ev;
  ev.changed_since_session = changed_since(h, current.plan_exercise_id, session->started_at);
  const auto* ps = plan_session(h.plan, session->session);
  if (ps == nullptr) return ev;
  for (std::size_t i = 0; i < ps->exercises.size(); ++i) {
    if (ps->exercises[i].exercise_id != current.plan_exercise_id) continue;
    ev.in_session = true;
    for (const auto& log : h.logs) {
      if (log.session == session->id && log.position == static_cast<int>(i)) {
        ev.outcome = log.outcome;
        ev.pain_during = log.pain;
        ev.feedback = log.feedback;
      }
    }
  }
  if (!ev.pain_during) ev.pain_during = session->pain_during;
  return ev;
}

std::string name_of(const Catalog& catalog, const std::string& id) {
  const Exercise* e = catalog.find(id);
  return e != nullptr ? e->name : id;
}

}  // namespace

int usual_pain(const History& h, TimePoint before) {
  int usual = h.plan.baseline_pain;
  for (const auto& m : h.measurements) {
    if (m.measure == store::kPainNow && m.taken_at < before) usual = static_cast<int>(std::lround(m.value));
  }
  return usual;
}

std::optional<double> weekly_mean(const History& h, CivilDate day, int offset_days) {
  const CivilDate last = day - date::days{offset_days};
  const CivilDate first = last - date::days{6};
  double sum = 0;
  int n = 0;
  for (const auto& m : h.measurements) {
    if (m.measure == store::kPainNextMorning && m.date >= first && m.date <= last) {
      sum += m.value;
      ++n;
    }
  }
  if (n < 2) return std::nullopt;
  return sum / n;
}

std::vector<Judgement> judge_after_session(const History& h, store::Id session, const Catalog& catalog,
                                           const CanDo& can_do, CivilDate today) {
  std::vector<Judgement> out;
  const auto it =
      std::find_if(h.sessions.begin(), h.sessions.end(), [&](const store::SessionLog& s) { return s.id == session; });
  if (it == h.sessions.end()) return out;
  const auto* ps = plan_session(h.plan, it->session);
  if (ps == nullptr) return out;
  const auto doses = current_doses(h.plan, h.changes);
  const PainPicture pain{std::nullopt, usual_pain(h, it->started_at), std::nullopt, std::nullopt, h.pain_limit};
  for (const auto& pe : ps->exercises) {
    const auto& current = doses.at(pe.exercise_id);
    auto ev = evidence_for(h, current, catalog, *it);
    if (ev.exercise == nullptr) continue;
    out.push_back({pe.exercise_id, name_of(catalog, current.exercise_id), current,
                   with_feedback(decide(ev, pain, Moment::kAfterSession, today, catalog, can_do), ev,
                                 Moment::kAfterSession, pain.limit, catalog, can_do)});
  }
  return out;
}

std::optional<store::SessionLog> session_for_check_in(const History& h, CivilDate today, TimePoint now) {
  std::optional<TimePoint> previous;
  for (const auto& c : h.check_ins) {
    if (c.at <= now) previous = c.at;
  }
  std::vector<store::SessionLog> candidates;
  for (const auto& s : h.sessions) {
    if (s.date != today && s.date != today - date::days{1}) continue;
    if (s.started_at > now || (previous && s.started_at <= *previous)) continue;
    candidates.push_back(s);
  }
  // The latest day with a sitting, and of its sittings the better attempt.
  const auto best = best_attempts(candidates, h.logs, h.plan.id);
  if (best.empty()) return std::nullopt;
  return best.back();
}

std::vector<Judgement> judge_at_check_in(const History& h, int next_morning, const Catalog& catalog,
                                         const CanDo& can_do, CivilDate today, TimePoint now) {
  History with = h;
  store::Measurement m;
  m.person = h.plan.person;
  m.measure = store::kPainNextMorning;
  m.taken_at = now;
  m.date = today;
  m.value = next_morning;
  with.measurements.push_back(m);

  const auto session = session_for_check_in(h, today, now);
  PainPicture pain;
  pain.next_morning = next_morning;
  pain.usual = usual_pain(h, session ? session->started_at : now);
  pain.this_week = weekly_mean(with, today, 0);
  pain.last_week = weekly_mean(with, today, 7);
  pain.limit = h.pain_limit;

  std::vector<Judgement> out;
  const auto doses = current_doses(h.plan, h.changes);
  for (const auto& [id, current] : doses) {
    auto ev = evidence_for(h, current, catalog, session);
    if (ev.exercise == nullptr) continue;
    out.push_back({id, name_of(catalog, current.exercise_id), current,
                   with_feedback(decide(ev, pain, Moment::kCheckIn, today, catalog, can_do), ev, Moment::kCheckIn,
                                 pain.limit, catalog, can_do)});
  }
  return out;
}

std::vector<store::DoseChange> to_changes(const std::vector<Judgement>& judgements, const store::PlanRecord& plan,
                                          TimePoint at, CivilDate date) {
  std::vector<store::DoseChange> out;
  for (const auto& j : judgements) {
    if (!j.decision.changed()) continue;
    store::DoseChange c;
    c.person = plan.person;
    c.plan = plan.id;
    c.at = at;
    c.date = date;
    c.exercise_id = j.plan_exercise_id;
    c.now_doing = j.decision.now_doing;
    c.decision = j.decision.decision;
    c.from = j.before.dose;
    c.to = j.decision.to;
    c.reason = j.decision.reason;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace kc::tracking
