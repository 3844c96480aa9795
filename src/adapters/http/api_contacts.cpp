// GET /api/v1/contacts: whom to call, by country (content/contacts/numbers.yaml).
#include "adapters/http/api_routes.h"
#include "core/catalog/exercise_json.h"

namespace kc::http {
namespace {

Json number_json(const content::PhoneNumber& n) {
  std::string dial;
  for (char c : n.number) {
    if (c != ' ') dial += c;
  }
  return Json{{"number", n.number}, {"dial", dial}, {"label", n.label}};
}

}  // namespace

Response get_contacts(ApiState& s, const Request& /*r*/, const std::string& /*id*/) {
  Json list = Json::array();
  for (const auto& c : s.contacts.countries) {
    list.push_back(Json{{"code", c.code},
                        {"name", c.name},
                        {"emergency", number_json(c.emergency)},
                        {"urgent", c.urgent ? number_json(*c.urgent) : Json(nullptr)},
                        {"urgent_note", c.urgent_note},
                        {"sources", c.sources}});
  }
  Json j;
  j["default"] = s.contacts.default_code;
  j["countries"] = std::move(list);
  return json_response(200, j.dump());
}

}  // namespace kc::http
