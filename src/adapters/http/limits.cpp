#include "adapters/http/limits.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace kc::http {
namespace {

using Ctx = restinio::impl::http_parser_ctx_t;

Ctx& ctx_of(http_parser* parser) { return *static_cast<Ctx*>(parser->data); }

// The part of a chunk of `length` bytes that keeps `have` within limit + 1.
std::size_t room(std::size_t have, std::size_t length, std::size_t limit) {
  return have > limit ? 0 : std::min(length, limit + 1 - have);
}

int on_url(http_parser* parser, const char* at, std::size_t length) {
  const std::size_t keep = room(ctx_of(parser).m_header.request_target().size(), length, kMaxUrlBytes);
  return keep == 0 ? 0 : restinio::impl::restinio_url_cb(parser, at, keep);
}

// Fields past kMaxFieldCount + 1 are dropped whole (name and value).
bool dropping_fields(const Ctx& ctx) { return ctx.m_total_field_count > kMaxFieldCount; }

int on_field(http_parser* parser, const char* at, std::size_t length) {
  const Ctx& ctx = ctx_of(parser);
  if (dropping_fields(ctx)) return 0;
  const std::size_t have = ctx.m_last_was_value ? 0 : ctx.m_current_field_name.size();
  const std::size_t keep = room(have, length, kMaxFieldNameBytes);
  return keep == 0 ? 0 : restinio::impl::restinio_header_field_cb(parser, at, keep);
}

int on_value(http_parser* parser, const char* at, std::size_t length) {
  const Ctx& ctx = ctx_of(parser);
  if (dropping_fields(ctx) && ctx.m_last_was_value) return 0;
  const std::size_t have = ctx.m_last_was_value ? ctx.m_last_value_total_size : 0;
  const std::size_t keep = room(have, length, kMaxFieldValueBytes);
  // The first part of a value always goes through, even empty: it completes the field.
  if (keep == 0 && ctx.m_last_was_value) return 0;
  return restinio::impl::restinio_header_value_cb(parser, at, keep);
}

int on_headers_complete(http_parser* parser) {
  // RESTinio reserves the whole declared body; keep that within the limit.
  const auto declared = parser->content_length;
  if (declared != ULLONG_MAX && declared > kMaxBodyBytes) parser->content_length = 0;
  const int result = restinio::impl::restinio_headers_complete_cb(parser);
  parser->content_length = declared;
  return result;
}

int on_body(http_parser* parser, const char* at, std::size_t length) {
  const std::size_t keep = room(ctx_of(parser).m_body.size(), length, kMaxBodyBytes);
  return keep == 0 ? 0 : restinio::impl::restinio_body_cb(parser, at, keep);
}

int on_chunk_header(http_parser* parser) {
  if (ctx_of(parser).m_body.size() > kMaxBodyBytes) return 0;
  return restinio::impl::restinio_chunk_header_cb(parser);
}

bool too_long(const restinio::http_header_fields_t& fields) {
  bool over = fields.fields_count() > kMaxFieldCount;
  fields.for_each_field([&](const restinio::http_header_field_t& f) {
    over = over || f.name().size() > kMaxFieldNameBytes || f.value().size() > kMaxFieldValueBytes;
  });
  return over;
}

}  // namespace

restinio::incoming_http_msg_limits_t parser_limits() {
  return restinio::incoming_http_msg_limits_t{}
      .max_url_size(kMaxUrlBytes + 1)
      .max_field_name_size(kMaxFieldNameBytes + 1)
      .max_field_value_size(kMaxFieldValueBytes + 2)
      .max_field_count(kMaxFieldCount + 2)
      .max_body_size(kMaxBodyBytes + 1);
}

http_parser_settings limited_parser_settings() noexcept {
  http_parser_settings s = restinio::impl::create_parser_settings<restinio::default_http_methods_t>();
  s.on_url = on_url;
  s.on_header_field = on_field;
  s.on_header_value = on_value;
  s.on_headers_complete = on_headers_complete;
  s.on_body = on_body;
  s.on_chunk_header = on_chunk_header;
  s.on_message_complete = restinio::impl::restinio_message_complete_cb<ParserMethods>;
  return s;
}

std::optional<Response> over_limit(const restinio::request_t& request) {
  const auto& h = request.header();
  if (h.request_target().size() > kMaxUrlBytes) {
    return error_response(414, "uri_too_long", fmt::format("the address is over {} bytes; shorten it", kMaxUrlBytes));
  }
  const auto* chunks = request.chunked_input_info();
  if (too_long(h) || (chunks != nullptr && too_long(chunks->trailing_fields()))) {
    return error_response(431, "headers_too_large",
                          fmt::format("the request headers are too large; the limits are {} fields, {} bytes a name "
                                      "and {} bytes a value",
                                      kMaxFieldCount, kMaxFieldNameBytes, kMaxFieldValueBytes));
  }
  if (request.body().size() > kMaxBodyBytes) {
    return error_response(
        413, "too_large",
        fmt::format("the body is over the limit of {} bytes ({} KiB)", kMaxBodyBytes, kMaxBodyBytes / 1024));
  }
  return std::nullopt;
}

bool implemented_method(const restinio::http_method_id_t& method) {
  return method == restinio::http_method_get() || method == restinio::http_method_head() ||
         method == restinio::http_method_post();
}

Response not_implemented(const std::string& method) {
  return error_response(
      501, "not_implemented",
      fmt::format("the method {} is not implemented; this server answers GET, HEAD and POST", method.substr(0, 16)));
}

}  // namespace kc::http
