#include "core/catalog/exercise_json.h"

#include <optional>
#include <string>

#include "core/catalog/vocabulary.h"

namespace kc {
namespace {

template <typename T>
Json optional_json(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

template <typename E>
Json names_json(const std::vector<E>& values) {
  Json out = Json::array();
  for (E v : values) out.push_back(std::string(to_string(v)));
  return out;
}

Json variants_json(const std::vector<Variant>& variants) {
  Json out = Json::array();
  for (const auto& v : variants) {
    Json item;
    if (!v.exercise.empty()) item["exercise"] = v.exercise;
    if (!v.parameter.empty()) item["parameter"] = v.parameter;
    item["change"] = v.change;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Json dose_to_json(const Dose& d) {
  Json j;
  j["sets"] = d.sets;
  j["reps"] = d.reps;
  j["reps_max"] = optional_json(d.reps_max);
  j["hold_seconds"] = optional_json(d.hold_seconds);
  j["hold_seconds_max"] = optional_json(d.hold_seconds_max);
  j["hold_breaths"] = optional_json(d.hold_breaths);
  j["sides"] = std::string(to_string(d.sides));
  if (d.tempo) {
    j["tempo"] = Json{{"up", d.tempo->up}, {"hold", d.tempo->hold}, {"down", d.tempo->down}};
  } else {
    j["tempo"] = nullptr;
  }
  j["rest_seconds"] = d.rest_seconds;
  j["note"] = d.note.empty() ? Json(nullptr) : Json(d.note);
  return j;
}

Json exercise_to_json(const Exercise& e) {
  Json j;
  j["id"] = e.id;
  j["name"] = e.name;
  j["aliases"] = e.aliases;
  j["kind"] = std::string(to_string(e.kind));
  j["from_articles"] = e.from_articles;
  j["sources"] = e.sources;
  j["references"] = e.references;
  j["regions"] = e.regions;
  j["muscles"] = e.muscles;
  j["position"] = std::string(to_string(e.position));
  j["demands"] = names_json(e.demands);
  j["equipment"] = Json{{"needed", names_json(e.equipment_needed)}, {"optional", names_json(e.equipment_optional)}};
  j["purpose"] = e.purpose;
  j["benefit"] = e.benefit;
  j["steps"] = e.steps;
  j["cues"] = e.cues;
  j["mistakes"] = e.mistakes;
  j["dose"] = dose_to_json(e.dose);
  j["frequency"] = Json{{"per_week", {e.frequency.per_week_min, e.frequency.per_week_max}},
                        {"rest_days_between", e.frequency.rest_days_between},
                        {"after_workouts", e.frequency.after_workouts},
                        {"note", e.frequency.note.empty() ? Json(nullptr) : Json(e.frequency.note)}};
  j["variants"] = Json{{"easier", variants_json(e.easier)}, {"harder", variants_json(e.harder)}};
  Json cautions = Json::array();
  for (const auto& c : e.cautions) cautions.push_back(Json{{"who", c.who}, {"advice", c.advice}});
  j["cautions"] = std::move(cautions);
  return j;
}

}  // namespace kc
