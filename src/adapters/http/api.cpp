#include "adapters/http/api.h"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <regex>
#include <vector>

#include "adapters/content/exercise_loader.h"
#include "adapters/content/measures_loader.h"
#include "adapters/content/sign_names_loader.h"
#include "adapters/http/api_routes.h"
#include "adapters/http/idempotency.h"
#include "adapters/http/tokens.h"
#include "core/catalog/exercise_json.h"
#include "usecases/program.h"

namespace kc::http {
namespace {

using Handler = Response (*)(ApiState&, const Request&, const std::string&);

struct Route {
  const char* method;
  const char* pattern;  // "{id}" matches one path segment
  Handler handler;
  RouteAccess access;  // what it does with a person's records (the clinic server's Gate)
};

constexpr RouteAccess kNoPerson{Access::kNone, ""};

Response health(ApiState& /*s*/, const Request& /*r*/, const std::string& /*id*/) {
  Json j;
  j["status"] = "ok";
  j["version"] = KNEECOACH_VERSION;
  return json_response(200, j.dump());
}

const std::array<Route, 27> kRoutes{{
    {"GET", "/api/v1/health", health, kNoPerson},
    {"GET", "/api/v1/exercises", list_exercises, kNoPerson},
    {"GET", "/api/v1/exercises/{id}", get_exercise, kNoPerson},
    {"GET", "/api/v1/exercises/{id}/svg", get_exercise_svg, kNoPerson},
    {"GET", "/api/v1/speech", get_speech, kNoPerson},
    {"GET", "/api/v1/intake/questions", get_questions, kNoPerson},
    {"GET", "/api/v1/contacts", get_contacts, kNoPerson},
    {"POST", "/api/v1/intake/relevant", post_relevant, kNoPerson},
    {"POST", "/api/v1/intake/answer", post_intake_answer, kNoPerson},
    {"POST", "/api/v1/triage", post_triage, kNoPerson},
    {"POST", "/api/v1/people", post_person, {Access::kCreate, "person.create"}},
    {"POST", "/api/v1/people/{id}/clearance", post_clearance, {Access::kWrite, "clearance.write"}},
    {"GET", "/api/v1/people/{id}/plan", get_plan, {Access::kRead, "plan.read"}},
    {"GET", "/api/v1/people/{id}/today", get_today, {Access::kRead, "today.read"}},
    {"GET", "/api/v1/people/{id}/session", get_session, {Access::kRead, "session.read"}},
    {"GET", "/api/v1/people/{id}/moves", get_moves, {Access::kRead, "plan.read"}},
    {"POST", "/api/v1/people/{id}/moves", post_move, {Access::kWrite, "plan.move"}},
    {"POST", "/api/v1/people/{id}/sessions", post_session, {Access::kWrite, "session.write"}},
    {"POST", "/api/v1/people/{id}/check-ins", post_check_in, {Access::kWrite, "check-in.write"}},
    {"GET", "/api/v1/check-in-signs", get_check_in_signs, kNoPerson},
    {"GET", "/api/v1/measures", get_measures, kNoPerson},
    {"POST", "/api/v1/people/{id}/measures", post_measure, {Access::kWrite, "measure.write"}},
    {"GET", "/api/v1/people/{id}/measures", get_person_measures, {Access::kRead, "measures.read"}},
    {"GET", "/api/v1/people/{id}/progress", get_progress, {Access::kRead, "progress.read"}},
    {"GET", "/api/v1/people/{id}/handout.pdf", get_handout, {Access::kRead, "handout.read"}},
    {"GET", "/api/v1/people/{id}/calendar.ics", get_calendar, {Access::kRead, "calendar.read"}},
    {"GET", "/api/v1/people/{id}/fhir", get_fhir, {Access::kRead, "fhir.read"}},
}};

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Whether `segments` match `pattern`; the {id} segment goes to `id`.
bool matches(const std::vector<std::string>& segments, const char* pattern, std::string& id) {
  const auto want = split(pattern);
  if (want.size() != segments.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i] == "{id}") {
      id = segments[i];
    } else if (want[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

bool valid_id(const std::string& id) {
  static const std::regex kId("[a-z0-9][a-z0-9-]{0,63}");
  return std::regex_match(id, kId);
}

Response run(ApiState& state, const Request& request, const Route& r, std::string id, const Gate* gate) {
  if (gate != nullptr) {
    // Clinic: a patient's intake sets up their own person (made with their invite).
    if (r.access.access == Access::kCreate) id = gate->person_to_create();
    if (auto refused = gate->admit(r.access, id)) return std::move(*refused);
  }
  Response reply;
  // The media type and the size of the body are checked at the door (guard.h, limits.h).
  if (request.method == "POST" && std::string_view(r.pattern).starts_with("/api/v1/people")) {
    reply = with_idempotency(*state.store, request, [&] { return r.handler(state, request, id); });
  } else {
    reply = r.handler(state, request, id);
  }
  return reply;
}

Response route(ApiState& state, const Request& request, const Gate* gate) {
  std::vector<std::string> segments;
  for (const auto& raw : split(request.path)) {
    std::string decoded;
    if (!percent_decode(raw, decoded)) {
      return error_response(400, "bad_path", fmt::format("the path {} has a bad percent escape", request.path));
    }
    segments.push_back(decoded);
  }
  std::string allow;
  for (const auto& r : kRoutes) {
    std::string id;
    if (!matches(segments, r.pattern, id)) continue;
    if (!id.empty() && !valid_id(id)) {
      return error_response(404, "not_found", fmt::format("no such item \"{}\"", id.substr(0, 80)));
    }
    // Not a person id the API hands out (such as the CLI's "me"): as if there were none.
    if (std::string_view(r.pattern).find("/people/{id}") != std::string_view::npos && !is_api_person_id(id)) {
      return error_response(404, "not_found", fmt::format("no person \"{}\"", id.substr(0, 80)));
    }
    // HEAD is GET without the body (the server drops it).
    const std::string method = request.method == "HEAD" ? "GET" : request.method;
    if (method != r.method) {
      allow += (allow.empty() ? "" : ", ") + std::string(r.method) + (std::string(r.method) == "GET" ? ", HEAD" : "");
      continue;
    }
    return run(state, request, r, id, gate);
  }
  if (!allow.empty()) {
    Response r = error_response(405, "method_not_allowed",
                                fmt::format("{} is not allowed on {}; allowed: {}", request.method.substr(0, 16),
                                            request.path.substr(0, 200), allow));
    r.headers.emplace_back("Allow", allow);
    return r;
  }
  return error_response(404, "not_found", fmt::format("no such route: {}", request.path.substr(0, 200)));
}

}  // namespace

Result<std::unique_ptr<Api>> Api::open(const ApiConfig& config) {
  auto state = std::make_unique<ApiState>();
  state->content_dir = config.content_dir;
  auto catalog = content::load_catalog(content::exercises_dir(config.content_dir));
  if (!catalog) return make_error("the exercise content has problems:\n" + catalog.error().message);
  state->catalog = std::move(catalog).value();
  auto rules = content::load_rule_set(config.content_dir);
  if (!rules) return rules.error();
  state->rules = std::move(rules).value();
  auto measures = content::load_measures(config.content_dir);
  if (!measures) return make_error("the measure content has problems:\n" + measures.error().message);
  state->measures = std::move(measures).value();
  auto contacts = content::load_contacts(config.content_dir);
  if (!contacts) return make_error("the contact numbers have problems:\n" + contacts.error().message);
  state->contacts = std::move(contacts).value();
  auto sign_names = content::load_sign_names(config.content_dir);
  if (!sign_names) return make_error("the warning signs' names have problems:\n" + sign_names.error().message);
  state->sign_names = std::move(sign_names).value();
  auto pictures = content::load_illustrations(config.content_dir, state->catalog);
  if (!pictures) return pictures.error();
  state->pictures = std::move(pictures).value();
  auto printer = config.ports->handout_printer(config.content_dir, state->catalog);
  if (!printer) return printer.error();
  state->printer = std::move(printer).value();
  state->ports = config.ports;
  if (config.shared_store != nullptr) {
    state->store = config.shared_store;
  } else {
    const std::filesystem::path dir = config.data_dir;
    auto store = config.ports->open_store(config.data_dir);
    if (!store) return store.error();
    state->owned_store = std::move(store).value();
    state->store = state->owned_store.get();
    auto cache = ReplyCache::open((dir / "kneecoach.db").string());
    if (!cache) return cache.error();
    state->cache.emplace(std::move(cache).value());
  }
  state->clock = config.ports->clock();
  state->triaged = config.triaged;
  return std::unique_ptr<Api>(new Api(std::move(state)));
}

Api::Api(std::unique_ptr<ApiState> state) : state_(std::move(state)) {}
Api::~Api() = default;

const Catalog& Api::catalog() const { return state_->catalog; }
const SignNames& Api::sign_names() const { return state_->sign_names; }

Result<motion::MotionProfile> Api::motion_profile(const std::string& exercise_id, Response& error) const {
  const Exercise* e = state_->catalog.find(exercise_id);
  const auto* poses = state_->pictures.find(exercise_id);
  if (e == nullptr || poses == nullptr) {
    error = error_response(404, "not_found", fmt::format("no exercise \"{}\"", exercise_id), "exercise");
    return make_error(error.body);
  }
  auto profile = motion::derive_profile(*e, *poses, state_->pictures.cues);
  if (!profile) error = error_response(422, "not_camera_ready", profile.error().message, "exercise");
  return profile;
}

Response Api::handle(const Request& request, const Gate* gate) {
  try {
    return route(*state_, request, gate);
  } catch (const std::exception& e) {
    return internal_error(e.what());
  }
}

Moment moment_at(const ApiState& s, std::optional<CivilDate> date) {
  if (!date) return Moment{s.clock->today(), s.clock->now()};
  return Moment{*date, TimePoint{*date} + std::chrono::hours{8}};
}

std::variant<std::optional<CivilDate>, Response> date_query(const Request& r) {
  const auto it = r.query.find("date");
  if (it == r.query.end()) return std::optional<CivilDate>{};
  auto d = parse_iso_date(it->second);
  if (!d) {
    return error_response(400, "bad_query",
                          fmt::format("date: \"{}\" is not a date; expected YYYY-MM-DD", it->second.substr(0, 40)),
                          "date");
  }
  return std::optional<CivilDate>{*d};
}

std::variant<PersonPlan, Response> load_person(ApiState& s, const std::string& id, bool allow_stopped) {
  auto found = usecases::find_program(*s.store, id, allow_stopped);
  if (!found) return error_reply(found.error());
  return PersonPlan{found->person, found->plan};
}

Response internal_error(const std::string& message) { return error_response(500, "internal", message); }

}  // namespace kc::http
