// The camera coach's WebSocket, GET /api/v1/analyze?exercise=ID upgraded (docs/camera.md):
// the socket side of AnalyzeSession. RESTinio parses the handshake; the frames are ours
// (ws_frames.h), because RESTinio's reader reserves whatever length a frame header announces.
// Limits (docs/security.md): messages of at most kMaxMessageBytes, checked from the frame
// header before anything is kept; at most kMessagesPerSecond (bursts of kBurstMessages); at
// most kMaxQueuedBytes of replies waiting for a client that does not read. Going over a
// limit ends the connection with a close frame that says which.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <restinio/all.hpp>

#include "adapters/http/api.h"
#include "adapters/http/guard.h"
#include "adapters/http/limits.h"

namespace kc::http {

struct ServerTraits : restinio::default_single_thread_traits_t {
  using http_methods_mapper_t = ParserMethods;
};

inline constexpr std::size_t kMaxMessageBytes = std::size_t{1024} * 1024;
inline constexpr double kMessagesPerSecond = 300;
inline constexpr double kBurstMessages = 600;
inline constexpr std::size_t kMaxQueuedBytes = std::size_t{4} * 1024 * 1024;

class AnalyzeConnection;

class AnalyzeSockets {
 public:
  AnalyzeSockets(const Api& api, const Guard& guard) : api_(api), guard_(guard) {}

  // Whether the request asks for the analyze WebSocket.
  static bool wants(const restinio::request_t& req);

  // Upgrades the request (`r` is the same request as the API sees it), or answers it with a
  // JSON error: 400 no exercise or not a WebSocket handshake, 403 another origin or no
  // session, 404 unknown exercise, 422 not followable by a side-on camera.
  restinio::request_handling_status_t accept(const restinio::request_handle_t& req, const Request& r);

  // Closes every open socket (on shutdown).
  void close_all();

 private:
  const Api& api_;
  const Guard& guard_;
  std::map<std::uint64_t, std::weak_ptr<AnalyzeConnection>> connections_;
};

}  // namespace kc::http
