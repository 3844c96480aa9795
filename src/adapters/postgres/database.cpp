#include "adapters/postgres/database.h"

#include <fmt/format.h>

#include <chrono>
#include <regex>
#include <utility>

namespace kc::postgres {
namespace {

// The URL with any password replaced by "***", for messages.
std::string without_password(const std::string& url) {
  static const std::regex in_uri(R"(^(postgres(?:ql)?://[^:/@]*:)[^@]*@)");
  static const std::regex in_keywords(R"((password\s*=\s*)('[^']*'|\S+))");
  return std::regex_replace(std::regex_replace(url, in_uri, "$1***@"), in_keywords, "$1***");
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

Error unreachable(const std::string& where, const std::exception& e) {
  return make_error(fmt::format(
      "cannot connect to the PostgreSQL database {}: {}\n"
      "Check that the server is running and that the URL names the right host (or socket folder), port, "
      "database and user, e.g. postgresql://USER@HOST:5432/DATABASE or postgresql:///DATABASE?host=/SOCKET/DIR",
      where, trimmed(e.what())));
}

// The transaction types: writes are READ COMMITTED (the stores lock the rows they read before
// writing), reads one read-only snapshot.
using WriteTx = pqxx::work;
using ReadTx = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

}  // namespace

bool is_read_snapshot(const pqxx::transaction_base& tx) { return dynamic_cast<const ReadTx*>(&tx) != nullptr; }

Database::Database(std::string url, const Options& options)
    : url_(std::move(url)), where_(without_password(url_)), options_(options) {}

Options pool_for(int threads, int connections) {
  Options options;
  options.pool_size = connections;
  options.read_reserve = connections < threads ? connections / 4 : 0;
  return options;
}

Database::~Database() = default;

Result<std::shared_ptr<Database>> Database::open(const std::string& url, const Options& options) {
  if (options.pool_size < 1 || options.pool_size > 200) {
    return make_error(errc::kOutOfRange, "pool_size",
                      fmt::format("a PostgreSQL pool of {} connections: expected 1 to 200", options.pool_size));
  }
  if (options.read_reserve < 0 || options.read_reserve >= options.pool_size) {
    return make_error(errc::kOutOfRange, "read_reserve",
                      fmt::format("{} of {} connections kept for reads: expected 0 to {}", options.read_reserve,
                                  options.pool_size, options.pool_size - 1));
  }
  std::shared_ptr<Database> db(new Database(url, options));
  for (int i = 0; i < options.pool_size; ++i) {
    auto c = db->connect();
    if (!c) return c.error();
    db->idle_.push_back(std::move(c).value());
  }
  return db;
}

Result<std::unique_ptr<pqxx::connection>> Database::connect() const {
  try {
    auto c = std::make_unique<pqxx::connection>(url_);
    // Every commit waits for its WAL to be flushed, whatever the server's default.
    c->set_variable("synchronous_commit", "on");
    c->set_variable("client_min_messages", "warning");
    return c;
  } catch (const pqxx::broken_connection& e) {
    return unreachable(where_, e);
  } catch (const std::exception& e) {
    return make_error(fmt::format("cannot use the PostgreSQL database {}: {}", where_, trimmed(e.what())));
  }
}

Result<std::unique_ptr<pqxx::connection>> Database::borrow(bool for_read) {
  std::unique_ptr<pqxx::connection> c;
  {
    std::unique_lock lock(mutex_);
    if (for_read) {
      ++waiting_reads_;
      read_may_.wait(lock, [&] { return !idle_.empty(); });
      --waiting_reads_;
    } else {
      write_may_.wait(lock, [&] { return idle_.size() > read_reserve(); });
    }
    c = std::move(idle_.back());
    idle_.pop_back();
    if (idle_.size() > read_reserve()) write_may_.notify_one();  // a wake-up that went to a reader
  }
  if (c && c->is_open()) return c;
  auto fresh = connect();  // the server restarted or the connection broke: a new one
  if (!fresh) give_back(nullptr);
  return fresh;
}

void Database::give_back(std::unique_ptr<pqxx::connection> connection) {
  bool wake_read = false;
  bool wake_write = false;
  {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    wake_read = waiting_reads_ > 0;
    wake_write = !wake_read && idle_.size() > read_reserve();
  }
  if (wake_read) read_may_.notify_one();
  if (wake_write) write_may_.notify_one();
}

Database::Frame* Database::frame() {
  const std::lock_guard lock(mutex_);
  auto it = current_.find(std::this_thread::get_id());
  return it == current_.end() ? nullptr : &it->second;
}

void Database::set_frame(std::optional<Frame> frame) {
  const std::lock_guard lock(mutex_);
  if (frame) {
    current_[std::this_thread::get_id()] = *frame;
  } else {
    current_.erase(std::this_thread::get_id());
  }
}

Database::AnyBody Database::as_any(const Body& body) {
  // Only given to kinds that run on a dbtransaction (run_new) or join one (run_joined).
  return [&body](pqxx::transaction_base& tx) { return body(static_cast<pqxx::dbtransaction&>(tx)); };
}

Status Database::write(const Body& body) { return run(Kind::kWrite, as_any(body)); }
Status Database::read(const Body& body) { return run(Kind::kRead, as_any(body)); }
Status Database::write_locked(const Body& body) { return run(Kind::kWriteLocked, as_any(body)); }
Status Database::write_one(const OneStatement& body) { return run(Kind::kWriteOne, body); }
Status Database::read_one(const OneStatement& body) { return run(Kind::kReadOne, body); }

Status Database::run(Kind kind, const AnyBody& body) {
  if (Frame* outer = frame()) return run_joined(*outer, body);
  return run_new(kind, body);
}

// Inside the thread's open transaction: a savepoint, so a failed body undoes only its own part.
// (Savepoints by hand: libpqxx 6's subtransaction skips its SAVEPOINT before exec_params.)
Status Database::run_joined(Frame& outer, const AnyBody& body) {
  pqxx::dbtransaction& tx = *outer.tx;
  const std::string savepoint = fmt::format("kc_{}", ++outer.depth);
  Status status = Ok{};
  try {
    tx.exec("SAVEPOINT " + savepoint);
    status = body(tx);
  } catch (const pqxx::transaction_rollback& e) {
    outer.retry = true;  // the whole outer transaction runs again
    status = make_error(fmt::format("store: {}", trimmed(e.what())));
  } catch (const std::exception& e) {
    status = make_error(fmt::format("store: {}", trimmed(e.what())));
  }
  try {
    tx.exec((status ? "RELEASE SAVEPOINT " : "ROLLBACK TO SAVEPOINT ") + savepoint);
  } catch (const std::exception& e) {
    outer.broken = true;  // the outer transaction cannot go on: it rolls back
    if (status) status = make_error(fmt::format("store: {}", trimmed(e.what())));
  }
  --outer.depth;
  return status;
}

Status Database::run_new(Kind kind, const AnyBody& body) {
  auto borrowed = borrow(kind == Kind::kRead || kind == Kind::kReadOne);
  if (!borrowed) return borrowed.error();
  std::unique_ptr<pqxx::connection> c = std::move(borrowed).value();
  const bool one = kind == Kind::kReadOne || kind == Kind::kWriteOne;
  Status status = Ok{};
  for (int attempt = 0;; ++attempt) {
    bool retry = false;
    try {
      if (one) {
        pqxx::nontransaction tx(*c);  // autocommit: the statement is its own transaction
        status = body(tx);
      } else {
        status = run_in_transaction(kind, *c, body, retry);
      }
    } catch (const pqxx::transaction_rollback& e) {
      retry = true;
      status = make_error(fmt::format("store: {}", trimmed(e.what())));
    } catch (const pqxx::in_doubt_error& e) {
      status = in_doubt(e);
    } catch (const pqxx::broken_connection& e) {
      // A single write statement commits on the server before its reply: its fate is unknown.
      status = kind == Kind::kWriteOne ? in_doubt(e) : unreachable(where_, e);
    } catch (const std::exception& e) {
      status = make_error(fmt::format("store: {}", trimmed(e.what())));
    }
    set_frame(std::nullopt);
    if (!retry) break;
    if (attempt >= options_.serial_retries) {
      status = make_error(
          fmt::format("store: the write clashed with concurrent writes {} times in a row; try again", attempt + 1));
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1 + attempt * 2));
  }
  give_back(c && c->is_open() ? std::move(c) : nullptr);
  return status;
}

Status Database::run_in_transaction(Kind kind, pqxx::connection& c, const AnyBody& body, bool& retry) {
  std::unique_ptr<pqxx::dbtransaction> tx;
  if (kind == Kind::kRead) {
    tx = std::make_unique<ReadTx>(c);
  } else {
    tx = std::make_unique<WriteTx>(c);  // kWrite and kWriteLocked
  }
  set_frame(Frame{tx.get()});
  Status status = body(*tx);
  const Frame done = *frame();
  set_frame(std::nullopt);
  retry = done.retry;
  if (done.broken && status)
    status = make_error("store: a statement inside the transaction failed; nothing was stored");
  if (status && !retry && !done.broken) {
    tx->commit();
  } else {
    tx->abort();
  }
  return status;
}

Error Database::in_doubt(const std::exception& e) const {
  return make_error(
      fmt::format("store: the connection to {} broke while committing, so whether the write was stored is unknown: {}",
                  where_, trimmed(e.what())));
}

}  // namespace kc::postgres
