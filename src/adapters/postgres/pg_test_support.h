// For tests only: a fresh PostgreSQL database for each test on the test cluster. Under CTest the
// fixture `postgres` (scripts/pg-cluster) runs the cluster and KNEECOACH_TEST_PG_URL names it;
// run by hand without it, tests skip (GTEST_SKIP with the reason from TestDatabase::unavailable).
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <optional>
#include <pqxx/pqxx>
#include <string>

namespace kc::postgres::testing {

// `url` with its database name replaced by `name` (URL forms postgresql://AUTH/DB?... only).
inline std::string with_database(const std::string& url, const std::string& name) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto slash = url.find('/', scheme + 3);
  const auto query = url.find('?', scheme + 3);
  const std::string head = url.substr(0, slash == std::string::npos || slash > query ? query : slash);
  return head + "/" + name + (query == std::string::npos ? "" : url.substr(query));
}

class TestDatabase {
 public:
  // Why the test cluster cannot be used, or nullopt when it can.
  static std::optional<std::string> unavailable() {
    if (server_url().empty()) {
      return "KNEECOACH_TEST_PG_URL is not set: run through ctest (fixture postgres), or start a cluster with "
             "scripts/pg-cluster start DIR and export KNEECOACH_TEST_PG_URL=$(scripts/pg-cluster url DIR)";
    }
    return std::nullopt;
  }
  static std::string server_url() {
    const char* url = std::getenv("KNEECOACH_TEST_PG_URL");
    return url == nullptr ? "" : url;
  }

  // Creates an empty database with a name unique to this process.
  TestDatabase() {
    static std::atomic<int> counter{0};
    name_ = "kc_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    admin("CREATE DATABASE " + name_);
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase() {
    try {
      admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): a leftover test database is harmless
    }
  }

  std::string url() const { return with_database(server_url(), name_); }
  const std::string& name() const { return name_; }

  // Runs one statement on this database and returns the first column of the first row ("" if none).
  std::string query(const std::string& sql) const {
    pqxx::connection c(url());
    pqxx::nontransaction tx(c);
    auto rows = tx.exec(sql);
    return rows.empty() || rows[0][0].is_null() ? std::string() : rows[0][0].c_str();
  }

 private:
  static void admin(const std::string& sql) {
    pqxx::connection c(server_url());
    pqxx::nontransaction tx(c);
    tx.exec(sql);
  }
  std::string name_;
};

}  // namespace kc::postgres::testing
