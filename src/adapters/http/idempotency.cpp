#include "adapters/http/idempotency.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace kc::http {
namespace {

constexpr std::size_t kMaxKey = 255;

bool valid_key(const std::string& key) {
  return !key.empty() && key.size() <= kMaxKey &&
         std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 0x7f; });
}

}  // namespace

Response with_idempotency(store::Store& store, const Request& r, const std::function<Response()>& handle) {
  const auto keys = r.header_values("idempotency-key");
  if (keys.empty()) return handle();
  if (keys.size() > 1) {
    return error_response(400, "invalid", "Idempotency-Key: sent more than once; send one key per request",
                          "Idempotency-Key");
  }
  const std::string& key = keys.front();
  if (!valid_key(key)) {
    return error_response(400, "invalid",
                          fmt::format("Idempotency-Key: expected 1 to {} visible ASCII characters (no spaces), such "
                                      "as a random UUID made once per user action",
                                      kMaxKey),
                          "Idempotency-Key");
  }
  std::optional<Response> fresh;
  auto kept = store.once(key, r.method + " " + r.path + "\n" + r.body, [&]() -> Result<store::Store::KeptReply> {
    fresh = handle();
    return store::Store::KeptReply{fresh->status, fresh->body, false};
  });
  if (!kept) return error_reply(kept.error());
  if (!kept->replayed && fresh) return *fresh;
  Response replay = json_response(kept->status, kept->body);
  replay.headers.emplace_back("Idempotent-Replayed", "true");
  return replay;
}

}  // namespace kc::http
