// GET /api/v1/speech?text=...: spoken cues for the web app, where the browser has no voice of
// its own (Chromium on Linux speaks only when started with speech-dispatcher enabled).
#include <fmt/format.h>

#include "adapters/http/api_routes.h"

namespace kc::http {
namespace {

constexpr std::size_t kMaxSpeechChars = 300;  // a cue, not a page
constexpr std::size_t kMaxKept = 256;         // WAV replies kept for repeated cues

}  // namespace

Response get_speech(ApiState& s, const Request& r, const std::string& /*id*/) {
  const auto text = r.query.find("text");
  if (text == r.query.end() || text->second.empty())
    return error_response(400, "bad_query", "which words? expected ?text=... (a cue of up to 300 characters)", "text");
  if (text->second.size() > kMaxSpeechChars)
    return error_response(400, "bad_query",
                          fmt::format("text: {} characters; expected at most {}", text->second.size(), kMaxSpeechChars),
                          "text");
  const std::lock_guard<std::mutex> lock(s.speech_lock);
  if (!s.speech) {
    auto started = s.ports->synthesizer();
    if (!started) return internal_error(started.error().message);
    s.speech = std::move(started).value();
  }
  auto kept = s.spoken.find(text->second);
  if (kept == s.spoken.end()) {
    if (s.spoken.size() >= kMaxKept) s.spoken.clear();
    kept = s.spoken.emplace(text->second, s.speech->wav(text->second)).first;
  }
  Response reply;
  reply.content_type = "audio/wav";
  reply.body = kept->second;
  reply.headers.emplace_back("Cache-Control", "max-age=86400");
  return reply;
}

}  // namespace kc::http
