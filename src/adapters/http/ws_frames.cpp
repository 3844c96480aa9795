#include "adapters/http/ws_frames.h"

#include <fmt/format.h>

#include <algorithm>
#include <restinio/utils/base64.hpp>
#include <restinio/utils/sha1.hpp>

namespace kc::http {
namespace {

constexpr std::size_t kMaxControlPayload = 125;

bool is_control(WsOpcode op) { return (static_cast<std::uint8_t>(op) & 0x8) != 0; }

bool known(std::uint8_t op) { return op <= 2 || (op >= 8 && op <= 10); }

// The header's length: 2 bytes, plus 2 or 8 of extended length, plus 4 of mask.
std::size_t header_size(std::string_view h) {
  if (h.size() < 2) return 2;
  const auto len = static_cast<unsigned char>(h[1]) & 0x7f;
  const std::size_t ext = len == 126 ? 2 : len == 127 ? 8 : 0;
  const std::size_t mask = (static_cast<unsigned char>(h[1]) & 0x80) != 0 ? 4 : 0;
  return 2 + ext + mask;
}

}  // namespace

void WsReader::fail(std::vector<WsEvent>& events, int code, std::string reason) {
  stopped_ = true;
  message_.clear();
  message_.shrink_to_fit();
  WsEvent e;
  e.kind = WsEvent::Kind::fail;
  e.code = code;
  e.reason = std::move(reason);
  events.push_back(std::move(e));
}

bool WsReader::parse_header(std::vector<WsEvent>& events) {
  const auto b0 = static_cast<unsigned char>(header_[0]);
  const auto b1 = static_cast<unsigned char>(header_[1]);
  fin_ = (b0 & 0x80) != 0;
  const auto op = static_cast<std::uint8_t>(b0 & 0x0f);
  if ((b0 & 0x70) != 0) return fail(events, kWsProtocolError, "reserved bits set (no extension was agreed)"), false;
  if (!known(op)) return fail(events, kWsProtocolError, fmt::format("unknown opcode {}", op)), false;
  if ((b1 & 0x80) == 0) return fail(events, kWsProtocolError, "client frames must be masked"), false;
  opcode_ = static_cast<WsOpcode>(op);
  std::uint64_t len = b1 & 0x7f;
  std::size_t pos = 2;
  if (len == 126 || len == 127) {
    const std::size_t n = len == 126 ? 2 : 8;
    len = 0;
    for (std::size_t i = 0; i < n; ++i) len = (len << 8) | static_cast<unsigned char>(header_[pos + i]);
    pos += n;
    if (n == 8 && (len >> 63) != 0) return fail(events, kWsProtocolError, "frame length has its top bit set"), false;
  }
  std::copy_n(header_.begin() + static_cast<std::ptrdiff_t>(pos), 4, mask_);
  if (is_control(opcode_)) {
    if (!fin_) return fail(events, kWsProtocolError, "control frames may not be fragmented"), false;
    if (len > kMaxControlPayload) return fail(events, kWsProtocolError, "control frame over 125 bytes"), false;
  } else if (opcode_ == WsOpcode::continuation) {
    if (!in_message_) return fail(events, kWsProtocolError, "continuation frame without a message"), false;
  } else if (in_message_) {
    return fail(events, kWsProtocolError, "new message before the last one ended"), false;
  }
  // The size is checked here, from the header alone, before any payload is kept.
  if (!is_control(opcode_) && len > max_message_ - std::min<std::size_t>(message_.size(), max_message_)) {
    return fail(events, kWsTooBig, fmt::format("message over {} bytes", max_message_)), false;
  }
  if (!is_control(opcode_) && opcode_ != WsOpcode::continuation) {
    in_message_ = true;
    message_text_ = opcode_ == WsOpcode::text;
  }
  remaining_ = len;
  offset_ = 0;
  control_.clear();
  in_frame_ = true;
  return true;
}

void WsReader::finish_frame(std::vector<WsEvent>& events) {
  in_frame_ = false;
  header_.clear();
  WsEvent e;
  if (is_control(opcode_)) {
    e.kind = opcode_ == WsOpcode::ping   ? WsEvent::Kind::ping
             : opcode_ == WsOpcode::pong ? WsEvent::Kind::pong
                                         : WsEvent::Kind::close;
    e.payload = std::move(control_);
    control_.clear();
    if (e.kind == WsEvent::Kind::close) stopped_ = true;
    events.push_back(std::move(e));
    return;
  }
  if (!fin_) return;
  e.kind = WsEvent::Kind::message;
  e.text = message_text_;
  e.payload = std::move(message_);
  message_.clear();
  in_message_ = false;
  events.push_back(std::move(e));
}

void WsReader::feed(std::string_view bytes, std::vector<WsEvent>& events) {
  while (!stopped_ && !bytes.empty()) {
    if (!in_frame_) {
      const std::size_t want = header_size(header_);
      const std::size_t take = std::min(want - header_.size(), bytes.size());
      header_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (header_.size() < header_size(header_)) continue;
      if (!parse_header(events)) return;
      if (remaining_ == 0) finish_frame(events);
      continue;
    }
    const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, bytes.size()));
    std::string& into = is_control(opcode_) ? control_ : message_;
    const std::size_t start = into.size();
    into.append(bytes.substr(0, take));
    for (std::size_t i = 0; i < take; ++i)
      into[start + i] = static_cast<char>(into[start + i] ^ mask_[(offset_ + i) % 4]);
    offset_ += take;
    remaining_ -= take;
    bytes.remove_prefix(take);
    if (remaining_ == 0) finish_frame(events);
  }
}

std::string ws_frame(WsOpcode opcode, std::string_view payload) {
  std::string out;
  out.push_back(static_cast<char>(0x80 | static_cast<std::uint8_t>(opcode)));
  const std::uint64_t n = payload.size();
  if (n < 126) {
    out.push_back(static_cast<char>(n));
  } else if (n <= 0xffff) {
    out.push_back(static_cast<char>(126));
    for (int shift = 8; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xff));
  } else {
    out.push_back(static_cast<char>(127));
    for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xff));
  }
  out.append(payload);
  return out;
}

std::string ws_close_frame(int code, std::string_view reason) {
  std::string payload;
  payload.push_back(static_cast<char>((code >> 8) & 0xff));
  payload.push_back(static_cast<char>(code & 0xff));
  payload.append(reason.substr(0, kMaxControlPayload - 2));
  return ws_frame(WsOpcode::close, payload);
}

std::string ws_accept_key(std::string_view client_key) {
  const std::string text = std::string(client_key) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  const auto digest = restinio::utils::sha1::make_digest(text.data(), text.size());
  return restinio::utils::base64::encode(restinio::utils::sha1::to_string(digest));
}

}  // namespace kc::http
