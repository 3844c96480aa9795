// GET /people/{id}/progress: series for charts, adherence, the review and current doses.
#include "adapters/cli/tracking_support.h"
#include "adapters/http/api_routes.h"
#include "adapters/http/tracking_json.h"

namespace kc::http {

Response get_progress(ApiState& s, const Request& r, const std::string& id) {
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  auto loaded = load_person(s, id, true);
  if (auto* e = std::get_if<Response>(&loaded)) return *e;
  const auto& plan = std::get<PersonPlan>(loaded).plan;
  auto history = usecases::load_history(*s.store, plan);
  if (!history) return internal_error(history.error().message);
  const Moment when = moment_at(s, std::get<std::optional<CivilDate>>(date));
  return json_response(200, progress_json(*history, when.date, s.catalog).dump());
}

}  // namespace kc::http
