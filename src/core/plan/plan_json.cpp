#include "core/plan/plan_json.h"

#include <algorithm>

#include "core/catalog/describe.h"
#include "core/catalog/vocabulary.h"
#include "core/intake/intake_vocabulary.h"
#include "core/plan/explain.h"

namespace kc {
namespace {

Json header(const char* status) {
  Json j;
  j["format"] = "kneecoach-plan";
  j["version"] = kPlanFormatVersion;
  j["status"] = status;
  return j;
}

Json day_list(const std::vector<Weekday>& days) {
  Json out = Json::array();
  for (Weekday d : days) out.push_back(to_string(d));
  return out;
}

std::string_view kind_name(SessionKind k) { return k == SessionKind::kStrength ? "strength" : "flexibility"; }

Json exercise_json(const PlannedExercise& item) {
  const Exercise& e = *item.exercise;
  Json j;
  j["id"] = e.id;
  j["name"] = e.name;
  j["kind"] = to_string(e.kind);
  j["block"] = item.block == Block::kStrength ? "strength" : "flexibility";
  Json groups = Json::array();
  for (ChainGroup g : groups_of(e)) groups.push_back(to_string(g));
  j["groups"] = groups;
  j["dose"] = dose_to_json(item.dose);
  j["dose_text"] = describe_dose(item.dose, item.exercise->phase_words);
  j["seconds"] = item.seconds;
  j["reason"] = item.reason;
  j["start_easier"] = item.start_easier.empty() ? Json(nullptr) : Json(item.start_easier);
  j["trimmed_to_fit"] = item.trimmed;
  return j;
}

Json session_json(const SessionTemplate& s) {
  Json j;
  j["id"] = s.id;
  j["kind"] = kind_name(s.kind);
  j["title"] = s.title;
  j["minutes"] = s.minutes();
  j["seconds"] = s.seconds;
  Json list = Json::array();
  for (const auto& item : s.exercises) list.push_back(exercise_json(item));
  j["exercises"] = list;
  return j;
}

Json week_json(const Plan& plan) {
  Json out = Json::array();
  for (int i = 0; i < 7; ++i) {
    const auto d = static_cast<Weekday>(i);
    Json day;
    day["day"] = to_string(d);
    const bool on = std::find(plan.days.begin(), plan.days.end(), d) != plan.days.end();
    const bool strong = std::find(plan.strength_days.begin(), plan.strength_days.end(), d) != plan.strength_days.end();
    day["session"] = !on ? Json(nullptr) : Json(strong ? "A" : "B");
    out.push_back(day);
  }
  return out;
}

Json strings(const std::vector<std::string>& list) {
  Json out = Json::array();
  for (const auto& s : list) out.push_back(s);
  return out;
}

}  // namespace

Json plan_to_json(const Plan& plan) {
  Json j = header("plan");
  j["start"] = to_iso(plan.start);
  j["end"] = to_iso(plan.end());
  j["weeks"] = plan.weeks;
  j["triage_level"] = to_string(plan.level);
  j["pain"] = plan.pain;
  j["pain_band"] = plan.pain_band;
  j["minutes_per_session"] = plan.minutes_per_session;
  j["days"] = day_list(plan.days);
  j["strength_days"] = day_list(plan.strength_days);
  j["week"] = week_json(plan);
  Json sessions = Json::array();
  for (const auto& s : plan.sessions) sessions.push_back(session_json(s));
  j["sessions"] = sessions;
  Json calendar = Json::array();
  for (const auto& c : plan.calendar) {
    Json entry;
    entry["date"] = to_iso(c.date);
    entry["week"] = c.week;
    entry["day"] = to_string(weekday_of(c.date));
    entry["session"] = c.kind == SessionKind::kStrength ? "A" : "B";
    calendar.push_back(entry);
  }
  j["calendar"] = calendar;
  Json reviews = Json::array();
  for (const auto& r : plan.reviews) {
    Json entry;
    entry["week"] = r.week;
    entry["date"] = to_iso(r.date);
    entry["what"] = r.what;
    reviews.push_back(entry);
  }
  j["reviews"] = reviews;
  j["cautions"] = strings(plan.cautions);
  j["clearance"] = plan.clearance ? Json(clearance_to_json(*plan.clearance)) : Json(nullptr);
  j["decisions"] = strings(plan.decisions);
  j["safety"] = strings(plan.safety);
  j["sources"] = strings(plan_sources());
  return j;
}

Json shortfall_to_json(const PlanOutcome& outcome) {
  Json j = header("too-little");
  Json list = Json::array();
  for (const auto& m : outcome.missing) {
    Json entry;
    entry["what"] = m.what;
    entry["fix"] = m.fix;
    list.push_back(entry);
  }
  j["missing"] = list;
  Json enough = Json::array();
  for (Equipment e : outcome.enough_alone) enough.push_back(to_string(e));
  j["enough_alone"] = enough;
  return j;
}

Json shortfall_to_json(const std::vector<Missing>& missing) {
  PlanOutcome outcome;
  outcome.missing = missing;
  return shortfall_to_json(outcome);
}

}  // namespace kc
