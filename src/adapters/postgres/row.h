// libpqxx glue: a result row read by column index with the accessors the store's row readers
// expect (core/store/rows.h). (libpqxx binds an empty std::optional as SQL NULL.)
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/common/result.h"

namespace kc::postgres {

class Row {
 public:
  explicit Row(const pqxx::row& row) : row_(row) {}
  std::int64_t int64(int column) const { return row_[column].as<std::int64_t>(); }
  int integer(int column) const { return row_[column].as<int>(); }
  double real(int column) const { return row_[column].as<double>(); }
  std::string text(int column) const { return row_[column].is_null() ? std::string() : row_[column].c_str(); }
  bool is_null(int column) const { return row_[column].is_null(); }
  std::optional<int> opt_int(int column) const {
    return is_null(column) ? std::nullopt : std::optional<int>(integer(column));
  }
  std::optional<std::string> opt_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
  }

 private:
  const pqxx::row& row_;
};

// Runs `sql` with `args` ($1, $2, ...) as a statement prepared on the transaction's connection:
// PostgreSQL parses and plans it once per connection (on its first use there), not on every call.
// The statement's name is derived from its text, so one text is one statement.
template <typename... Args>
pqxx::result exec(pqxx::transaction_base& tx, std::string_view sql, Args&&... args) {
  const std::string name = fmt::format("kc_{:016x}", std::hash<std::string_view>{}(sql));
  tx.conn().prepare(name, std::string(sql));  // only remembered; nothing is sent when it is known
  return tx.exec_prepared(name, std::forward<Args>(args)...);
}

// exec() for a statement that returns exactly one row: that row (pqxx::unexpected_rows otherwise).
template <typename... Args>
pqxx::row exec1(pqxx::transaction_base& tx, std::string_view sql, Args&&... args) {
  auto rows = exec(tx, sql, std::forward<Args>(args)...);
  if (rows.size() != 1) throw pqxx::unexpected_rows(fmt::format("expected 1 row, got {}", rows.size()));
  return rows[0];
}

// Every row of `result` through `read` (a row reader of core/store/rows.h returning Result<T>).
template <typename T, typename F>
Result<std::vector<T>> collect(const pqxx::result& result, F&& read) {
  std::vector<T> out;
  out.reserve(result.size());
  for (const auto& r : result) {
    auto item = read(Row(r));
    if (!item) return item.error();
    out.push_back(std::move(item).value());
  }
  return out;
}

}  // namespace kc::postgres
