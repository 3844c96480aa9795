// The PostgreSQL store against a real PostgreSQL 15: the Store contract, then what only a shared
// server has: threads sharing one store, keyed writes racing, migrations racing, schema refusals,
// and clear errors for a bad URL. Needs KNEECOACH_TEST_PG_URL (ctest's fixture postgres sets it).
#include "adapters/postgres/pg_store.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <future>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

#include "adapters/postgres/database.h"
#include "adapters/postgres/pg_test_support.h"
#include "adapters/postgres/row.h"
#include "core/store/store_contract_test.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::postgres {
namespace {

using store::testing::StoreContract;
using testing::TestDatabase;
using tracking::testing::at;
using tracking::testing::day;

// Runs f(0) ... f(n - 1) on n threads at once and waits for them all.
template <typename F>
void in_threads(int n, const F& f) {
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(n));
  for (int t = 0; t < n; ++t) threads.emplace_back(f, t);
  for (auto& th : threads) th.join();
}

// The Store contract (core/store/store_contract_test.cpp) on PostgreSQL: a new database each test.
store::testing::StoreBackend postgres_backend() {
  return {"Postgres", [] {
            store::testing::StoreUnderTest t;
            if (auto why = TestDatabase::unavailable()) {
              t.skip = *why;
              return t;
            }
            auto db = std::make_shared<TestDatabase>();
            auto s = open_store(db->url());
            EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
            if (s.ok()) t.store = std::move(s).value();
            t.query = [db](const std::string& sql) { return db->query(sql); };
            t.keep = db;
            return t;
          }};
}

INSTANTIATE_TEST_SUITE_P(Postgres, StoreContract, ::testing::Values(postgres_backend()), store::testing::name_of);

class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = TestDatabase::unavailable()) GTEST_SKIP() << *why;
    db = std::make_unique<TestDatabase>();
  }
  std::unique_ptr<store::Store> open(int pool_size = 4) {
    auto s = open_store(db->url(), Options{pool_size, 20});
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return s.ok() ? std::move(s).value() : nullptr;
  }
  // A person with answers and an active plan; returns the plan.
  static store::PlanRecord set_up(store::Store& s, const std::string& name) {
    auto person = s.ensure_person(name, at(0, 7));
    EXPECT_TRUE(person.ok());
    tracking::testing::Script script;
    store::PlanRecord p = script.h.plan;
    p.id = 0;
    p.person = person->id;
    p.created_at = at(0, 7);
    auto saved = s.save_setup({{0, person->id, at(0, 7), "{}", "go"}, p});
    EXPECT_TRUE(saved.ok()) << (saved.ok() ? "" : saved.error().message);
    return saved.ok() ? *saved->plan : p;
  }
  static store::SessionLog session_of(const store::PlanRecord& plan, int n) {
    store::SessionLog s;
    s.person = plan.person;
    s.plan = plan.id;
    s.date = day(n % 40);
    s.session = "A";
    s.started_at = at(n % 40, 18) + std::chrono::seconds{n};
    s.ended_at = s.started_at + std::chrono::minutes{20};
    s.status = store::SessionStatus::kFinished;
    s.pain_during = n % 10;
    return s;
  }
  std::unique_ptr<TestDatabase> db;
};

TEST_F(PostgresStore, OpensWithTheLatestSchemaAndReopensWithoutMigratingAgain) {
  ASSERT_NE(open(), nullptr);
  EXPECT_EQ(db->query("SELECT max(version) FROM schema_version WHERE component = 'store'"),
            std::to_string(kStoreSchemaVersion));
  ASSERT_NE(open(), nullptr);
  EXPECT_EQ(db->query("SELECT count(*) FROM schema_version"), std::to_string(kStoreSchemaVersion));
  // SQLite's schema steps in PostgreSQL's words: 64-bit identity keys, doubles, ISO text instants.
  EXPECT_EQ(db->query("SELECT data_type || ' ' || is_identity FROM information_schema.columns "
                      "WHERE table_name = 'person' AND column_name = 'id'"),
            "bigint YES");
  EXPECT_EQ(db->query("SELECT data_type FROM information_schema.columns WHERE table_name = 'measurement' "
                      "AND column_name = 'value'"),
            "double precision");
  db->query("INSERT INTO idempotency_key (key, request, status, reply) VALUES ('k', 'r', 200, '')");
  EXPECT_EQ(db->query("SELECT created_at ~ '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$' "
                      "FROM idempotency_key"),
            "t");
}

TEST_F(PostgresStore, ANewerSchemaIsRefusedAndTheDatabaseLeftUnchanged) {
  ASSERT_NE(open(), nullptr);
  db->query("INSERT INTO schema_version (component, version) VALUES ('store', 99)");
  const std::string tables = db->query("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables");
  auto refused = open_store(db->url());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("newer kneecoach (store schema version 99"), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("not changed"), std::string::npos);
  EXPECT_EQ(db->query("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"), tables);
}

TEST_F(PostgresStore, ADatabaseOfSomethingElseIsRefused) {
  db->query("CREATE TABLE notes (t TEXT)");
  auto refused = open_store(db->url());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("is not a kneecoach database"), std::string::npos) << refused.error().message;
  EXPECT_EQ(db->query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "1");
}

TEST_F(PostgresStore, AnUnreachableServerIsAClearErrorWithoutThePassword) {
  auto refused = open_store("postgresql://ann:s3cret@/kneecoach?host=/nonexistent/socket/dir");
  ASSERT_FALSE(refused.ok());
  const std::string& m = refused.error().message;
  EXPECT_NE(m.find("cannot connect to the PostgreSQL database"), std::string::npos) << m;
  EXPECT_NE(m.find("/nonexistent/socket/dir"), std::string::npos) << m;
  EXPECT_NE(m.find("Check that the server is running"), std::string::npos) << m;
  EXPECT_EQ(m.find("s3cret"), std::string::npos) << m;
  auto no_database = open_store(testing::with_database(TestDatabase::server_url(), "no_such_database"));
  ASSERT_FALSE(no_database.ok());
  EXPECT_NE(no_database.error().message.find("no_such_database"), std::string::npos) << no_database.error().message;
  EXPECT_FALSE(open_store(db->url(), Options{0, 1}).ok());
}

TEST_F(PostgresStore, ThreadsSharingOneStoreAllLandTheirWrites) {
  auto s = open(4);
  ASSERT_NE(s, nullptr);
  constexpr int kThreads = 12;
  constexpr int kEach = 15;
  std::vector<store::PlanRecord> plans;
  plans.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) plans.push_back(set_up(*s, "p" + std::to_string(t)));
  std::atomic<int> failures{0};
  in_threads(kThreads, [&](int t) {
    for (int i = 0; i < kEach; ++i) {
      if (!s->save_session(session_of(plans[static_cast<std::size_t>(t)], i), {}, {}).ok()) ++failures;
      store::CheckIn ci;
      ci.person = plans[static_cast<std::size_t>(t)].person;
      ci.at = at(i, 8);
      ci.date = day(i);
      ci.next_morning_pain = i % 10;
      ci.triage_level = "go";
      if (!s->save_check_in(ci, {}, "").ok()) ++failures;
    }
  });
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(db->query("SELECT count(*) FROM session_log"), std::to_string(kThreads * kEach));
  EXPECT_EQ(db->query("SELECT count(*) FROM check_in"), std::to_string(kThreads * kEach));
  // Every session's pain and every check-in's next-morning pain, each once.
  EXPECT_EQ(db->query("SELECT count(*) FROM measurement"), std::to_string(2 * kThreads * kEach));
}

TEST_F(PostgresStore, OneKeyRacedFromManyThreadsIsKeptOnce) {
  auto s = open(4);
  ASSERT_NE(s, nullptr);
  const store::PlanRecord plan = set_up(*s, "ann");
  constexpr int kThreads = 8;
  std::atomic<int> fresh{0};
  std::atomic<int> replayed{0};
  in_threads(kThreads, [&](int) {
    auto r = s->once("same-key", "POST /sessions\n{}", [&]() -> Result<store::Store::KeptReply> {
      auto saved = s->save_session(session_of(plan, 1), {}, {});
      if (!saved) return saved.error();
      return store::Store::KeptReply{201, std::to_string(saved->id), false};
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
    (r->replayed ? replayed : fresh)++;
  });
  EXPECT_EQ(fresh.load(), 1);
  EXPECT_EQ(replayed.load(), kThreads - 1);
  EXPECT_EQ(db->query("SELECT count(*) FROM session_log"), "1");
}

TEST_F(PostgresStore, APoolOfOneServesStoreCallsInsideAKeyedWrite) {
  auto s = open(1);
  ASSERT_NE(s, nullptr);
  const store::PlanRecord plan = set_up(*s, "ann");
  auto r = s->once("k", "POST", [&]() -> Result<store::Store::KeptReply> {
    auto saved = s->save_session(session_of(plan, 1), {}, {});
    if (!saved) return saved.error();
    auto listed = s->sessions(plan.person);  // a read joins the same transaction too
    if (!listed) return listed.error();
    return store::Store::KeptReply{201, std::to_string(listed->size()), false};
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, "1");
}

// With fewer connections than threads, a quarter of them is kept for reads; a reserve that
// leaves writes no connection is refused before connecting.
TEST(PostgresPool, FewerConnectionsThanThreadsKeepAQuarterForReads) {
  EXPECT_EQ(pool_for(8, 8).read_reserve, 0);
  EXPECT_EQ(pool_for(64, 16).read_reserve, 4);
  EXPECT_EQ(pool_for(8, 4).read_reserve, 1);
  EXPECT_EQ(pool_for(8, 3).read_reserve, 0);
  EXPECT_EQ(pool_for(64, 16).pool_size, 16);
  Options none_for_writes{4, 20, 4};
  auto refused = Database::open("postgresql:///nowhere?host=/nonexistent", none_for_writes);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "read_reserve");
}

// With 3 of 4 connections in writes and one kept for reads, a fourth write waits, while a read
// (a clinician's page) takes the last connection at once.
TEST_F(PostgresStore, WritesLeaveTheReserveToReads) {
  auto opened = Database::open(db->url(), pool_for(8, 4));
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  const std::shared_ptr<Database> database = std::move(opened).value();
  std::mutex m;
  std::condition_variable changed;
  int holding = 0;
  bool release = false;
  const auto hold = [&](pqxx::dbtransaction& tx) -> Status {
    tx.exec("SELECT 1");
    std::unique_lock lock(m);
    ++holding;
    changed.notify_all();
    changed.wait(lock, [&] { return release; });
    return Ok{};
  };
  const auto let_go = [&] {
    const std::lock_guard lock(m);
    release = true;
    changed.notify_all();
  };
  std::vector<std::thread> writers;
  writers.reserve(3);
  for (int i = 0; i < 3; ++i) writers.emplace_back([&] { EXPECT_TRUE(database->write(hold).ok()); });
  {
    std::unique_lock lock(m);
    changed.wait(lock, [&] { return holding == 3; });
  }
  std::atomic<bool> fourth_ran{false};
  std::thread fourth([&] {
    EXPECT_TRUE(database
                    ->write([&](pqxx::dbtransaction&) -> Status {
                      fourth_ran = true;
                      return Ok{};
                    })
                    .ok());
  });
  auto read = std::async(std::launch::async, [&] {
    return database->read([](pqxx::dbtransaction& tx) -> Status {
      tx.exec("SELECT 1");
      return Ok{};
    });
  });
  const bool read_at_once = read.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
  EXPECT_TRUE(read_at_once) << "the read waited behind the writes";
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(fourth_ran.load()) << "a write took the connection kept for reads";
  let_go();
  for (auto& w : writers) w.join();
  fourth.join();
  EXPECT_TRUE(read.get().ok());
  EXPECT_TRUE(fourth_ran.load());
}

// Row reads PostgreSQL's texts of numbers (std::from_chars first, libpqxx for the rest): the
// special doubles, the widest integers and a third exactly; text that is no number is an error.
TEST_F(PostgresStore, RowsReadEveryNumberPostgresqlWrites) {
  pqxx::connection c(db->url());
  pqxx::work tx(c);
  const auto r = tx.exec(
      "SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float8, 1::float8 / 3, 1e-310::float8, "
      "9223372036854775807::bigint, '-9223372036854775808'::bigint, 'ten', '-2147483648'::int, 2.5::float8");
  const Row row(r[0]);
  EXPECT_TRUE(std::isnan(row.real(0)));
  EXPECT_EQ(row.real(1), std::numeric_limits<double>::infinity());
  EXPECT_EQ(row.real(2), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(row.real(3), 1.0 / 3);
  EXPECT_EQ(row.real(4), 1e-310);
  EXPECT_EQ(row.int64(5), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(row.int64(6), std::numeric_limits<std::int64_t>::min());
  EXPECT_THROW((void)row.int64(7), pqxx::conversion_error);
  EXPECT_EQ(row.integer(8), std::numeric_limits<int>::min());
  EXPECT_THROW((void)row.integer(5), pqxx::conversion_error);  // too wide for an int
  EXPECT_THROW((void)row.integer(9), pqxx::conversion_error);  // not a whole number
}

TEST_F(PostgresStore, StoresOpenedTogetherMigrateOnce) {
  std::atomic<int> opened{0};
  in_threads(4, [&](int) {
    if (open_store(db->url(), Options{1, 20}).ok()) ++opened;
  });
  EXPECT_EQ(opened.load(), 4);
  EXPECT_EQ(db->query("SELECT count(*) FROM schema_version"), std::to_string(kStoreSchemaVersion));
}

}  // namespace
}  // namespace kc::postgres
