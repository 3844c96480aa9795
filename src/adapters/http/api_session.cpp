// The session's steps: GET /api/v1/people/{id}/session?date=YYYY-MM-DD (usecases/session_steps.h).
#include "adapters/http/api_routes.h"
#include "usecases/session_steps_json.h"

namespace kc::http {

Response get_session(ApiState& s, const Request& r, const std::string& id) {
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  const Moment when = moment_at(s, std::get<std::optional<CivilDate>>(date));
  auto loaded = load_person(s, id, false);
  if (auto* e = std::get_if<Response>(&loaded)) return *e;
  auto day = usecases::stored_session(*s.store, std::get<PersonPlan>(loaded).plan, s.catalog, when.date);
  if (!day) return error_reply(day.error());
  const auto steps =
      day->session ? usecases::session_steps(day->session->exercises) : std::vector<usecases::PlayStep>{};
  return json_response(200, usecases::session_day_json(*day, steps).dump());
}

}  // namespace kc::http
