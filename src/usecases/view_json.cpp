#include "usecases/view_json.h"

#include "core/catalog/describe.h"
#include "core/store/codec.h"

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
           {"dose_text",
            e != nullptr ? describe_dose(item.current.dose, e->phase_words) : describe_dose(item.current.dose)},
           {"reason", item.current.reason},
           {"changed_on", item.current.changed_on ? Json(to_iso(*item.current.changed_on)) : Json(nullptr)}});
    }
    j["exercises"] = items;
  }
  j["next"] = t.next ? Json{{"date", to_iso(t.next->date)}, {"session", t.next->session}} : Json(nullptr);
  j["review_due"] = outcome.review.due;
  j["see_clinician"] = outcome.review.see_clinician;
  j["paused"] = pause_json(outcome.paused);
  Json messages = Json::array();
  for (const auto& m : outcome.messages) messages.push_back(message_json(m));
  j["messages"] = messages;
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

Json program_change_json(const store::ProgramChange& c) {
  const bool limit = c.kind == store::ChangeKind::kLimit;
  const auto text_or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"id", c.id},
              {"kind", store::to_string(c.kind)},
              {"exercise", text_or_null(c.exercise)},
              {"replacement", text_or_null(c.replacement)},
              {"dose", c.dose && !limit ? dose_to_json(*c.dose) : Json(nullptr)},
              {"limit", c.dose && limit ? dose_to_json(*c.dose) : Json(nullptr)},
              {"text", text_or_null(c.text)},
              {"by", c.by},
              {"at", store::format_instant(c.at)},
              {"date", to_iso(c.date)},
              {"reason", c.reason},
              {"override_reason", text_or_null(c.override_reason)},
              {"overridden_rule", text_or_null(c.overridden_rule)}};
}

Json message_json(const store::ProgramChange& c) {
  return Json{{"id", c.id}, {"by", c.by}, {"at", store::format_instant(c.at)}, {"text", c.text}};
}

Json pause_json(const std::optional<store::ProgramChange>& pause) {
  if (!pause) return nullptr;
  return Json{{"by", pause->by},
              {"at", store::format_instant(pause->at)},
              {"date", to_iso(pause->date)},
              {"reason", pause->reason}};
}

void add_program_changes(Json& j, const std::vector<store::ProgramChange>& changes) {
  Json made = Json::array();
  Json messages = Json::array();
  for (const auto& c : changes) {
    if (c.kind == store::ChangeKind::kMessage) {
      messages.push_back(message_json(c));
    } else {
      made.push_back(program_change_json(c));
    }
  }
  j["changes"] = made;
  j["messages"] = messages;
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
