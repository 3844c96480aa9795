// libFuzzer target for the camera coach's WebSocket: frames (ws_frames.h) and the landmark
// messages they carry (AnalyzeSession). An odd first byte makes each following line a text
// message, sent as masked frames fragmented where the bytes say; an even one feeds the raw
// bytes as the client's stream. The stream is split into reads of a size the second byte
// picks. Every complete message must get a JSON reply of a known type, and the reader must
// never hand over a message over its limit.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/analyze_session.h"
#include "adapters/http/ws_frames.h"
#include "fuzz_api.h"

namespace {

constexpr std::size_t kLimit = 64 * 1024;

std::string client_frame(std::uint8_t first, std::string_view payload) {
  std::string out(1, static_cast<char>(first));
  const std::size_t n = payload.size();
  if (n < 126) {
    out.push_back(static_cast<char>(0x80 | n));
  } else {
    out.push_back(static_cast<char>(0x80 | 126));
    out.push_back(static_cast<char>((n >> 8) & 0xff));
    out.push_back(static_cast<char>(n & 0xff));
  }
  const char key[4] = {0x0f, 0x1e, 0x2d, 0x3c};
  out.append(key, 4);
  for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<char>(payload[i] ^ key[i % 4]));
  return out;
}

// Each line as a text message, cut into two fragments at a point its length picks.
std::string as_frames(std::string_view lines) {
  std::string stream;
  while (!lines.empty()) {
    const std::size_t end = std::min(lines.find('\n'), lines.size());
    const std::string_view line = lines.substr(0, std::min<std::size_t>(end, 65535));
    const std::size_t cut = line.size() / 3;
    stream += client_frame(0x01, line.substr(0, cut)) + client_frame(0x80, line.substr(cut));
    lines.remove_prefix(std::min(end + 1, lines.size()));
  }
  return stream;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const kc::motion::MotionProfile profile = [] {
    kc::http::Response error;
    auto p = kc::fuzz::fuzz_api().motion_profile("partial-squat", error);
    if (!p) std::abort();
    return std::move(p).value();
  }();
  const std::string_view rest(reinterpret_cast<const char*>(data) + 2, size - 2);
  const std::string stream = (data[0] & 1) != 0 ? as_frames(rest) : std::string(rest);
  const std::size_t step = 1 + data[1] % 64;

  kc::http::WsReader reader(kLimit);
  kc::http::AnalyzeSession session(profile);
  std::vector<kc::http::WsEvent> events;
  for (std::size_t at = 0; at < stream.size() && !reader.stopped(); at += step) {
    reader.feed(std::string_view(stream).substr(at, step), events);
  }
  for (const auto& e : events) {
    if (e.kind == kc::http::WsEvent::Kind::fail && (e.code < 1000 || e.reason.empty())) std::abort();
    if (e.kind != kc::http::WsEvent::Kind::message) continue;
    if (e.payload.size() > kLimit) std::abort();
    bool finished = false;
    const auto reply = nlohmann::json::parse(session.on_message(e.payload, finished), nullptr, false);
    if (reply.is_discarded() || !reply.contains("type")) std::abort();
    const auto type = reply["type"].get<std::string>();
    if (type != "frame" && type != "error" && type != "summary") std::abort();
    if (finished) break;
  }
  return 0;
}
