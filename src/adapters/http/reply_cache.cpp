#include "adapters/http/reply_cache.h"

#include <sqlite3.h>

namespace kc::http {

Result<ReplyCache> ReplyCache::open(const std::string& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string message = "cannot watch the store " + db_path + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return make_error(message);
  }
  return ReplyCache(db);
}

ReplyCache::ReplyCache(ReplyCache&& other) noexcept
    : db_(other.db_), version_(other.version_), replies_(std::move(other.replies_)) {
  other.db_ = nullptr;
}

ReplyCache::~ReplyCache() { sqlite3_close(db_); }

long long ReplyCache::data_version() {
  sqlite3_stmt* stmt = nullptr;
  long long v = -1;
  if (sqlite3_prepare_v2(db_, "PRAGMA data_version", -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    v = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return v;
}

std::optional<Response> ReplyCache::find(const std::string& key) {
  const long long v = data_version();
  if (v < 0 || v != version_) {
    replies_.clear();
    version_ = v;
    return std::nullopt;
  }
  const auto it = replies_.find(key);
  if (it == replies_.end()) return std::nullopt;
  return it->second;
}

void ReplyCache::keep(const std::string& key, const Response& reply) {
  if (version_ < 0) return;
  if (replies_.size() >= kMaxEntries) replies_.clear();
  replies_[key] = reply;
}

}  // namespace kc::http
