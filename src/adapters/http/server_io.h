// The HTTP library's side of a request and its reply, shared by the personal and the clinic
// servers: a RESTinio request as the API sees it, and a Response sent back through RESTinio
// with the security headers (docs/security.md).
#pragma once

#include <restinio/all.hpp>
#include <string>

#include "adapters/http/http_types.h"

namespace kc::http {

// The request as the API sees it: method, raw path, decoded query, headers (lower-case names).
Request to_request(const restinio::request_t& req);

// The socket peer's address ("127.0.0.1", "::1"), without the port.
std::string peer_address(const restinio::request_t& req);

// Sends `resp` with the security headers (HEAD: the headers only, Content-Length included).
restinio::request_handling_status_t reply(const restinio::request_handle_t& req, Response resp);

// Sends `resp` from the event loop `io`, after the handler has returned. Requests are still
// handled in the order they arrive, and RESTinio sends the replies in that order. Replying
// inside the handler makes RESTinio 0.6 read a pipelined request while every reply slot is
// taken, and it then drops the connection (docs/security.md).
restinio::request_handling_status_t reply_later(asio::io_context& io, const restinio::request_handle_t& req,
                                                Response resp);

}  // namespace kc::http
