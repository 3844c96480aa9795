// The camera coach's WebSocket, GET /api/v1/analyze?exercise=ID upgraded (docs/camera.md):
// the RESTinio side of AnalyzeSession. One analyzer per connection, on the server's thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <restinio/all.hpp>
#include <restinio/websocket/websocket.hpp>

#include "adapters/http/analyze_session.h"
#include "adapters/http/api.h"

namespace kc::http {

using ServerTraits = restinio::default_single_thread_traits_t;

class AnalyzeSockets {
 public:
  explicit AnalyzeSockets(const Api& api) : api_(api) {}

  // Whether the request asks for the analyze WebSocket.
  static bool wants(const restinio::request_t& req);

  // Upgrades the request, or answers it with a JSON error (400 no exercise or not a
  // WebSocket handshake, 404 unknown exercise, 422 not followable by a side-on camera).
  restinio::request_handling_status_t accept(const restinio::request_handle_t& req);

  // Closes every open socket (on shutdown).
  void close_all();

 private:
  struct Connection {
    restinio::websocket::basic::ws_handle_t socket;
    std::unique_ptr<AnalyzeSession> session;
  };
  void on_message(const restinio::websocket::basic::ws_handle_t& socket,
                  const restinio::websocket::basic::message_handle_t& message);

  const Api& api_;
  std::map<std::uint64_t, Connection> connections_;
};

}  // namespace kc::http
