// libFuzzer target for the API's JSON request bodies. The first byte picks a POST route of
// /api/v1 (intake/relevant, triage, people, and a person's sessions, check-ins, measures); the
// rest is the body, sent through Api::handle over a real store. Every reply must be a JSON
// 2xx or 4xx (a 5xx or a crash is a bug), and the door's parsers (media type, cookie) must
// cope with the same bytes.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "adapters/http/guard.h"
#include "fuzz_api.h"

namespace {

using kc::http::Request;
using kc::http::Response;

Response post(const std::string& path, std::string body) {
  Request r;
  r.method = "POST";
  r.path = path;
  r.content_type = "application/json";
  r.body = std::move(body);
  return kc::fuzz::fuzz_api().handle(r);
}

// A person with a program, made once, whose routes the fuzzer writes to.
const std::string& person_id() {
  static const std::string id = [] {
    const Response r = post("/api/v1/people",
                            R"({"answers": {"version": 1, "age": 60, "knee": "left", "pain_now": 3,
                                "location": ["front"], "onset": "gradual", "days": ["mon", "wed", "fri"],
                                "equipment": ["chair", "step", "wall", "mat", "books", "counter", "band"]}})");
    if (r.status != 201) std::abort();
    return nlohmann::json::parse(r.body)["person"]["id"].get<std::string>();
  }();
  return id;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)kc::http::is_json_media_type(text);
  (void)kc::http::cookie_value(text, "kneecoach_8080");

  const std::string people = "/api/v1/people/" + person_id();
  const std::array<std::string, 6> routes{"/api/v1/intake/relevant", "/api/v1/triage",      "/api/v1/people",
                                          people + "/sessions",      people + "/check-ins", people + "/measures"};
  const Response reply = post(routes[data[0] % routes.size()], std::string(text));
  if (reply.status < 200 || reply.status >= 500) {
    std::fprintf(stderr, "%s: %d %s\n", routes[data[0] % routes.size()].c_str(), reply.status, reply.body.c_str());
    std::abort();  // the reply above is the bug
  }
  if (reply.content_type == "application/json") {
    const auto parsed = nlohmann::json::parse(reply.body, nullptr, false);
    if (parsed.is_discarded()) std::abort();
    if (reply.status >= 400 && !parsed.contains("error")) std::abort();
  }
  return 0;
}
