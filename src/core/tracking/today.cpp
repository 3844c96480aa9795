#include "core/tracking/today.h"

#include <algorithm>

namespace kc::tracking {

std::map<std::string, CurrentDose> current_doses(const store::PlanRecord& plan,
                                                 const std::vector<store::DoseChange>& changes) {
  std::map<std::string, CurrentDose> doses;
  for (const auto& session : plan.sessions) {
    for (const auto& e : session.exercises) {
      doses.try_emplace(e.exercise_id, CurrentDose{e.exercise_id, e.exercise_id, e.dose, "", std::nullopt});
    }
  }
  for (const auto& c : changes) {
    if (c.plan != plan.id) continue;
    auto it = doses.find(c.exercise_id);
    if (it == doses.end()) continue;
    it->second.exercise_id = c.now_doing.empty() ? c.exercise_id : c.now_doing;
    it->second.dose = c.to;
    it->second.reason = c.reason;
    it->second.changed_on = c.date;
  }
  return doses;
}

std::optional<SessionToDo> session_to_do(const store::PlanRecord& plan, const std::string& session_id,
                                         const std::vector<store::DoseChange>& changes) {
  const auto it = std::find_if(plan.sessions.begin(), plan.sessions.end(),
                               [&](const store::PlanSession& s) { return s.id == session_id; });
  if (it == plan.sessions.end()) return std::nullopt;
  const auto doses = current_doses(plan, changes);
  SessionToDo todo{it->id, it->kind, it->title, {}};
  int position = 0;
  for (const auto& e : it->exercises) {
    todo.items.push_back(SessionItem{position++, e.block, doses.at(e.exercise_id)});
  }
  return todo;
}

Today today(const store::PlanRecord& plan, const std::vector<store::DoseChange>& changes,
            const std::vector<store::SessionLog>& sessions, CivilDate date) {
  Today t;
  t.date = date;
  t.stopped = plan.stopped_at.has_value();
  for (const auto& day : plan.calendar) {
    if (day.date == date) t.scheduled = day;
    if (day.date > date && !t.next) t.next = day;
  }
  t.before_start = date < plan.start;
  t.after_end = !plan.calendar.empty() && date > plan.calendar.back().date;
  if (t.scheduled) t.session = session_to_do(plan, t.scheduled->session, changes);
  t.done = std::any_of(sessions.begin(), sessions.end(), [&](const store::SessionLog& s) {
    return s.plan == plan.id && s.date == date && s.status == store::SessionStatus::kFinished;
  });
  return t;
}

}  // namespace kc::tracking
