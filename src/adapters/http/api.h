// The JSON API under /api/v1/ (api/openapi.yaml): routes requests to thin handlers over the
// core and the store. Independent of the HTTP library; one request at a time.
#pragma once

#include <memory>
#include <string>

#include "adapters/http/http_types.h"
#include "core/common/result.h"
#include "core/motion/profile.h"
#include "usecases/ports.h"

namespace kc::http {

struct ApiState;

struct ApiConfig {
  std::string content_dir;                 // the content root (exercises, triage rules, poses)
  std::string data_dir;                    // the folder of the records, resolved (platform::resolve_data_dir)
  const usecases::Ports* ports = nullptr;  // the store, clock and voice to use; required
};

class Api {
 public:
  // Loads the content and opens (creating when missing) the store; errors say what failed.
  static Result<std::unique_ptr<Api>> open(const ApiConfig& config);
  ~Api();
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Answers one request whose path starts with /api/; never throws.
  Response handle(const Request& request);

  // The camera coach's profile of an exercise, or the error reply (404 unknown exercise,
  // 422 one a side-on camera cannot follow).
  Result<motion::MotionProfile> motion_profile(const std::string& exercise_id, Response& error) const;

 private:
  explicit Api(std::unique_ptr<ApiState> state);
  std::unique_ptr<ApiState> state_;
};

}  // namespace kc::http
