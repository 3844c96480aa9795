// The caseload's plan cache (plan_cache.h): what it keeps, and, against a real PostgreSQL, that
// a caseload page gives the same plans with it as without it after every kind of change to a
// plan, whichever statement makes it.
#include "adapters/postgres/plan_cache.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adapters/postgres/caseload_records.h"
#include "adapters/postgres/database.h"
#include "adapters/postgres/pg_clinic_store.h"
#include "adapters/postgres/pg_store.h"
#include "adapters/postgres/pg_test_support.h"
#include "core/store/codec.h"
#include "core/store/rows.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::postgres {
namespace {

using testing::TestDatabase;
using tracking::testing::at;
using tracking::testing::day;

std::shared_ptr<const KeptPlan> kept_plan(int version) {
  return std::make_shared<const KeptPlan>(KeptPlan{day(0), day(41), version, std::nullopt, std::nullopt});
}

TEST(PlanCache, FindsWhatWasPutAndNothingElse) {
  PlanCache cache;
  cache.put({{7, kept_plan(1)}, {9, kept_plan(2)}});
  cache.put({{7, kept_plan(3)}});
  const auto found = cache.find({9, 8, 7});
  ASSERT_EQ(found.size(), 3U);
  ASSERT_NE(found[0], nullptr);
  EXPECT_EQ(found[0]->version, 2);
  EXPECT_EQ(found[1], nullptr);
  ASSERT_NE(found[2], nullptr);
  EXPECT_EQ(found[2]->version, 3);
  EXPECT_EQ(cache.size(), 2U);
}

TEST(PlanCache, ForgetsEverythingElseRatherThanPassItsCapacity) {
  PlanCache cache(2);
  cache.put({{1, kept_plan(1)}, {2, kept_plan(1)}});
  cache.put({{2, kept_plan(2)}});  // replacing one kept does not pass it
  EXPECT_EQ(cache.size(), 2U);
  cache.put({{3, kept_plan(1)}});
  EXPECT_EQ(cache.size(), 1U);
  const auto found = cache.find({1, 2, 3});
  EXPECT_EQ(found[0], nullptr);
  EXPECT_EQ(found[1], nullptr);
  ASSERT_NE(found[2], nullptr);
}

// A plan part as text: every field a caseload page reads of it.
std::string describe(const clinic::PatientRecords& r) {
  if (!r.plan) return fmt::format("{}: no plan", r.person);
  const store::PlanRecord& p = *r.plan;
  std::string out = fmt::format("{}: plan {} answers {} start {} weeks {} level {} baseline {} stopped {} ({})",
                                r.person, p.id, p.answers, store::iso(p.start), p.weeks, p.level, p.baseline_pain,
                                p.stopped_at ? store::format_instant(*p.stopped_at) : "-", p.stop_reason);
  for (const auto& review : p.reviews) out += " review " + store::iso(review);
  for (const auto& d : p.calendar) out += fmt::format(" {}/{}/{}", store::iso(d.date), d.week, d.session);
  return out + " clearance " + r.clearance_json.value_or("-");
}

// describe() of each patient, one line each.
std::string describe_all(const std::vector<clinic::PatientRecords>& records) {
  std::string out;
  for (const auto& r : records) out += describe(r) + "\n";
  return out;
}

class PostgresPlanCache : public ::testing::Test {
 protected:
  void SetUp() override {
    if (auto why = TestDatabase::unavailable()) GTEST_SKIP() << *why;
    db_ = std::make_unique<TestDatabase>();
    auto database = Database::open(db_->url(), Options{2, 20});
    ASSERT_TRUE(database.ok()) << database.error().message;
    database_ = std::move(database).value();
    auto clinic = open_clinic_store(database_);
    ASSERT_TRUE(clinic.ok()) << clinic.error().message;
    clinic_ = std::move(clinic).value();
    auto store = open_store(database_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store).value();
    auto lee = clinic_->create_account(
        {0, "dr-lee", clinic::Role::kClinician, "h", {}, false, 0, {}, clinic::AccountState::kActive, at(0, 7)});
    ASSERT_TRUE(lee.ok()) << lee.error().message;
    lee_ = lee->id;
    for (const std::string name : {"ann", "bob"}) {
      const store::PersonId person = store_->ensure_person(name, at(0, 7))->id;
      auto patient = clinic_->create_account(
          {0, name, clinic::Role::kPatient, "h", {}, false, 0, person, clinic::AccountState::kActive, at(0, 7)});
      ASSERT_TRUE(patient.ok()) << patient.error().message;
      ASSERT_TRUE(clinic_->add_to_caseload(lee_, patient->id, at(0, 8)).ok());
      persons_.push_back(person);
    }
  }

  // A new plan for `person`, started on day `start`, built under `clearance` when given.
  void new_plan(store::PersonId person, int start, const std::optional<std::string>& clearance = {}) {
    store::PlanRecord plan = tracking::testing::Script().h.plan;
    plan.id = 0;
    plan.person = person;
    plan.created_at = at(start, 7);
    std::optional<store::ClearanceRecord> cleared;
    if (clearance) cleared = store::ClearanceRecord{0, 0, 0, at(start, 7), day(start), *clearance};
    ASSERT_TRUE(store_->save_setup({{0, person, at(start, 7), "{}", "go"}, plan, cleared}).ok());
  }

  // The plans the clinic store's page gives (through its cache), one line a patient.
  std::string cached(int from = 14, int to = 41) {
    auto got = clinic_->caseload_page(lee_, day(from), day(to));
    if (!got.ok()) {
      ADD_FAILURE() << got.error().message;
      return "error: " + got.error().message;
    }
    return describe_all(got->records);
  }
  // The same read in a snapshot of its own without a cache.
  std::string uncached(int from = 14, int to = 41) {
    auto got = database_->read<std::vector<clinic::PatientRecords>>(
        [&](pqxx::dbtransaction& tx) { return read_records_of(tx, persons_, day(from), day(to)); });
    if (!got.ok()) {
      ADD_FAILURE() << got.error().message;
      return "error: " + got.error().message;
    }
    return describe_all(*got);
  }
  store::Id plan_of(store::PersonId person) { return (*store_->latest_plan(person))->id; }

  std::unique_ptr<TestDatabase> db_;
  std::shared_ptr<Database> database_;
  std::unique_ptr<clinic::ClinicStore> clinic_;
  std::unique_ptr<store::Store> store_;
  clinic::AccountId lee_ = 0;
  std::vector<store::PersonId> persons_;
};

TEST_F(PostgresPlanCache, APageGivesThePlansItWouldReadAfterEveryKindOfChange) {
  const store::PersonId ann = persons_[0];
  const store::PersonId bob = persons_[1];
  EXPECT_EQ(cached(), uncached());  // no plans yet
  new_plan(ann, 0);
  EXPECT_EQ(cached(), uncached());  // a first plan
  new_plan(bob, 0, R"({"limits":{"pain_ceiling":3}})");
  ASSERT_EQ(cached(), uncached());  // a plan with its clearance
  const std::string before = cached();

  // A session in the window moved to the next day, which is free.
  const store::PlanRecord plan_before = **store_->latest_plan(ann);
  std::optional<store::PlanDay> moved;
  for (const auto& d : plan_before.calendar) {
    const bool next_free = std::none_of(plan_before.calendar.begin(), plan_before.calendar.end(),
                                        [&](const auto& e) { return e.date == d.date + date::days{1}; });
    if (d.date >= day(15) && next_free) {
      moved = d;
      break;
    }
  }
  ASSERT_TRUE(moved.has_value());
  const Status move = store_->move_plan_day(ann, plan_before.id, moved->date, moved->date + date::days{1}, moved->week);
  ASSERT_TRUE(move.ok()) << move.error().message;
  EXPECT_NE(cached(), before);
  EXPECT_EQ(cached(), uncached());  // a day moved

  new_plan(ann, 10);
  EXPECT_EQ(cached(), uncached());  // a new plan, the old one stopped

  ASSERT_TRUE(store_
                  ->save_check_in({0, bob, at(16, 8), day(16), 9, {"hot_red_swollen"}, "see_clinician", true}, {},
                                  "see a clinician")
                  .ok());
  EXPECT_EQ(cached(), uncached());  // a check-in that stopped the program

  store::PersonRecords history;
  history.answers = {0, 0, at(1, 7), "{}", "go"};
  history.plan = tracking::testing::Script().h.plan;
  history.plan.id = 0;
  auto imported = store_->create_person_with_records("cat", at(1, 7), history);
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(cached(), uncached());  // not on the caseload: nothing changes

  // Statements the store never sends, written by hand (a repair, a script): still counted.
  const std::string plan = std::to_string(plan_of(ann));
  db_->query("UPDATE plan_day SET week = week + 1 WHERE plan_id = " + plan + " AND date >= '" + store::iso(day(30)) +
             "'");
  EXPECT_EQ(cached(), uncached());
  db_->query("DELETE FROM plan_day WHERE plan_id = " + plan + " AND date > '" + store::iso(day(35)) + "'");
  EXPECT_EQ(cached(), uncached());
  db_->query("UPDATE clearance SET json = '{\"limits\":{\"pain_ceiling\":2}}'");
  EXPECT_EQ(cached(), uncached());
  db_->query("UPDATE plan SET baseline_pain = 6 WHERE id = " + plan);
  EXPECT_EQ(cached(), uncached());
  db_->query("TRUNCATE clearance");
  EXPECT_EQ(cached(), uncached());
  // With no version row (as for plans older than the clinic schema's version 4), then emptied.
  db_->query("DELETE FROM plan_version");
  EXPECT_EQ(cached(), uncached());
  db_->query("TRUNCATE plan_day");
  EXPECT_EQ(cached(), uncached());

  // Another window (the next day) reads every plan again.
  EXPECT_EQ(cached(15, 42), uncached(15, 42));
  EXPECT_EQ(cached(), uncached());
}

// The page keeps what it read: a plan changed behind the triggers' back (here, with them
// turned off) is not read again, which shows the page took it from the cache. Never do this.
TEST_F(PostgresPlanCache, AnUnchangedPlanIsNotReadAgain) {
  new_plan(persons_[0], 0);
  const std::string first = cached();
  db_->query("ALTER TABLE plan_day DISABLE TRIGGER plan_day_counted");
  db_->query("UPDATE plan_day SET week = 9");
  EXPECT_EQ(cached(), first);
  EXPECT_NE(uncached(), first);
  db_->query("ALTER TABLE plan_day ENABLE TRIGGER plan_day_counted");
  db_->query("UPDATE plan_day SET week = 8");
  EXPECT_EQ(cached(), uncached());
}

// Only a read of its own (one read-only snapshot) is kept: a read inside a write could keep
// what the write then rolls back.
TEST_F(PostgresPlanCache, OnlyAReadOfItsOwnIsASnapshotToKeep) {
  bool own = false;
  bool in_write = true;
  bool nested = true;
  ASSERT_TRUE(database_->read([&](pqxx::dbtransaction& tx) -> Status {
    own = is_read_snapshot(tx);
    return Ok{};
  }));
  ASSERT_TRUE(database_->write([&](pqxx::dbtransaction& tx) -> Status {
    in_write = is_read_snapshot(tx);
    return database_->read([&](pqxx::dbtransaction& inner) -> Status {
      nested = is_read_snapshot(inner);
      return Ok{};
    });
  }));
  EXPECT_TRUE(own);
  EXPECT_FALSE(in_write);
  EXPECT_FALSE(nested);
}

}  // namespace
}  // namespace kc::postgres
