// postgres/: the clinic's stores on PostgreSQL 15 (Store, ClinicStore): pooled connections, migrations.
// A PostgreSQL database shared by a server's threads: a fixed pool of connections and the
// transactions run on them. Every write transaction is READ COMMITTED (a store locks the rows it
// reads before writing, e.g. the person's row) and is retried when PostgreSQL reports a deadlock
// or a serialization failure; every read is one REPEATABLE READ, READ ONLY snapshot. A transaction opened while the
// calling thread already runs one (a Store call inside Store::once's write) joins it as a savepoint instead of
// borrowing a second connection.
//
// A pool shared by more threads than it has connections (pool_for) keeps some of them for reads:
// a write waits while no more than `read_reserve` connections are idle, and a returned connection
// goes to a waiting read first. A burst of writes (patients' sessions) then never makes a read (a
// clinician's page) queue behind it, at the cost of the writes' concurrency (12 of 16 connections).
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <thread>
#include <vector>

#include "core/common/result.h"

namespace kc::postgres {

struct Options {
  int pool_size = 8;        // connections opened at start and shared by every thread (1..200)
  int serial_retries = 20;  // how often a write is retried after a serialization failure or deadlock
  int read_reserve = 0;     // idle connections a write leaves to reads (0 .. pool_size - 1)
};

// The options of a pool of `connections` shared by `threads` threads: with fewer connections than
// threads, a quarter of them is kept for reads (read_reserve); otherwise no thread ever waits.
Options pool_for(int threads, int connections);

// Whether `tx` is a transaction of Database::read: one read-only snapshot (REPEATABLE READ), not
// joined to a write. What it reads is then exactly what some committed state of the database held.
bool is_read_snapshot(const pqxx::transaction_base& tx);

class Database {
 public:
  using Body = std::function<Status(pqxx::dbtransaction&)>;
  // A body that sends exactly one statement (see write_one).
  using OneStatement = std::function<Status(pqxx::transaction_base&)>;

  // Connects `options.pool_size` times to `url` (a libpq URL or key=value string). Fails with a
  // message naming the server and how to fix the URL or start the server.
  static Result<std::shared_ptr<Database>> open(const std::string& url, const Options& options);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs `body` in one write transaction and commits it when `body` succeeds; an error from
  // `body` (or any exception it throws) rolls everything back. Durable on return.
  Status write(const Body& body);
  // Runs `body` in one consistent read-only snapshot.
  Status read(const Body& body);
  // A READ COMMITTED write, for bodies that serialise themselves with locks (migrations): each
  // statement sees what committed before it, e.g. while it waited for a lock. Not retried.
  Status write_locked(const Body& body);

  // Runs `body`, which sends exactly one statement, as that statement's own transaction
  // (autocommit): one round trip instead of BEGIN, the statement and COMMIT. A write is durable
  // on return and retried as write() is; if the connection breaks before the reply, the error
  // says the outcome is unknown. Inside the thread's open transaction it joins it as a savepoint.
  Status write_one(const OneStatement& body);
  // The same for one read-only statement (a statement sees one snapshot).
  Status read_one(const OneStatement& body);

  // Typed forms: `body` returns Result<T>.
  template <typename T>
  Result<T> write(const std::function<Result<T>(pqxx::dbtransaction&)>& body) {
    return typed<T>(Kind::kWrite, body);
  }
  template <typename T>
  Result<T> read(const std::function<Result<T>(pqxx::dbtransaction&)>& body) {
    return typed<T>(Kind::kRead, body);
  }
  template <typename T>
  Result<T> write_one(const std::function<Result<T>(pqxx::transaction_base&)>& body) {
    return typed<T>(Kind::kWriteOne, body);
  }
  template <typename T>
  Result<T> read_one(const std::function<Result<T>(pqxx::transaction_base&)>& body) {
    return typed<T>(Kind::kReadOne, body);
  }

  // The URL without its password, for messages.
  const std::string& where() const { return where_; }

 private:
  Database(std::string url, const Options& options);
  // A thread's open transaction.
  struct Frame {
    pqxx::dbtransaction* tx = nullptr;
    int depth = 0;        // savepoints open inside it
    bool retry = false;   // a serialization failure: run the whole transaction again
    bool broken = false;  // a savepoint could not be closed: roll back
  };
  // kReadOne and kWriteOne run on a pqxx::nontransaction (autocommit); the others on a
  // dbtransaction, so their bodies may take it as one.
  enum class Kind { kRead, kWrite, kWriteLocked, kReadOne, kWriteOne };
  using AnyBody = std::function<Status(pqxx::transaction_base&)>;
  static AnyBody as_any(const Body& body);
  Status run(Kind kind, const AnyBody& body);
  Status run_joined(Frame& outer, const AnyBody& body);
  Status run_new(Kind kind, const AnyBody& body);
  // One attempt of a kRead/kWrite/kWriteLocked body in its transaction on `c`; sets `retry` when
  // it must run again. Throws what libpqxx throws.
  Status run_in_transaction(Kind kind, pqxx::connection& c, const AnyBody& body, bool& retry);
  Error in_doubt(const std::exception& e) const;
  Result<std::unique_ptr<pqxx::connection>> connect() const;
  // Waits for an idle connection (reconnecting a broken one): for a read, any; for a write, one
  // beyond the read reserve. give_back returns it (or nullptr).
  Result<std::unique_ptr<pqxx::connection>> borrow(bool for_read);
  void give_back(std::unique_ptr<pqxx::connection> connection);
  // Idle connections a write leaves to reads (Options::read_reserve).
  std::size_t read_reserve() const { return static_cast<std::size_t>(options_.read_reserve); }
  Frame* frame();  // the calling thread's, or nullptr
  void set_frame(std::optional<Frame> frame);

  template <typename T, typename Tx>
  Result<T> typed(Kind kind, const std::function<Result<T>(Tx&)>& body) {
    std::optional<Result<T>> out;
    auto status = run(kind, [&](pqxx::transaction_base& tx) -> Status {
      out.emplace(body(static_cast<Tx&>(tx)));
      if (!*out) return out->error();
      return Ok{};
    });
    if (!status) return status.error();
    return std::move(*out);
  }

  std::string url_;
  std::string where_;
  Options options_;
  std::mutex mutex_;
  int waiting_reads_ = 0;              // reads waiting in borrow
  std::condition_variable read_may_;   // a connection was returned for a waiting read
  std::condition_variable write_may_;  // more connections than the reserve are idle
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::map<std::thread::id, Frame> current_;  // each thread's open transaction
};

}  // namespace kc::postgres
