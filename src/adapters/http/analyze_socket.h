// The camera coach's WebSocket, GET /api/v1/analyze?exercise=ID upgraded (docs/camera.md):
// the socket side of AnalyzeSession. RESTinio parses the handshake; the frames are ours
// (ws_frames.h), because RESTinio's reader reserves whatever length a frame header announces.
// Limits (docs/security.md): messages of at most kMaxMessageBytes, checked from the frame
// header before anything is kept; at most kMessagesPerSecond (bursts of kBurstMessages); at
// most kMaxQueuedBytes of replies waiting for a client that does not read. Going over a
// limit ends the connection with a close frame that says which. Serves the personal server
// (one thread) and the clinic server (a pool of threads, over TCP or TLS): each connection's
// work runs on its own strand.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>

#include "adapters/http/api.h"
#include "adapters/http/guard.h"
#include "adapters/http/limits.h"

namespace kc::http {

// The personal server's traits (one thread), and the clinic server's (a pool, TCP or TLS).
struct ServerTraits : restinio::default_single_thread_traits_t {
  using http_methods_mapper_t = ParserMethods;
};
struct ClinicTraits : restinio::default_traits_t {
  using http_methods_mapper_t = ParserMethods;
};
struct ClinicTlsTraits : restinio::default_tls_traits_t {
  using http_methods_mapper_t = ParserMethods;
};

inline constexpr std::size_t kMaxMessageBytes = std::size_t{1024} * 1024;
inline constexpr double kMessagesPerSecond = 300;
inline constexpr double kBurstMessages = 600;
inline constexpr std::size_t kMaxQueuedBytes = std::size_t{4} * 1024 * 1024;

// An open socket, as AnalyzeSockets keeps it (to close on shutdown).
class OpenSocket {
 public:
  virtual ~OpenSocket() = default;
  virtual void kill() = 0;  // closes it now; safe from any thread
};

class AnalyzeSockets {
 public:
  // Who may open the socket once the handshake and its origin are good: nullopt admits, a
  // Response refuses (the clinic: the login session, then the access policy, audited).
  using Admit = std::function<std::optional<Response>(const restinio::request_t& req, const Request& r)>;

  // The personal server's: `guard` checks the origin and the install's credential.
  AnalyzeSockets(const Api& api, const Guard& guard);
  // The clinic's: `guard` checks the origin, `admit` the rest.
  AnalyzeSockets(const Api& api, const Guard& guard, Admit admit);

  // Whether the request asks for the analyze WebSocket.
  static bool wants(const restinio::request_t& req);

  // Upgrades the request (`r` is the same request as the API sees it) of a server with traits
  // Traits (ServerTraits, ClinicTraits or ClinicTlsTraits), or answers it with a JSON error:
  // 400 no exercise or not a WebSocket handshake, 403 another origin or no session, admit's
  // refusal, 404 unknown exercise, 422 not followable by a side-on camera.
  template <typename Traits>
  restinio::request_handling_status_t accept(const restinio::request_handle_t& req, const Request& r);

  // Closes every open socket (on shutdown).
  void close_all();

 private:
  const Api& api_;
  const Guard& guard_;
  Admit admit_;
  std::mutex mutex_;  // connections_: accepted on any request thread
  std::map<std::uint64_t, std::weak_ptr<OpenSocket>> connections_;
};

}  // namespace kc::http
