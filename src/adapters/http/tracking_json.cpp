#include "adapters/http/tracking_json.h"

#include <algorithm>
#include <set>

#include "core/common/pain.h"
#include "core/store/codec.h"
#include "core/tracking/camera_log.h"
#include "core/tracking/charts.h"
#include "core/tracking/feedback.h"
#include "usecases/check_in_json.h"

namespace kc::http {
namespace {

std::string name_of(const Catalog& catalog, const std::string& id) {
  const Exercise* e = catalog.find(id);
  return e != nullptr ? e->name : id;
}

Json optional_number(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Json week_summary_json(const tracking::WeekSummary& w, const Catalog& catalog) {
  Json j;
  j["week"] = w.week ? Json(*w.week) : Json(nullptr);
  j["first"] = to_iso(w.first);
  j["last"] = to_iso(w.last);
  j["planned"] = w.planned;
  j["planned_so_far"] = w.planned_so_far;
  j["done"] = w.done;
  j["partly"] = w.partly;
  j["pain_this_week"] = optional_number(w.pain_this_week);
  j["pain_last_week"] = optional_number(w.pain_last_week);
  j["pain_trend"] = w.pain_trend;
  j["dose_changes"] = changes_json(w.changes, catalog);
  j["next"] = w.next ? Json{{"date", to_iso(w.next->date)}, {"session", w.next->session}} : Json(nullptr);
  j["review"] = w.review ? Json(to_iso(*w.review)) : Json(nullptr);
  j["lines"] = w.lines;
  return j;
}

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
          {"feedback", l.feedback == store::ExerciseFeedback::kNone ? Json(nullptr)
                                                                    : Json(std::string(store::to_string(l.feedback)))},
          {"feedback_words",
           l.feedback == store::ExerciseFeedback::kNone ? Json(nullptr) : Json(tracking::feedback_words(l.feedback))},
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

Json judgements_json(const std::vector<tracking::Judgement>& judgements) {
  Json list = Json::array();
  for (const auto& j : judgements) {
    list.push_back({{"exercise", j.plan_exercise_id},
                    {"name", j.name},
                    {"decision", std::string(store::to_string(j.decision.decision))},
                    {"rule", j.decision.rule},
                    {"reason", j.decision.reason}});
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

Json progress_json(const usecases::ProgressOutcome& p, const Catalog& catalog, const SignNames& sign_names) {
  const tracking::History& h = p.history;
  Json j;
  j["date"] = to_iso(p.date);
  j["stopped"] = h.plan.stopped_at.has_value();
  j["week"] = p.week ? Json(*p.week) : Json(nullptr);
  j["week_text"] = p.week_text;
  Json weeks = Json::array();
  for (int w = 1; w <= p.calendar.weeks; ++w)
    weeks.push_back({{"week", w}, {"start", to_iso(p.calendar.first_day(w))}, {"end", to_iso(p.calendar.last_day(w))}});
  j["weeks"] = weeks;
  Json bands = Json::array();
  for (const auto& b : pain_band_ranges())
    bands.push_back({{"band", b.name},
                     {"meaning", b.meaning},
                     {"lowest", b.lowest},
                     {"highest", b.highest},
                     {"label", tracking::band_label(b)}});
  j["pain_bands"] = bands;
  const auto& a = p.adherence;
  j["adherence"] = Json{{"planned", a.planned}, {"done", a.done}, {"partly", a.partly}, {"percent", a.percent}};
  j["review"] = review_json(p.review);
  j["week_summary"] = week_summary_json(p.week_summary, catalog);
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
                        {"week", p.calendar.week_of(s.date) ? Json(*p.calendar.week_of(s.date)) : Json(nullptr)},
                        {"session", s.session},
                        {"status", std::string(store::to_string(s.status))},
                        {"pain_during", s.pain_during ? Json(*s.pain_during) : Json(nullptr)},
                        {"exercises", exercises}});
  }
  j["sessions"] = sessions;
  Json check_ins = Json::array();
  for (const auto& c : h.check_ins) check_ins.push_back(usecases::check_in_record_json(c, sign_names));
  j["check_ins"] = check_ins;
  Json doses = Json::array();
  std::set<std::string> listed;
  for (const auto& session : p.sessions) {
    for (const auto& d : session.exercises) {
      if (!listed.insert(d.plan_exercise_id).second) continue;
      doses.push_back({{"exercise", d.plan_exercise_id},
                       {"now_doing", d.exercise_id},
                       {"name", d.name},
                       {"dose", dose_to_json(d.dose)},
                       {"dose_text", d.dose_text},
                       {"reason", d.change_reason},
                       {"changed_on", d.changed_on ? Json(to_iso(*d.changed_on)) : Json(nullptr)}});
    }
  }
  j["doses"] = doses;
  return j;
}

}  // namespace kc::http
