#include "adapters/http/analyze_socket.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <deque>
#include <utility>

#include "adapters/http/analyze_session.h"
#include "adapters/http/ws_frames.h"

namespace kc::http {
namespace {

using Clock = std::chrono::steady_clock;

restinio::request_handling_status_t reply_error(const restinio::request_handle_t& req, Response r) {
  Guard::add_security_headers(r);
  auto builder = req->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)}, r.status == 404 ? "Not Found" : "Error"});
  builder.append_header(restinio::http_field::content_type, r.content_type);
  for (auto& [name, value] : r.headers) builder.append_header(name, value);
  return builder.set_body(std::move(r.body)).done();
}

bool has_token(std::string_view list, std::string_view token) {
  std::string l(list);
  std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return std::tolower(c); });
  std::size_t start = 0;
  while (start <= l.size()) {
    const std::size_t end = std::min(l.find(',', start), l.size());
    std::string_view part = std::string_view(l).substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (part == token) return true;
    start = end + 1;
  }
  return false;
}

// Whether `r` is a WebSocket handshake (RFC 6455 section 4.2.1) we can answer.
bool is_handshake(const Request& r) {
  const auto upgrade = r.header_values("upgrade");
  const auto connection = r.header_values("connection");
  const auto version = r.header_values("sec-websocket-version");
  const auto key = r.header_values("sec-websocket-key");
  return r.method == "GET" && upgrade.size() == 1 && has_token(upgrade[0], "websocket") && connection.size() == 1 &&
         has_token(connection[0], "upgrade") && version.size() == 1 && version[0] == "13" && key.size() == 1 &&
         key[0].size() == 24;
}

// One upgraded connection: reads frames through a WsReader, answers each message with the
// session's reply, and owns itself through its pending socket operations. Every handler runs
// on the connection's strand, so a pool of threads never runs two of them at once.
template <typename Traits>
class AnalyzeConnection final : public OpenSocket, public std::enable_shared_from_this<AnalyzeConnection<Traits>> {
 public:
  using Internals = typename restinio::impl::connection_t<Traits>::upgrade_internals_t;

  AnalyzeConnection(Internals internals, std::unique_ptr<AnalyzeSession> session)
      : internals_(std::move(internals)),
        strand_(asio::make_strand(internals_.m_socket.get_executor())),
        session_(std::move(session)),
        reader_(kMaxMessageBytes) {}

  void start(std::string handshake_reply) {
    asio::dispatch(strand_, [self = this->shared_from_this(), reply = std::move(handshake_reply)]() mutable {
      self->send(std::move(reply));
      self->send(ws_frame(WsOpcode::text, self->session_->ready()));
      self->read();
    });
  }

  void kill() override {
    asio::dispatch(strand_, [self = this->shared_from_this()] { self->close_now(); });
  }

 private:
  typename Traits::stream_socket_t& socket() { return internals_.m_socket; }

  void close_now() {
    asio::error_code ignored;
    socket().close(ignored);
  }

  void read() {
    socket().async_read_some(
        asio::buffer(buffer_),
        asio::bind_executor(strand_, [self = this->shared_from_this()](const asio::error_code& ec, std::size_t n) {
          if (ec) return self->close_now();
          std::vector<WsEvent> events;
          self->reader_.feed(std::string_view(self->buffer_.data(), n), events);
          for (auto& e : events) self->on_event(e);
          if (!self->closing_) self->read();
        }));
  }

  void on_event(WsEvent& e) {
    if (closing_) return;
    switch (e.kind) {
      case WsEvent::Kind::message:
        return on_message(e.payload);
      case WsEvent::Kind::ping:
        return send(ws_frame(WsOpcode::pong, e.payload));
      case WsEvent::Kind::pong:
        return;
      case WsEvent::Kind::close:
        return close_with(kWsNormal, "goodbye");
      case WsEvent::Kind::fail:
        return close_with(e.code, e.reason);
    }
  }

  void on_message(const std::string& payload) {
    const auto now = Clock::now();
    const double elapsed = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    tokens_ = std::min(kBurstMessages, tokens_ + elapsed * kMessagesPerSecond);
    if (tokens_ < 1) {
      return close_with(kWsPolicy, fmt::format("over {} messages a second", static_cast<int>(kMessagesPerSecond)));
    }
    tokens_ -= 1;
    bool finished = false;
    send(ws_frame(WsOpcode::text, session_->on_message(payload, finished)));
    if (finished) close_with(kWsNormal, "done");
  }

  void close_with(int code, const std::string& reason) {
    send(ws_close_frame(code, reason));
    closing_ = true;
  }

  void send(std::string bytes) {
    if (queued_bytes_ + bytes.size() > kMaxQueuedBytes) {
      closing_ = true;
      return close_now();  // the client does not read its replies
    }
    queued_bytes_ += bytes.size();
    queue_.push_back(std::move(bytes));
    if (queue_.size() == 1) write_next();
  }

  void write_next() {
    asio::async_write(
        socket(), asio::buffer(queue_.front()),
        asio::bind_executor(strand_, [self = this->shared_from_this()](const asio::error_code& ec, std::size_t /*n*/) {
          if (ec) return self->close_now();
          self->queued_bytes_ -= self->queue_.front().size();
          self->queue_.pop_front();
          if (!self->queue_.empty()) return self->write_next();
          if (self->closing_) {
            asio::error_code ignored;
            self->socket().shutdown(asio::socket_base::shutdown_both, ignored);
            self->close_now();
          }
        }));
  }

  Internals internals_;
  asio::strand<asio::any_io_executor> strand_;
  std::unique_ptr<AnalyzeSession> session_;
  WsReader reader_;
  std::array<char, std::size_t{16} * 1024> buffer_{};
  std::deque<std::string> queue_;
  std::size_t queued_bytes_ = 0;
  bool closing_ = false;
  double tokens_ = kBurstMessages;
  Clock::time_point last_ = Clock::now();
};

}  // namespace

AnalyzeSockets::AnalyzeSockets(const Api& api, const Guard& guard) : api_(api), guard_(guard) {}
AnalyzeSockets::AnalyzeSockets(const Api& api, const Guard& guard, Admit admit)
    : api_(api), guard_(guard), admit_(std::move(admit)) {}

bool AnalyzeSockets::wants(const restinio::request_t& req) { return req.header().path() == "/api/v1/analyze"; }

template <typename Traits>
restinio::request_handling_status_t AnalyzeSockets::accept(const restinio::request_handle_t& req, const Request& r) {
  const auto exercise = r.query.find("exercise");
  if (exercise == r.query.end())
    return reply_error(
        req, error_response(400, "bad_query", "which exercise? expected /api/v1/analyze?exercise=ID", "exercise"));
  if (!is_handshake(r))
    return reply_error(
        req, error_response(400, "not_websocket", "this address is a WebSocket: open it with new WebSocket(url)", ""));
  if (admit_) {
    if (auto refused = admit_(*req, r)) return reply_error(req, *refused);
  } else if (auto refused = guard_.check_socket(r)) {
    return reply_error(req, *refused);
  }
  Response error;
  auto profile = api_.motion_profile(exercise->second, error);
  if (!profile) return reply_error(req, error);

  auto& conn = dynamic_cast<restinio::impl::connection_t<Traits>&>(*restinio::impl::access_req_connection(*req));
  const std::uint64_t id = conn.connection_id();
  auto socket = std::make_shared<AnalyzeConnection<Traits>>(
      conn.move_upgrade_internals(), std::make_unique<AnalyzeSession>(std::move(profile).value()));
  restinio::impl::access_req_connection(*req).reset();
  {
    const std::lock_guard lock(mutex_);
    std::erase_if(connections_, [](const auto& entry) { return entry.second.expired(); });
    connections_.emplace(id, socket);
  }
  socket->start(
      fmt::format("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Accept: {}\r\nServer: kneecoach/" KNEECOACH_VERSION "\r\n\r\n",
                  ws_accept_key(r.header_values("sec-websocket-key").front())));
  return restinio::request_accepted();
}

template restinio::request_handling_status_t AnalyzeSockets::accept<ServerTraits>(const restinio::request_handle_t&,
                                                                                  const Request&);
template restinio::request_handling_status_t AnalyzeSockets::accept<ClinicTraits>(const restinio::request_handle_t&,
                                                                                  const Request&);
template restinio::request_handling_status_t AnalyzeSockets::accept<ClinicTlsTraits>(const restinio::request_handle_t&,
                                                                                     const Request&);

void AnalyzeSockets::close_all() {
  const std::lock_guard lock(mutex_);
  for (auto& [id, weak] : connections_) {
    if (auto c = weak.lock()) c->kill();
  }
  connections_.clear();
}

}  // namespace kc::http
