// The JSON API under /api/v1/ (api/openapi.yaml): routes requests to thin handlers over the
// core and the store. Independent of the HTTP library. The personal server calls it one
// request at a time; the clinic server from several threads (with a thread-safe shared store).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/http/http_types.h"
#include "core/catalog/catalog.h"
#include "core/common/result.h"
#include "core/motion/profile.h"
#include "core/triage/sign_names.h"
#include "core/triage/triage.h"
#include "usecases/ports.h"

namespace kc::http {

struct ApiState;

struct ApiConfig {
  std::string content_dir;                 // the content root (exercises, triage rules, poses)
  std::string data_dir;                    // the folder of the records, resolved (platform::resolve_data_dir)
  const usecases::Ports* ports = nullptr;  // the store, clock and voice to use; required
  // The clinic server: this store (thread-safe, outliving the Api) instead of opening one in
  // data_dir, and no reply cache (it watches a SQLite file).
  store::Store* shared_store = nullptr;
  // The clinic server: called (from any request thread) after triage ran for the person with
  // API id `person` at intake (`where` "intake") or a check-in ("check-in"); a red flag
  // notifies their clinicians.
  std::function<void(const std::string& person, const TriageResult& triage, std::string_view where)> triaged;
};

// What a route does with a person's records, declared per route in the route table. The
// clinic server authorizes and audits it (Gate) before the handler runs.
enum class Access {
  kNone,    // no person's records (catalog, questions, triage without storing)
  kRead,    // reads /people/{id}/...
  kWrite,   // writes /people/{id}/...
  kCreate,  // creates a person (POST /api/v1/people)
};
struct RouteAccess {
  Access access = Access::kNone;
  const char* action = "";  // the audit trail's name for it: "plan.read", "session.write", ...
};

// The clinic server's door in front of every route (one per request: it knows who asks).
class Gate {
 public:
  virtual ~Gate() = default;
  // Before the handler: nullopt lets it run; a reply refuses the request. `person` is the {id}
  // of a /people/{id}/ route, empty for the others.
  virtual std::optional<Response> admit(const RouteAccess& route, const std::string& person) const = 0;
  // The person a kCreate route sets up: the signed-in patient's own (made with their invite);
  // "" when there is none (admit then refuses).
  virtual std::string person_to_create() const = 0;
};

class Api {
 public:
  // Loads the content and opens (creating when missing) the store; errors say what failed.
  static Result<std::unique_ptr<Api>> open(const ApiConfig& config);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Answers one request whose path starts with /api/; never throws. With a `gate` (the clinic
  // server), every route passes gate->admit first.
  Response handle(const Request& request, const Gate* gate = nullptr);

  // The exercise catalog it loaded.
  const Catalog& catalog() const;
  // The check-in signs' short names it loaded (content/triage/signs.yaml).
  const SignNames& sign_names() const;

  // The camera coach's profile of an exercise, or the error reply (404 unknown exercise,
  // 422 one a side-on camera cannot follow).
  Result<motion::MotionProfile> motion_profile(const std::string& exercise_id, Response& error) const;

 private:
  explicit Api(std::unique_ptr<ApiState> state);
  std::unique_ptr<ApiState> state_;
};

}  // namespace kc::http
