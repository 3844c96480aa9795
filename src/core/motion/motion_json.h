// JSON for the camera coach: landmark frames in (one JSON object per frame, the format of
// `kneecoach analyze` files and of the browser's WebSocket messages), events, summaries and
// profiles out. See docs/camera.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "core/common/result.h"
#include "core/motion/analyzer.h"

namespace kc::motion {

// Parses {"t": ms, "w": width, "h": height, "lm": [[x, y, z, visibility] x 33] or []}.
// Errors say which field is wrong and what is expected.
Result<LandmarkFrame> parse_frame(const nlohmann::json& j);
Result<LandmarkFrame> parse_frame(std::string_view text);

// The frame as JSON (x, y, z to 4 decimals, visibility to 3).
nlohmann::json frame_json(const LandmarkFrame& f);

nlohmann::json event_json(const Event& e);
// {"type": "frame", "t", "reps", "phase", "progress", "in_frame", "hold", "events"}.
nlohmann::json frame_result_json(const FrameResult& r, int hold_target);
// {"type": "summary", "exercise", "reps", "faults_per_rep", "frames", "frames_in_view", "rep_details"}.
nlohmann::json summary_json(const Summary& s);
// {"type": "ready", "exercise", "name", "placement", "signal", "hold_seconds", "cues", "unchecked"}.
nlohmann::json profile_json(const MotionProfile& p);

}  // namespace kc::motion
