// The outcome measures for the browser's measure pages: their definitions as the content states
// them (scales, labels, timing, meaningful change), and where a person stands on each. The page
// draws these as sent; the change and its verdict are tracking::standing_of's.
#include <fmt/format.h>

#include "adapters/http/api_routes.h"
#include "adapters/http/tracking_json.h"
#include "core/tracking/measure_check.h"
#include "usecases/measure.h"

namespace kc::http {
namespace {

const char* kind_name(tracking::MeasureKind k) {
  switch (k) {
    case tracking::MeasureKind::kRating:
      return "rating";
    case tracking::MeasureKind::kItems:
      return "items";
    case tracking::MeasureKind::kTimedCount:
      return "timed-count";
  }
  return "rating";
}

Json norm_json(const tracking::NormBand& n) {
  return {{"age_min", n.age_min}, {"age_max", n.age_max}, {"men", n.men}, {"women", n.women}};
}

// A measure's definition (api/openapi.yaml MeasureDef).
Json definition_json(const tracking::MeasureDef& d) {
  const bool scaled = d.kind != tracking::MeasureKind::kTimedCount;
  Json j{{"id", d.id},
         {"name", d.name},
         {"kind", kind_name(d.kind)},
         {"purpose", d.purpose},
         {"instructions", d.instructions},
         {"scale", scaled ? Json{{"min", d.min}, {"max", d.max}} : Json(nullptr)},
         {"anchors", Json::array()},
         {"questions", Json::array()},
         {"items",
          d.kind == tracking::MeasureKind::kItems ? Json{{"min", d.items_min}, {"max", d.items_max}} : Json(nullptr)},
         {"item_prompt", d.item_prompt},
         {"seconds", d.kind == tracking::MeasureKind::kTimedCount ? Json(d.seconds) : Json(nullptr)},
         {"max_count", d.id == store::kChairStand ? Json(tracking::kMaxChairStands) : Json(nullptr)},
         {"norms", Json::array()},
         {"meaningful_change", Json(nullptr)},
         {"sources", d.sources}};
  for (const auto& a : d.anchors) j["anchors"].push_back({{"value", a.value}, {"label", a.label}});
  for (const auto& q : d.questions) j["questions"].push_back({{"id", q.id}, {"prompt", q.prompt}});
  for (const auto& n : d.norms) j["norms"].push_back(norm_json(n));
  if (d.meaningful_change) {
    j["meaningful_change"] = {{"points", *d.meaningful_change},
                              {"percent", d.meaningful_percent ? Json(*d.meaningful_percent) : Json(nullptr)},
                              {"text", tracking::threshold_text(d)}};
  }
  return j;
}

// Where the person stands on one measure (api/openapi.yaml MeasureStanding).
Json standing_json(const usecases::MeasureStanding& m) {
  const auto& s = m.standing;
  return {{"measure", s.measure},
          {"name", m.def->name},
          {"count", s.count},
          {"first", s.first ? measurement_json(*s.first) : Json(nullptr)},
          {"latest", s.latest ? measurement_json(*s.latest) : Json(nullptr)},
          {"change", s.change ? Json(*s.change) : Json(nullptr)},
          {"threshold", s.threshold ? Json(*s.threshold) : Json(nullptr)},
          {"threshold_text", tracking::threshold_text(*m.def)},
          {"meaningful", s.meaningful},
          {"direction", s.direction},
          {"summary", s.summary},
          {"activities", m.activities},
          {"norm", m.norm ? norm_json(*m.norm) : Json(nullptr)}};
}

}  // namespace

Response get_measures(ApiState& s, const Request& /*r*/, const std::string& /*id*/) {
  Json list = Json::array();
  for (const auto& d : s.measures.measures) list.push_back(definition_json(d));
  return json_response(200, Json{{"measures", list}}.dump());
}

Response get_person_measures(ApiState& s, const Request& /*r*/, const std::string& id) {
  auto standings = usecases::measure_standings(*s.store, s.measures, id);
  if (!standings) return error_reply(standings.error());
  Json list = Json::array();
  for (const auto& m : standings->measures) list.push_back(standing_json(m));
  return json_response(200, Json{{"age", standings->age}, {"measures", list}}.dump());
}

}  // namespace kc::http
