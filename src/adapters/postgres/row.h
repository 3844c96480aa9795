// libpqxx glue: a result row read by column index with the accessors the store's row readers
// expect (core/store/rows.h). (libpqxx binds an empty std::optional as SQL NULL.)
#pragma once

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <functional>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/common/result.h"

namespace kc::postgres {

// A row's fields are looked up once, when the Row is made, and kept as pointers into the result
// (which must outlive the Row), in the Row itself up to kInline columns: each pqxx::field a row
// hands out holds a copy of its result (two reference counts), and a caseload page reads about
// 100,000 fields. One iterator walks the columns (it is a field that moves along the row); the
// loop's end is made once, as making it is making a field.
class Row {
 public:
  explicit Row(const pqxx::row& row) : size_(row.size()) {
    if (size_ > kInline) spilled_.resize(size_);
    const char** out = size_ > kInline ? spilled_.data() : inline_.data();
    const auto end = row.end();
    for (auto f = row.begin(); f != end; ++f) *out++ = f->is_null() ? nullptr : f->c_str();
  }
  std::int64_t int64(int column) const { return as<std::int64_t>(column); }
  int integer(int column) const { return as<int>(column); }
  double real(int column) const { return as<double>(column); }
  std::string text(int column) const {
    const char* value = at(column);
    return value == nullptr ? std::string() : std::string(value);
  }
  std::string_view view(int column) const {  // text() without a copy: valid while the result is
    const char* value = at(column);
    return value == nullptr ? std::string_view() : std::string_view(value);
  }
  bool is_null(int column) const { return at(column) == nullptr; }
  std::optional<int> opt_int(int column) const {
    return is_null(column) ? std::nullopt : std::optional<int>(integer(column));
  }
  std::optional<std::string> opt_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
  }

 private:
  // The column's text, nullptr for NULL (pqxx::range_error when there is no such column).
  const char* at(int column) const {
    if (column < 0 || static_cast<std::size_t>(column) >= size_) {
      throw pqxx::range_error(fmt::format("column {} of a row of {}", column, size_));
    }
    const auto i = static_cast<std::size_t>(column);
    return size_ > kInline ? spilled_[i] : inline_[i];
  }
  // The column as T, as pqxx::field::as<T> reads it (pqxx::conversion_error for NULL or bad text).
  // A number is read by std::from_chars first: libpqxx 6 reads a double through a string stream,
  // 6% of the server's CPU for a caseload page (bench/clinic/README.md). PostgreSQL's own texts
  // of numbers (including "NaN" and "Infinity") are what from_chars reads; anything else goes to
  // libpqxx, which reads it or throws as before.
  template <typename T>
  T as(int column) const {
    const char* value = at(column);
    if (value == nullptr) throw pqxx::conversion_error(fmt::format("column {} is NULL", column));
    T out{};
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
      const char* end = value + std::char_traits<char>::length(value);
      const auto [stop, error] = std::from_chars(value, end, out);
      if (error == std::errc() && stop == end) return out;
    }
    pqxx::from_string(value, out);
    return out;
  }

  static constexpr std::size_t kInline = 16;  // as wide as the stores' widest rows (program_change)
  std::size_t size_ = 0;
  std::array<const char*, kInline> inline_{};
  std::vector<const char*> spilled_;  // used instead of inline_ for a wider row
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
