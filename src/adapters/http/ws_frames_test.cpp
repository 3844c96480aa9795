// WebSocket frames: masking, reassembly, limits checked from the header, protocol faults.
#include "adapters/http/ws_frames.h"

#include <gtest/gtest.h>

namespace kc::http {
namespace {

// A client frame: masked with a fixed key.
std::string client_frame(std::uint8_t first_byte, std::string_view payload, std::uint64_t announced = ~0ull) {
  const std::uint64_t n = announced == ~0ull ? payload.size() : announced;
  std::string out(1, static_cast<char>(first_byte));
  if (n < 126) {
    out.push_back(static_cast<char>(0x80 | n));
  } else if (n <= 0xffff) {
    out.push_back(static_cast<char>(0x80 | 126));
    for (int s = 8; s >= 0; s -= 8) out.push_back(static_cast<char>((n >> s) & 0xff));
  } else {
    out.push_back(static_cast<char>(0x80 | 127));
    for (int s = 56; s >= 0; s -= 8) out.push_back(static_cast<char>((n >> s) & 0xff));
  }
  const char key[4] = {0x12, 0x34, 0x56, 0x78};
  out.append(key, 4);
  for (std::size_t i = 0; i < payload.size(); ++i) out.push_back(static_cast<char>(payload[i] ^ key[i % 4]));
  return out;
}

std::vector<WsEvent> read_all(WsReader& r, const std::string& bytes, std::size_t step = 0) {
  std::vector<WsEvent> events;
  if (step == 0) step = bytes.size();
  for (std::size_t i = 0; i < bytes.size(); i += step) r.feed(std::string_view(bytes).substr(i, step), events);
  return events;
}

TEST(WsFrames, UnmasksAndReassemblesFragmentsAcrossAnySplit) {
  const std::string stream = client_frame(0x01, "hel") + client_frame(0x89, "p") + client_frame(0x00, "lo ") +
                             client_frame(0x80, "world") + client_frame(0x82, std::string(300, 'x'));
  for (std::size_t step : {1u, 3u, 7u, 1000u}) {
    WsReader r(1024);
    const auto events = read_all(r, stream, step);
    ASSERT_EQ(events.size(), 3u) << step;
    EXPECT_EQ(events[0].kind, WsEvent::Kind::ping);
    EXPECT_EQ(events[0].payload, "p");
    EXPECT_EQ(events[1].kind, WsEvent::Kind::message);
    EXPECT_EQ(events[1].payload, "hello world");
    EXPECT_TRUE(events[1].text);
    EXPECT_FALSE(events[2].text);
    EXPECT_EQ(events[2].payload.size(), 300u);
  }
}

TEST(WsFrames, AHugeAnnouncedLengthFailsFromTheHeaderAlone) {
  WsReader r(std::size_t{1024} * 1024);
  // 14 bytes announcing 1 GiB, and no payload at all.
  const auto events = read_all(r, client_frame(0x81, "", 1ull << 30));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, WsEvent::Kind::fail);
  EXPECT_EQ(events[0].code, kWsTooBig);
  EXPECT_EQ(events[0].reason, "message over 1048576 bytes");
  EXPECT_TRUE(r.stopped());
}

TEST(WsFrames, FragmentsCountTowardsTheLimitTogether) {
  WsReader r(10);
  const auto events = read_all(r, client_frame(0x01, "123456") + client_frame(0x80, "78901"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].code, kWsTooBig);
}

TEST(WsFrames, ProtocolFaultsGetCode1002) {
  const std::string unmasked = std::string("\x81\x02hi", 4);
  for (const std::string& bad :
       {unmasked, client_frame(0xC1, "x"), client_frame(0x83, "x"), client_frame(0x09, "x"), client_frame(0x80, "x"),
        client_frame(0x89, std::string(126, 'x')), client_frame(0x01, "a") + client_frame(0x81, "b")}) {
    WsReader r(1024);
    const auto events = read_all(r, bad);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().kind, WsEvent::Kind::fail);
    EXPECT_EQ(events.back().code, kWsProtocolError) << events.back().reason;
  }
}

TEST(WsFrames, CloseStopsTheReader) {
  WsReader r(1024);
  const auto events = read_all(r, client_frame(0x88, std::string("\x03\xe8", 2)) + client_frame(0x81, "late"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, WsEvent::Kind::close);
}

TEST(WsFrames, ServerFramesAndTheHandshakeKey) {
  EXPECT_EQ(ws_frame(WsOpcode::text, "hi"), std::string("\x81\x02hi", 4));
  EXPECT_EQ(ws_frame(WsOpcode::text, std::string(200, 'a')).substr(0, 4), std::string("\x81\x7e\x00\xc8", 4));
  EXPECT_EQ(ws_frame(WsOpcode::binary, std::string(70000, 'a')).size(), 70000u + 10u);
  const std::string close = ws_close_frame(kWsTooBig, std::string(300, 'r'));
  EXPECT_EQ(close.size(), 2u + 125u);
  EXPECT_EQ(close.substr(2, 2), std::string("\x03\xf1", 2));
  // RFC 6455 section 1.3's example.
  EXPECT_EQ(ws_accept_key("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

}  // namespace
}  // namespace kc::http
