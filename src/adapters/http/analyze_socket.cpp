#include "adapters/http/analyze_socket.h"

#include <utility>

namespace kc::http {
namespace {

namespace rws = restinio::websocket::basic;

restinio::request_handling_status_t reply_error(const restinio::request_handle_t& req, const Response& r) {
  return req
      ->create_response(restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(r.status)},
                                                     r.status == 404 ? "Not Found" : "Error"})
      .append_header(restinio::http_field::content_type, "application/json")
      .set_body(r.body)
      .done();
}

}  // namespace

bool AnalyzeSockets::wants(const restinio::request_t& req) { return req.header().path() == "/api/v1/analyze"; }

restinio::request_handling_status_t AnalyzeSockets::accept(const restinio::request_handle_t& req) {
  const auto query = restinio::parse_query(req->header().query());
  if (!query.has("exercise"))
    return reply_error(
        req, error_response(400, "bad_query", "which exercise? expected /api/v1/analyze?exercise=ID", "exercise"));
  if (req->header().method() != restinio::http_method_get() ||
      req->header().connection() != restinio::http_connection_header_t::upgrade ||
      !req->header().has_field(restinio::http_field::sec_websocket_key))
    return reply_error(
        req, error_response(400, "not_websocket", "this address is a WebSocket: open it with new WebSocket(url)", ""));
  Response error;
  auto profile = api_.motion_profile(std::string(query["exercise"]), error);
  if (!profile) return reply_error(req, error);
  auto session = std::make_unique<AnalyzeSession>(std::move(profile).value());
  const std::string ready = session->ready();
  auto socket = rws::upgrade<ServerTraits>(*req, rws::activation_t::immediate,
                                           [this](rws::ws_handle_t s, rws::message_handle_t m) { on_message(s, m); });
  socket->send_message(rws::final_frame, rws::opcode_t::text_frame, restinio::writable_item_t{ready});
  connections_.emplace(socket->connection_id(), Connection{socket, std::move(session)});
  return restinio::request_accepted();
}

void AnalyzeSockets::on_message(const rws::ws_handle_t& socket, const rws::message_handle_t& message) {
  const auto it = connections_.find(socket->connection_id());
  if (it == connections_.end()) return;
  switch (message->opcode()) {
    case rws::opcode_t::text_frame:
    case rws::opcode_t::binary_frame: {
      bool finished = false;
      std::string reply = it->second.session->on_message(message->payload(), finished);
      socket->send_message(rws::final_frame, rws::opcode_t::text_frame, restinio::writable_item_t{std::move(reply)});
      if (finished) {
        socket->send_message(rws::final_frame, rws::opcode_t::connection_close_frame,
                             restinio::writable_item_t{std::string("\x03\xe8", 2)});
        connections_.erase(it);
      }
      return;
    }
    case rws::opcode_t::ping_frame:
      socket->send_message(rws::final_frame, rws::opcode_t::pong_frame,
                           restinio::writable_item_t{std::string(message->payload())});
      return;
    case rws::opcode_t::connection_close_frame:
      socket->send_message(rws::final_frame, rws::opcode_t::connection_close_frame,
                           restinio::writable_item_t{std::string("\x03\xe8", 2)});
      connections_.erase(it);
      return;
    default:
      return;
  }
}

void AnalyzeSockets::close_all() {
  for (auto& [id, c] : connections_) c.socket->kill();
  connections_.clear();
}

}  // namespace kc::http
