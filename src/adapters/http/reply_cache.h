// Replies of read-only routes kept in memory while the store is unchanged. A second SQLite
// connection reads PRAGMA data_version, which changes whenever any other connection (this
// server's store, or a `kneecoach` command) commits; then every kept reply is dropped.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "adapters/http/http_types.h"
#include "core/common/result.h"

struct sqlite3;

namespace kc::http {

class ReplyCache {
 public:
  // Watches the database file at `db_path` (which must exist).
  static Result<ReplyCache> open(const std::string& db_path);
  ReplyCache(ReplyCache&& other) noexcept;
  ReplyCache& operator=(ReplyCache&&) = delete;
  ReplyCache(const ReplyCache&) = delete;
  ReplyCache& operator=(const ReplyCache&) = delete;
  ~ReplyCache();

  // The reply kept under `key`, if the store has not changed since it was kept.
  std::optional<Response> find(const std::string& key);
  // Keeps `reply` under `key` (at most kMaxEntries; beyond that the cache starts afresh).
  void keep(const std::string& key, const Response& reply);

  static constexpr std::size_t kMaxEntries = 20000;

 private:
  explicit ReplyCache(sqlite3* db) : db_(db) {}
  long long data_version();
  sqlite3* db_ = nullptr;
  long long version_ = -1;
  std::map<std::string, Response> replies_;
};

}  // namespace kc::http
