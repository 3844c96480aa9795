// Inside the API: the state the handlers share, and the handlers, one per route
// (api/openapi.yaml). Each takes the request and the path parameter, returns the reply.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "adapters/content/contacts_loader.h"
#include "adapters/content/triage_loader.h"
#include "adapters/http/http_types.h"
#include "adapters/http/reply_cache.h"
#include "adapters/render/pose_loader.h"
#include "core/catalog/catalog.h"
#include "core/common/clock.h"
#include "core/session/voice.h"
#include "core/store/store.h"
#include "core/tracking/measures.h"
#include "core/triage/sign_names.h"
#include "core/triage/triage.h"
#include "usecases/ports.h"

namespace kc::http {

// Shared by the clinic server's threads: the store is thread-safe there, the reply cache is off,
// and the speech and handout renderers are used one at a time (their locks).
struct ApiState {
  std::unique_ptr<store::Store> owned_store;  // the personal server's store (SQLite)
  store::Store* store = nullptr;              // the store in use: owned_store, or the clinic's shared one
  Catalog catalog{std::vector<Exercise>{}};
  RuleSet rules;
  content::Illustrations pictures;
  tracking::MeasureSet measures;  // content/measures, checked at start
  content::Contacts contacts;     // content/contacts: whom to call, by country
  SignNames sign_names;           // content/triage/signs.yaml: the check-in signs' short names
  std::string content_dir;
  const usecases::Ports* ports = nullptr;             // where the store, clock and voice came from
  std::unique_ptr<usecases::HandoutPrinter> printer;  // the handout renderer, made at start
  std::unique_ptr<Clock> clock;                       // the real clock, or $KNEECOACH_FAKE_TIME for tests
  std::optional<ReplyCache> cache;                    // GET today replies while the store is unchanged (personal)
  std::mutex speech_lock;                             // guards speech and spoken
  std::unique_ptr<voice::Synthesizer> speech;         // started on the first GET speech
  std::map<std::string, std::string> spoken;          // WAV replies by text (cues repeat)
  std::mutex print_lock;                              // one handout drawn at a time (cairo, pango)
  // The clinic server's hook after triage (ApiConfig::triaged); empty for the personal server.
  std::function<void(const std::string& person, const TriageResult& triage, std::string_view where)> triaged;
};

// The day and instant a request acts at: an explicit date (08:00 UTC that day) or the clock.
struct Moment {
  CivilDate date;
  TimePoint at;
};
Moment moment_at(const ApiState& s, std::optional<CivilDate> date);

// The ?date= parameter: nullopt when absent; a 400 reply when it is not YYYY-MM-DD.
std::variant<std::optional<CivilDate>, Response> date_query(const Request& r);

// A person with their latest plan. A 404 when there is no such person; a 409 when the plan
// was stopped and !allow_stopped; a 500 for a store failure.
struct PersonPlan {
  store::Person person;
  store::PlanRecord plan;
};
std::variant<PersonPlan, Response> load_person(ApiState& s, const std::string& id, bool allow_stopped);

// A 500 reply for a store or content failure.
Response internal_error(const std::string& message);

// Catalog, intake and triage (api_catalog.cpp).
Response list_exercises(ApiState& s, const Request& r, const std::string& id);
Response get_exercise(ApiState& s, const Request& r, const std::string& id);
Response get_exercise_svg(ApiState& s, const Request& r, const std::string& id);
// GET /api/v1/speech?text=...: the text spoken by espeak-ng, as audio/wav (api_speech.cpp).
Response get_speech(ApiState& s, const Request& r, const std::string& id);
Response get_questions(ApiState& s, const Request& r, const std::string& id);
// GET /api/v1/contacts: the emergency and urgent numbers by country, and the default (api_contacts.cpp).
Response get_contacts(ApiState& s, const Request& r, const std::string& id);
Response post_relevant(ApiState& s, const Request& r, const std::string& id);
// POST /api/v1/intake/answer: one turn of the questionnaire (usecases/intake.h): the answers so
// far checked, the next relevant question, the answers document.
Response post_intake_answer(ApiState& s, const Request& r, const std::string& id);
Response post_triage(ApiState& s, const Request& r, const std::string& id);

// People and their program (api_people.cpp).
Response post_person(ApiState& s, const Request& r, const std::string& id);
// POST .../clearance {"clinician","role","cleared_on","limits","start","weeks"}: "I have been seen
// and cleared" for a program a check-in stopped (usecases/clearance.h, as `kneecoach cleared`).
Response post_clearance(ApiState& s, const Request& r, const std::string& id);
Response get_plan(ApiState& s, const Request& r, const std::string& id);
Response get_today(ApiState& s, const Request& r, const std::string& id);
// GET .../session?date=: the day's session laid out step by step, as every player plays it (api_session.cpp).
Response get_session(ApiState& s, const Request& r, const std::string& id);
// GET .../moves?date=: the coming session and the days it may move to; POST .../moves {"from",
// "to"}: move it (api_moves.cpp, usecases/move_session.h).
Response get_moves(ApiState& s, const Request& r, const std::string& id);
Response post_move(ApiState& s, const Request& r, const std::string& id);
Response get_handout(ApiState& s, const Request& r, const std::string& id);
Response get_calendar(ApiState& s, const Request& r, const std::string& id);
// GET .../fhir?type=: the person's records as a FHIR R4 Bundle (api_fhir.cpp).
Response get_fhir(ApiState& s, const Request& r, const std::string& id);

// Tracking (api_tracking.cpp, api_progress.cpp).
Response post_session(ApiState& s, const Request& r, const std::string& id);
Response post_check_in(ApiState& s, const Request& r, const std::string& id);
// GET /api/v1/check-in-signs: the check-in's warning-sign questions (usecases/check_in_json.h).
Response get_check_in_signs(ApiState& s, const Request& r, const std::string& id);
Response post_measure(ApiState& s, const Request& r, const std::string& id);
Response get_progress(ApiState& s, const Request& r, const std::string& id);

// Outcome measures (api_measures.cpp): GET /api/v1/measures, their definitions as content says;
// GET /api/v1/people/{id}/measures, where the person stands on each (usecases::measure_standings).
Response get_measures(ApiState& s, const Request& r, const std::string& id);
Response get_person_measures(ApiState& s, const Request& r, const std::string& id);

}  // namespace kc::http
