// GET /people/{id}/progress: series for charts, adherence, the review and current doses.
#include "adapters/http/api_routes.h"
#include "adapters/http/tracking_json.h"

namespace kc::http {

Response get_progress(ApiState& s, const Request& r, const std::string& id) {
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  const Moment when = moment_at(s, std::get<std::optional<CivilDate>>(date));
  auto outcome = usecases::progress(*s.store, *s.clock, usecases::Content{s.catalog}, {id, when.date, true});
  if (!outcome) return error_reply(outcome.error());
  return json_response(200, progress_json(*outcome, s.catalog, s.sign_names).dump());
}

}  // namespace kc::http
