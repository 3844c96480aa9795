#include "core/tracking/plan_record.h"

#include <nlohmann/json.hpp>

namespace kc::tracking {

store::PlanRecord to_record(const Plan& plan, store::PersonId person, int baseline_pain, TimePoint created_at,
                            std::string plan_json) {
  store::PlanRecord r;
  r.person = person;
  r.created_at = created_at;
  r.start = plan.start;
  r.weeks = plan.weeks;
  r.level = std::string(to_string(plan.level));
  r.baseline_pain = baseline_pain;
  for (const auto& s : plan.sessions) {
    store::PlanSession session;
    session.id = s.id;
    session.kind = s.kind == SessionKind::kStrength ? "strength" : "flexibility";
    session.title = s.title;
    for (const auto& e : s.exercises) {
      session.exercises.push_back(
          {e.exercise->id, e.block == Block::kStrength ? "strength" : "flexibility", e.dose, e.reason});
    }
    r.sessions.push_back(std::move(session));
  }
  for (const auto& day : plan.calendar) {
    const auto* s = plan.session(day.kind);
    r.calendar.push_back({day.date, day.week, s != nullptr ? s->id : std::string("A")});
  }
  for (const auto& review : plan.reviews) r.reviews.push_back(review.date);
  r.plan_json = std::move(plan_json);
  return r;
}

int start_pain(const store::PlanRecord& plan) {
  const auto doc = nlohmann::json::parse(plan.plan_json, nullptr, false);
  if (doc.is_object() && doc.contains("pain") && doc.at("pain").is_number_integer()) {
    const int pain = doc.at("pain").get<int>();
    if (pain >= 0 && pain <= 10) return pain;
  }
  return plan.baseline_pain;
}

}  // namespace kc::tracking
