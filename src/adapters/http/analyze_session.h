// The camera coach's WebSocket conversation (docs/camera.md), independent of the socket
// library: one analyzer per connection; a "ready" message with the exercise's profile, one
// "frame" reply per landmark frame, and a "summary" on {"type": "end"}.
#pragma once

#include <string>
#include <string_view>

#include "core/motion/analyzer.h"

namespace kc::http {

class AnalyzeSession {
 public:
  explicit AnalyzeSession(motion::MotionProfile profile);

  // The first message: {"type": "ready", ...} (motion::profile_json).
  std::string ready() const;

  // The reply to one text message: a frame reply, an error reply for a bad message
  // ({"type": "error", "message"}; the analysis goes on), or the summary. `finished` is set
  // after the summary: the caller closes the connection.
  std::string on_message(std::string_view text, bool& finished);

  const motion::Analyzer& analyzer() const { return analyzer_; }

 private:
  motion::Analyzer analyzer_;
  double seconds_in_analyzer_ = 0;
  double last_t_ = -1e300;
};

}  // namespace kc::http
