// The SQLite store: the Store contract, WAL, migrations, newer-schema and foreign-file refusal.
#include "adapters/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "adapters/sqlite/db.h"
#include "adapters/sqlite/schema.h"
#include "core/store/codec.h"
#include "core/store/store_contract_test.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::sqlite {
namespace {

namespace fs = std::filesystem;
using namespace kc::store;  // NOLINT(google-build-using-namespace)
using store::testing::StoreContract;

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/kc_store_test_XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (fs::path(path_) / name).string(); }

 private:
  std::string path_;
};

std::string read_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

// Runs one SQL statement on a raw connection and returns the first column of the first row.
std::string query(const std::string& path, const std::string& sql) {
  auto db = Db::open(path, false);
  EXPECT_TRUE(db.ok());
  auto st = db.value().prepare(sql);
  EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message);
  auto row = st.value().step();
  EXPECT_TRUE(row.ok());
  return *row ? st.value().text(0) : std::string();
}

// The Store contract (core/store/store_contract_test.cpp) on SQLite: a new store file in a new folder.
store::testing::StoreBackend sqlite_backend() {
  return {"Sqlite", [] {
            auto dir = std::make_shared<TempDir>();
            const std::string path = dir->file("kneecoach.db");
            store::testing::StoreUnderTest t;
            auto s = open_store(path);
            EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
            if (s.ok()) t.store = std::move(s).value();
            t.query = [path](const std::string& sql) { return query(path, sql); };
            t.keep = dir;
            return t;
          }};
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Values(sqlite_backend()), store::testing::name_of);

struct SqliteStoreTest : ::testing::Test {
  TempDir dir;
  std::string path = dir.file("kneecoach.db");

  void SetUp() override {
    auto s = open_store(path);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_TRUE(s.value()->ensure_person("ann", tracking::testing::at(0, 7)).ok());
  }
};

TEST_F(SqliteStoreTest, OpensWithWalForeignKeysAndTheLatestSchema) {
  EXPECT_EQ(query(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query(path, "SELECT max(version) FROM schema_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(query(path, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteStoreTest, DeletingAPersonLeavesNoDanglingKeys) {
  auto s = open_store(path);
  ASSERT_TRUE(s.ok());
  auto ann = s.value()->find_person("ann");
  ASSERT_TRUE(ann.ok() && *ann);
  tracking::testing::Script script;
  PlanRecord plan = script.h.plan;
  plan.id = 0;
  plan.person = (*ann)->id;
  auto saved = s.value()->save_setup({{0, (*ann)->id, tracking::testing::at(0, 7), "{}", "go"}, plan});
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  CheckIn ci;
  ci.person = (*ann)->id;
  ci.triage_level = "go";
  ASSERT_TRUE(s.value()->save_check_in(ci, {}, "").ok());
  EXPECT_NE(query(path, "SELECT count(*) FROM plan_day"), "0");
  ASSERT_TRUE(s.value()->delete_person((*ann)->id).ok());
  EXPECT_EQ(query(path, "PRAGMA foreign_key_check"), "");
  EXPECT_EQ(query(path, "SELECT count(*) FROM person"), "0");
  EXPECT_EQ(query(path, "SELECT count(*) FROM plan_day"), "0");
}

TEST(Migrations, AnOlderStoreIsMigratedWithItsDataKept) {
  TempDir dir;
  const std::string path = dir.file("old.db");
  {
    auto old = open_store(path, 1);
    ASSERT_TRUE(old.ok()) << old.error().message;
    ASSERT_TRUE(old.value()->ensure_person("ann", tracking::testing::at(0, 7)).ok());
  }
  EXPECT_EQ(query(path, "SELECT max(version) FROM schema_version"), "1");
  EXPECT_EQ(query(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'plan_by_person'"), "0");
  auto now = open_store(path);
  ASSERT_TRUE(now.ok()) << now.error().message;
  EXPECT_EQ(query(path, "SELECT max(version) FROM schema_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(query(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'plan_by_person'"), "1");
  auto ann = now.value()->find_person("ann");
  ASSERT_TRUE(ann.ok() && *ann);
}

TEST(Migrations, ANewerStoreIsRefusedAndLeftUnchanged) {
  TempDir dir;
  const std::string path = dir.file("newer.db");
  {
    auto s = open_store(path);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s.value()->ensure_person("ann", tracking::testing::at(0, 7)).ok());
  }
  {
    auto db = Db::open(path, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(
        db.value().exec("INSERT INTO schema_version (version) VALUES (99); PRAGMA wal_checkpoint(TRUNCATE);").ok());
  }
  const std::string before = read_bytes(path);
  auto refused = open_store(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("newer kneecoach (schema version 99"), std::string::npos);
  EXPECT_NE(refused.error().message.find("not changed"), std::string::npos);
  EXPECT_EQ(read_bytes(path), before);
}

TEST(Migrations, AForeignDatabaseIsRefused) {
  TempDir dir;
  const std::string path = dir.file("other.db");
  {
    auto db = Db::open(path, false);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value().exec("CREATE TABLE notes (t TEXT)").ok());
  }
  const std::string before = read_bytes(path);
  auto refused = open_store(path);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("not a kneecoach store"), std::string::npos);
  EXPECT_EQ(read_bytes(path), before);

  const std::string junk = dir.file("junk.db");
  std::ofstream(junk) << "this is not a database at all, just some text that is long enough to have a header";
  EXPECT_FALSE(open_store(junk).ok());
}

TEST(Codec, InstantsDatesDosesRoundTrip) {
  const TimePoint t = tracking::testing::at(3, 7) + std::chrono::milliseconds{250};
  EXPECT_EQ(format_instant(t), "2025-03-06T07:00:00.250Z");
  EXPECT_EQ(*parse_instant(format_instant(t)), t);
  EXPECT_FALSE(parse_instant("2025-02-30T07:00:00.000Z"));
  EXPECT_FALSE(parse_instant("2025-03-06 07:00:00"));
  Dose d = tracking::testing::hold_dose(2, 3, 30, 45);
  d.sides = Sides::kEach;
  d.note = "each leg";
  auto back = dose_from_text(dose_to_text(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->hold_seconds_max, 45);
  EXPECT_EQ(back->sides, Sides::kEach);
  EXPECT_EQ(back->note, "each leg");
  EXPECT_FALSE(back->tempo);
  EXPECT_FALSE(dose_from_text("[1,2]").ok());
  EXPECT_EQ(*parse_outcome(to_string(ExerciseOutcome::kPartly)), ExerciseOutcome::kPartly);
  EXPECT_FALSE(parse_decision("sideways"));
}

}  // namespace
}  // namespace kc::sqlite
