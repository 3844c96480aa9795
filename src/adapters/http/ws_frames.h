// WebSocket frames (RFC 6455) as the server reads and writes them, independent of the socket:
// a reader that checks every frame header before it keeps any payload, puts fragmented
// messages back together up to a maximum message size, and reports each protocol fault as
// the close code and reason to send (docs/security.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kc::http {

enum class WsOpcode : std::uint8_t { continuation = 0, text = 1, binary = 2, close = 8, ping = 9, pong = 10 };

// Close codes the server sends.
inline constexpr int kWsNormal = 1000;
inline constexpr int kWsProtocolError = 1002;
inline constexpr int kWsUnsupported = 1003;
inline constexpr int kWsPolicy = 1008;
inline constexpr int kWsTooBig = 1009;

struct WsEvent {
  enum class Kind { message, ping, pong, close, fail };
  Kind kind = Kind::message;
  bool text = true;     // message: a text (not binary) message
  std::string payload;  // message, ping, pong: the data; close: the peer's close payload
  int code = 0;         // fail: the close code to send
  std::string reason;   // fail: the close reason to send
};

class WsReader {
 public:
  // Messages (after reassembly) may hold at most `max_message` bytes.
  explicit WsReader(std::size_t max_message) : max_message_(max_message) {}

  // Reads `bytes` (any split of the stream) and appends what completed to `events`. After a
  // fail or close event the reader ignores further bytes. Memory held never exceeds the
  // maximum message size plus one control frame (125 bytes) and a frame header (14 bytes).
  void feed(std::string_view bytes, std::vector<WsEvent>& events);

  bool stopped() const { return stopped_; }

 private:
  // Reads one frame header from header_; false when more bytes are needed.
  bool parse_header(std::vector<WsEvent>& events);
  void finish_frame(std::vector<WsEvent>& events);
  void fail(std::vector<WsEvent>& events, int code, std::string reason);

  std::size_t max_message_;
  bool stopped_ = false;
  std::string header_;  // bytes of the frame header read so far
  bool in_frame_ = false;
  bool fin_ = false;
  WsOpcode opcode_ = WsOpcode::continuation;
  unsigned char mask_[4] = {0, 0, 0, 0};
  std::uint64_t remaining_ = 0;  // payload bytes of the current frame still to read
  std::uint64_t offset_ = 0;     // payload bytes of the current frame read (for unmasking)
  std::string control_;          // the current control frame's payload
  std::string message_;          // the data message being put together
  bool in_message_ = false;
  bool message_text_ = true;
};

// A final, unmasked server frame carrying `payload`.
std::string ws_frame(WsOpcode opcode, std::string_view payload);

// A close frame with `code` and `reason` (cut to fit a control frame).
std::string ws_close_frame(int code, std::string_view reason);

// The Sec-WebSocket-Accept value for a client's Sec-WebSocket-Key.
std::string ws_accept_key(std::string_view client_key);

}  // namespace kc::http
