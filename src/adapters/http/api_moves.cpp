// Moving a coming session to another day: GET /people/{id}/moves?date= (the choices) and POST
// /people/{id}/moves {"from", "to"} (usecases/move_session.h).
#include <fmt/format.h>

#include "adapters/http/api_routes.h"
#include "adapters/http/body_check.h"
#include "usecases/move_session.h"

namespace kc::http {
namespace {

Json planned_json(const store::PlanDay& d) {
  return {{"date", to_iso(d.date)}, {"week", d.week}, {"session", d.session}};
}

}  // namespace

Response get_moves(ApiState& s, const Request& r, const std::string& id) {
  auto date = date_query(r);
  if (auto* e = std::get_if<Response>(&date)) return *e;
  auto choices = usecases::move_choices(*s.store, *s.clock, id, std::get<std::optional<CivilDate>>(date));
  if (!choices) return error_reply(choices.error());
  Json days = Json::array();
  for (const auto& d : choices->days) days.push_back(to_iso(d));
  Json j = planned_json(choices->planned);
  j["title"] = choices->title;
  j["days"] = days;
  return json_response(200, j.dump());
}

Response post_move(ApiState& s, const Request& r, const std::string& id) {
  BodyCheck check(r.body);
  if (!check.ok() || !check.object(check.doc(), "", {"from", "to"})) return check.error();
  const auto from = check.date(check.doc(), "", "from");
  const auto to = check.date(check.doc(), "", "to");
  for (const char* key : {"from", "to"}) {
    if (check.ok() && !check.doc().contains(key)) {
      check.fail("missing_field", key, fmt::format("{}: missing; expected a date YYYY-MM-DD", key));
    }
  }
  if (!check.ok()) return check.error();
  auto moved = usecases::move_session(*s.store, *s.clock, {id, *from, *to});
  if (!moved) return error_reply(moved.error());
  Json j = planned_json(*moved);
  j["from"] = to_iso(*from);
  return json_response(200, j.dump());
}

}  // namespace kc::http
