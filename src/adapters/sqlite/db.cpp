#include "adapters/sqlite/db.h"

#include <fmt/format.h>

#include <utility>

namespace kc::sqlite {

Stmt::Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(other.stmt_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

Stmt::~Stmt() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::bind(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::bind(int index, std::string_view value) {
  const int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Stmt& Stmt::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Result<bool> Stmt::step() {
  if (bind_error_ != SQLITE_OK)
    return make_error(fmt::format("store: binding a value failed: {}", sqlite3_errstr(bind_error_)));
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return make_error(fmt::format("store: {}", sqlite3_errmsg(db_)));
}

Status Stmt::run() {
  for (;;) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) return Ok{};
  }
}

std::int64_t Stmt::int64(int column) const { return sqlite3_column_int64(stmt_, column); }
int Stmt::integer(int column) const { return sqlite3_column_int(stmt_, column); }
double Stmt::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Stmt::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string Stmt::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return {};
  const int n = sqlite3_column_bytes(stmt_, column);
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::string_view Stmt::view(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return {};
  return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<int> Stmt::opt_int(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

std::optional<std::string> Stmt::opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

Result<Db> Db::open(const std::string& path, bool read_only) {
  sqlite3* raw = nullptr;
  const int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Db db(raw, path);
  if (rc != SQLITE_OK) {
    return make_error(
        fmt::format("cannot open the store {}: {}", path, raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  return db;
}

Db::Db(Db&& other) noexcept : db_(other.db_), path_(std::move(other.path_)) { other.db_ = nullptr; }

Db& Db::operator=(Db&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string owned(sql);
  const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string text = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    return make_error(fmt::format("store {}: {}", path_, text));
  }
  return Ok{};
}

Result<Stmt> Db::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return make_error(fmt::format("store {}: {}", path_, sqlite3_errmsg(db_)));
  return Stmt(db_, stmt);
}

std::int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
std::string Db::error_message() const { return sqlite3_errmsg(db_); }

Result<Transaction> Transaction::begin(Db& db, bool write) {
  if (db.in_transaction()) {
    if (auto s = db.exec("SAVEPOINT kc_nested"); !s) return s.error();
    return Transaction(db, true);
  }
  if (auto s = db.exec(write ? "BEGIN IMMEDIATE" : "BEGIN"); !s) return s.error();
  return Transaction(db, false);
}

Transaction::~Transaction() {
  if (db_ == nullptr) return;
  (void)db_->exec(nested_ ? "ROLLBACK TO kc_nested; RELEASE kc_nested" : "ROLLBACK");
}

Status Transaction::commit() {
  if (auto s = db_->exec(nested_ ? "RELEASE kc_nested" : "COMMIT"); !s) return s;
  db_ = nullptr;
  return Ok{};
}

bool Db::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace kc::sqlite
