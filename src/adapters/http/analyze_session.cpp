#include "adapters/http/analyze_session.h"

#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/motion/motion_json.h"

namespace kc::http {
namespace {

using Json = nlohmann::json;

std::string error_message(const std::string& message) { return Json{{"type", "error"}, {"message", message}}.dump(); }

}  // namespace

AnalyzeSession::AnalyzeSession(motion::MotionProfile profile) : analyzer_(std::move(profile)) {}

std::string AnalyzeSession::ready() const { return motion::profile_json(analyzer_.profile()).dump(); }

std::string AnalyzeSession::on_message(std::string_view text, bool& finished) {
  finished = false;
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded())
    return error_message("the message is not JSON; expected a landmark frame or {\"type\": \"end\"}");
  if (j.is_object() && j.contains("type")) {
    if (j["type"] != "end")
      return error_message(
          fmt::format("unknown message type {}; expected \"end\" (or a frame without a type)", j["type"].dump()));
    finished = true;
    const motion::Summary s = analyzer_.summary();
    Json out = motion::summary_json(s);
    out["analyzer_us_per_frame"] = s.frames > 0 ? seconds_in_analyzer_ * 1e6 / s.frames : 0.0;
    return out.dump();
  }
  auto frame = motion::parse_frame(j);
  if (!frame) return error_message("bad frame: " + frame.error().message);
  if (frame->t_ms < last_t_)
    return error_message(
        fmt::format("bad frame: \"t\" went back from {} to {}; expected increasing times", last_t_, frame->t_ms));
  last_t_ = frame->t_ms;
  const auto started = std::chrono::steady_clock::now();
  const motion::FrameResult r = analyzer_.push(*frame);
  seconds_in_analyzer_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return motion::frame_result_json(r, analyzer_.profile().hold_seconds).dump();
}

}  // namespace kc::http
