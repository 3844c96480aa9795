#include "adapters/http/tracking_json.h"

#include <algorithm>
#include <set>

#include "core/catalog/describe.h"
#include "core/store/codec.h"
#include "core/tracking/camera_log.h"
#include "core/tracking/today.h"

namespace kc::http {
namespace {

std::string name_of(const Catalog& catalog, const std::string& id) {
  const Exercise* e = catalog.find(id);
  return e != nullptr ? e->name : id;
}

}  // namespace

Json exercise_log_json(const store::ExerciseLog& l, const Catalog& catalog) {
  const auto camera = tracking::parse_camera_text(l.camera_json);
  return {{"position", l.position},
          {"exercise", l.exercise_id},
          {"name", name_of(catalog, l.exercise_id)},
          {"outcome", std::string(store::to_string(l.outcome))},
          {"sets", l.sets_done},
          {"reps", l.reps_done},
          {"holds", l.holds_done},
          {"seconds", l.seconds},
          {"pain", l.pain ? Json(*l.pain) : Json(nullptr)},
          {"camera", camera && *camera ? tracking::camera_summary_json(**camera) : Json(nullptr)}};
}

Json changes_json(const std::vector<store::DoseChange>& changes, const Catalog& catalog) {
  Json list = Json::array();
  for (const auto& c : changes) {
    Json j;
    j["exercise"] = c.exercise_id;
    j["now_doing"] = c.now_doing;
    j["name"] = name_of(catalog, c.now_doing);
    j["decision"] = std::string(store::to_string(c.decision));
    j["from"] = dose_to_json(c.from);
    j["to"] = dose_to_json(c.to);
    j["reason"] = c.reason;
    list.push_back(j);
  }
  return list;
}

Json review_json(const tracking::PainReview& review) {
  Json j;
  j["due"] = review.due;
  j["date"] = to_iso(review.date);
  j["see_clinician"] = review.see_clinician;
  j["message"] = review.message;
  return j;
}

Json measurement_json(const store::Measurement& m) {
  Json j;
  j["id"] = m.id;
  j["measure"] = m.measure;
  j["date"] = to_iso(m.date);
  j["value"] = m.value;
  Json items = Json::array();
  for (const auto& i : m.items) items.push_back({{"label", i.label}, {"value", i.value}});
  j["items"] = items;
  return j;
}

Json progress_json(const tracking::History& h, CivilDate today, const Catalog& catalog) {
  Json j;
  j["date"] = to_iso(today);
  j["stopped"] = h.plan.stopped_at.has_value();
  const auto a = tracking::adherence(h, today);
  j["adherence"] = Json{{"planned", a.planned}, {"done", a.done}, {"partly", a.partly}, {"percent", a.percent}};
  j["review"] = review_json(tracking::pain_review(h, today));
  Json series;
  for (const char* id : {store::kPainDuring, store::kPainNextMorning, store::kPainNow, store::kPainWorst24h,
                         store::kChairStand, store::kPsfs, store::kGrc}) {
    Json points = Json::array();
    for (const auto& m : h.measurements) {
      if (m.measure == id) points.push_back({{"date", to_iso(m.date)}, {"value", m.value}});
    }
    series[id] = points;
  }
  j["series"] = series;
  Json sessions = Json::array();
  for (const auto& s : h.sessions) {
    if (s.plan != h.plan.id) continue;
    std::vector<const store::ExerciseLog*> logs;
    for (const auto& l : h.logs) {
      if (l.session == s.id) logs.push_back(&l);
    }
    std::stable_sort(logs.begin(), logs.end(), [](auto* x, auto* y) { return x->position < y->position; });
    Json exercises = Json::array();
    for (const auto* l : logs) exercises.push_back(exercise_log_json(*l, catalog));
    sessions.push_back({{"id", s.id},
                        {"date", to_iso(s.date)},
                        {"session", s.session},
                        {"status", std::string(store::to_string(s.status))},
                        {"pain_during", s.pain_during ? Json(*s.pain_during) : Json(nullptr)},
                        {"exercises", exercises}});
  }
  j["sessions"] = sessions;
  Json doses = Json::array();
  const auto current = tracking::current_doses(h.plan, h.changes);
  std::set<std::string> listed;
  for (const auto& session : h.plan.sessions) {
    for (const auto& e : session.exercises) {
      if (!listed.insert(e.exercise_id).second) continue;
      const auto it = current.find(e.exercise_id);
      if (it == current.end()) continue;
      doses.push_back({{"exercise", e.exercise_id},
                       {"now_doing", it->second.exercise_id},
                       {"name", name_of(catalog, it->second.exercise_id)},
                       {"dose", dose_to_json(it->second.dose)},
                       {"dose_text", describe_dose(it->second.dose)},
                       {"reason", it->second.reason}});
    }
  }
  j["doses"] = doses;
  return j;
}

}  // namespace kc::http
