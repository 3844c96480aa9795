#include "usecases/view_json.h"

#include "core/catalog/describe.h"

namespace kc::usecases {
namespace {

Json week_json(const std::optional<int>& week) { return week ? Json(*week) : Json(nullptr); }

}  // namespace

Json today_json(const TodayOutcome& outcome, const Catalog& catalog) {
  const tracking::Today& t = outcome.today;
  Json j;
  j["date"] = to_iso(t.date);
  j["week"] = week_json(outcome.week);
  j["week_text"] = outcome.week_text;
  j["scheduled"] = t.scheduled.has_value();
  j["done"] = t.done;
  if (t.session) {
    j["session"] = t.session->session;
    j["title"] = t.session->title;
    Json items = Json::array();
    for (const auto& item : t.session->items) {
      const Exercise* e = catalog.find(item.current.exercise_id);
      items.push_back(
          {{"position", item.position},
           {"exercise", item.current.exercise_id},
           {"name", e != nullptr ? e->name : item.current.exercise_id},
           {"block", item.block},
           {"dose", dose_to_json(item.current.dose)},
           {"dose_text", describe_dose(item.current.dose)},
           {"reason", item.current.reason},
           {"changed_on", item.current.changed_on ? Json(to_iso(*item.current.changed_on)) : Json(nullptr)}});
    }
    j["exercises"] = items;
  }
  j["next"] = t.next ? Json{{"date", to_iso(t.next->date)}, {"session", t.next->session}} : Json(nullptr);
  j["review_due"] = outcome.review.due;
  j["see_clinician"] = outcome.review.see_clinician;
  return j;
}

Json dose_in_force_json(const DoseInForce& d) {
  return Json{{"plan_exercise", d.plan_exercise_id},
              {"exercise", d.exercise_id},
              {"name", d.name},
              {"block", d.block},
              {"dose", dose_to_json(d.dose)},
              {"dose_text", d.dose_text},
              {"why", d.why},
              {"changed_on", d.changed_on ? Json(to_iso(*d.changed_on)) : Json(nullptr)},
              {"change_reason", d.change_reason}};
}

Json program_in_force_json(const ProgramInForce& p) {
  Json sessions = Json::array();
  for (const auto& s : p.sessions) {
    Json exercises = Json::array();
    for (const auto& d : s.exercises) exercises.push_back(dose_in_force_json(d));
    sessions.push_back(
        {{"id", s.id}, {"kind", s.kind}, {"title", s.title}, {"minutes", s.minutes}, {"exercises", exercises}});
  }
  return Json{
      {"date", to_iso(p.date)}, {"week", week_json(p.week)}, {"week_text", p.week_text}, {"sessions", sessions}};
}

}  // namespace kc::usecases
