// A thin RAII layer over the SQLite C API: a connection, prepared statements, and a
// transaction guard that rolls back unless committed. Errors are values.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.h"

namespace kc::sqlite {

class Db;

// A prepared statement. Bind with 1-based indexes; step() until it returns false.
class Stmt {
 public:
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&&) = delete;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& bind(int index, std::int64_t value);
  Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Stmt& bind(int index, double value);
  Stmt& bind(int index, std::string_view value);
  Stmt& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Stmt& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Stmt& bind_null(int index);
  template <typename T>
  Stmt& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Runs one step: true when a row is ready, false when done; an error otherwise.
  Result<bool> step();
  // Steps to completion (for statements that return no rows).
  Status run();

  std::int64_t int64(int column) const;
  int integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::string_view view(int column) const;  // text() without a copy: valid until the next step
  bool is_null(int column) const;
  std::optional<int> opt_int(int column) const;
  std::optional<std::string> opt_text(int column) const;

 private:
  friend class Db;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_error_ = SQLITE_OK;
};

class Db {
 public:
  // Opens `path`; `read_only` opens without creating or writing.
  static Result<Db> open(const std::string& path, bool read_only);
  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Runs one or more statements with no parameters.
  Status exec(std::string_view sql);
  Result<Stmt> prepare(std::string_view sql);
  std::int64_t last_insert_id() const;
  std::string error_message() const;
  // Whether a transaction is open on this connection.
  bool in_transaction() const;
  const std::string& path() const { return path_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

// BEGIN IMMEDIATE (a write) or BEGIN (a consistent read) on construction; ROLLBACK on
// destruction unless commit() succeeded. Inside an open transaction it is a savepoint instead:
// commit() keeps its writes in the outer transaction, destruction rolls back only its own.
class Transaction {
 public:
  static Result<Transaction> begin(Db& db, bool write = true);
  Transaction(Transaction&& other) noexcept : db_(other.db_), nested_(other.nested_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  Status commit();

 private:
  Transaction(Db& db, bool nested) : db_(&db), nested_(nested) {}
  Db* db_;
  bool nested_;  // a savepoint inside an open transaction: commit releases it into the outer one
};

}  // namespace kc::sqlite
