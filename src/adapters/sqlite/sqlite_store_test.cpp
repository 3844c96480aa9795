// The SQLite store: round trips, migrations, transactions, newer-schema refusal, person isolation.
#include "adapters/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "adapters/sqlite/db.h"
#include "adapters/sqlite/schema.h"
#include "core/store/codec.h"
#include "core/tracking/tracking_test_support.h"

namespace kc::sqlite {
namespace {

namespace fs = std::filesystem;
using namespace kc::store;  // NOLINT(google-build-using-namespace)

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

PlanRecord sample_plan(PersonId person) {
  tracking::testing::Script s;
  PlanRecord p = s.h.plan;
  p.id = 0;
  p.person = person;
  p.created_at = tracking::testing::at(0, 7);
  p.plan_json = R"({"format":"kneecoach-plan"})";
  return p;
}

struct SqliteStoreTest : ::testing::Test {
  TempDir dir;
  std::string path = dir.file("kneecoach.db");
  std::unique_ptr<Store> store;
  Person ann;
  PlanRecord plan;

  void SetUp() override {
    auto s = open_store(path);
    ASSERT_TRUE(s.ok()) << s.error().message;
    store = std::move(s).value();
    auto p = store->ensure_person("ann", tracking::testing::at(0, 7));
    ASSERT_TRUE(p.ok()) << p.error().message;
    ann = *p;
    Store::Setup setup{{0, ann.id, tracking::testing::at(0, 7), R"({"version":1})", "go"}, sample_plan(ann.id)};
    auto saved = store->save_setup(setup);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    plan = *saved->plan;
  }

  SessionLog start_session(PersonId person, Id plan_id) {
    SessionLog s;
    s.person = person;
    s.plan = plan_id;
    s.date = tracking::testing::day(0);
    s.session = "A";
    s.started_at = tracking::testing::at(0, 18);
    auto r = store->begin_session(s);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : s;
  }

  ExerciseLog exercise(const SessionLog& s, int position, ExerciseOutcome outcome) {
    ExerciseLog log;
    log.session = s.id;
    log.person = s.person;
    log.position = position;
    log.exercise_id = position == 0 ? "squat" : "calf-stretch";
    log.outcome = outcome;
    log.planned = tracking::testing::reps_dose(2, 10, 15);
    log.sets_done = 2;
    log.reps_done = 20;
    log.seconds = 95;
    log.pain = 2;
    log.finished_at = tracking::testing::at(0, 18) + std::chrono::minutes{3 + position};
    return log;
  }
};

TEST_F(SqliteStoreTest, OpensWithWalForeignKeysAndTheLatestSchema) {
  EXPECT_EQ(query(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(query(path, "SELECT max(version) FROM schema_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(query(path, "PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteStoreTest, PlanRoundTrips) {
  auto active = store->active_plan(ann.id);
  ASSERT_TRUE(active.ok()) << active.error().message;
  ASSERT_TRUE(*active);
  const PlanRecord& p = **active;
  EXPECT_EQ(p.id, plan.id);
  EXPECT_EQ(p.start, tracking::testing::day(0));
  EXPECT_EQ(p.weeks, 6);
  EXPECT_EQ(p.baseline_pain, 4);
  ASSERT_EQ(p.sessions.size(), 1u);
  ASSERT_EQ(p.sessions[0].exercises.size(), 2u);
  EXPECT_EQ(p.sessions[0].exercises[1].exercise_id, "calf-stretch");
  EXPECT_EQ(*p.sessions[0].exercises[1].dose.hold_seconds, 30);
  EXPECT_EQ(p.calendar.size(), 42u);
  EXPECT_EQ(p.reviews.size(), 1u);
  EXPECT_EQ(p.plan_json, R"({"format":"kneecoach-plan"})");
  EXPECT_FALSE(p.stopped_at);
}

TEST_F(SqliteStoreTest, ANewSetupStopsTheOldPlan) {
  Store::Setup again{{0, ann.id, tracking::testing::at(1, 7), R"({"version":1})", "go"}, sample_plan(ann.id)};
  again.plan->created_at = tracking::testing::at(1, 7);
  auto saved = store->save_setup(again);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  auto active = store->active_plan(ann.id);
  ASSERT_TRUE(active.ok() && *active);
  EXPECT_EQ((*active)->id, saved->plan->id);
  EXPECT_EQ(query(path, "SELECT stop_reason FROM plan WHERE id = " + std::to_string(plan.id)),
            "replaced by a new plan");
}

TEST_F(SqliteStoreTest, SessionLogsRoundTripAndReLoggingReplaces) {
  const SessionLog s = start_session(ann.id, plan.id);
  ASSERT_TRUE(store->log_exercise(exercise(s, 0, ExerciseOutcome::kPartly)).ok());
  auto again = store->log_exercise(exercise(s, 0, ExerciseOutcome::kDone));
  ASSERT_TRUE(again.ok()) << again.error().message;
  ASSERT_TRUE(store->log_exercise(exercise(s, 1, ExerciseOutcome::kSkipped)).ok());
  ASSERT_TRUE(store->end_session(s.id, SessionStatus::kFinished, tracking::testing::at(0, 19), 3).ok());

  auto logs = store->exercise_logs(ann.id);
  ASSERT_TRUE(logs.ok());
  ASSERT_EQ(logs->size(), 2u);
  EXPECT_EQ((*logs)[0].outcome, ExerciseOutcome::kDone);
  EXPECT_EQ((*logs)[0].reps_done, 20);
  EXPECT_EQ(*(*logs)[0].pain, 2);
  EXPECT_EQ((*logs)[0].planned.reps_max, 15);
  EXPECT_EQ((*logs)[1].outcome, ExerciseOutcome::kSkipped);
  auto sessions = store->sessions(ann.id);
  ASSERT_TRUE(sessions.ok());
  ASSERT_EQ(sessions->size(), 1u);
  EXPECT_EQ((*sessions)[0].status, SessionStatus::kFinished);
  EXPECT_EQ(*(*sessions)[0].pain_during, 3);
  EXPECT_EQ(*(*sessions)[0].ended_at, tracking::testing::at(0, 19));
  auto during = store->measurements(ann.id, kPainDuring);
  ASSERT_TRUE(during.ok());
  ASSERT_EQ(during->size(), 1u);
  EXPECT_EQ(*(*during)[0].session, s.id);
}

TEST_F(SqliteStoreTest, MeasurementsCheckInsAndDoseChangesRoundTrip) {
  Measurement psfs;
  psfs.person = ann.id;
  psfs.measure = kPsfs;
  psfs.taken_at = tracking::testing::at(0, 9);
  psfs.date = tracking::testing::day(0);
  psfs.items = {{"stairs, going down", 4}, {"kneeling \"in\" the garden", 3}};
  psfs.value = 3.5;
  ASSERT_TRUE(store->add_measurement(psfs).ok());

  CheckIn ci;
  ci.person = ann.id;
  ci.at = tracking::testing::at(1, 8);
  ci.date = tracking::testing::day(1);
  ci.next_morning_pain = 3;
  ci.red_flags = {"swelling"};
  ci.triage_level = "caution";
  DoseChange c;
  c.person = ann.id;
  c.plan = plan.id;
  c.at = ci.at;
  c.date = ci.date;
  c.exercise_id = "squat";
  c.now_doing = "squat";
  c.decision = DoseDecision::kProgress;
  c.from = tracking::testing::reps_dose(2, 10, 15);
  c.to = tracking::testing::reps_dose(2, 12, 15);
  c.reason = "pain 1/10";
  ASSERT_TRUE(store->save_check_in(ci, {c}, "").ok());

  auto ms = store->measurements(ann.id, "");
  ASSERT_TRUE(ms.ok());
  ASSERT_EQ(ms->size(), 2u);
  EXPECT_EQ((*ms)[0].items[1].label, "kneeling \"in\" the garden");
  EXPECT_EQ((*ms)[1].measure, kPainNextMorning);
  EXPECT_DOUBLE_EQ((*ms)[1].value, 3.0);
  auto cis = store->check_ins(ann.id);
  ASSERT_TRUE(cis.ok() && cis->size() == 1u);
  EXPECT_EQ((*cis)[0].red_flags, std::vector<std::string>{"swelling"});
  auto changes = store->dose_changes(ann.id);
  ASSERT_TRUE(changes.ok() && changes->size() == 1u);
  EXPECT_EQ((*changes)[0].to.reps, 12);
  EXPECT_EQ((*changes)[0].reason, "pain 1/10");
}

TEST_F(SqliteStoreTest, ARedFlagCheckInStopsThePlan) {
  CheckIn ci;
  ci.person = ann.id;
  ci.at = tracking::testing::at(1, 8);
  ci.date = tracking::testing::day(1);
  ci.next_morning_pain = 7;
  ci.red_flags = {"hot_red_swollen"};
  ci.triage_level = "emergency";
  ci.stopped_program = true;
  ASSERT_TRUE(store->save_check_in(ci, {}, "possible joint infection").ok());
  auto active = store->active_plan(ann.id);
  ASSERT_TRUE(active.ok());
  EXPECT_FALSE(*active);
  auto latest = store->latest_plan(ann.id);
  ASSERT_TRUE(latest.ok() && *latest);
  EXPECT_TRUE((*latest)->stopped_at);
  EXPECT_EQ((*latest)->stop_reason, "possible joint infection");
}

TEST_F(SqliteStoreTest, AFailedWriteLeavesNothingBehind) {
  // The second change names an unknown plan (a foreign key fails), so the whole check-in rolls back.
  CheckIn ci;
  ci.person = ann.id;
  ci.at = tracking::testing::at(1, 8);
  ci.date = tracking::testing::day(1);
  ci.next_morning_pain = 2;
  ci.triage_level = "go";
  DoseChange good;
  good.person = ann.id;
  good.plan = plan.id;
  good.exercise_id = "squat";
  good.now_doing = "squat";
  good.reason = "ok";
  DoseChange bad = good;
  bad.plan = 9999;
  auto r = store->save_check_in(ci, {good, bad}, "");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(store->check_ins(ann.id)->size(), 0u);
  EXPECT_EQ(store->dose_changes(ann.id)->size(), 0u);
  EXPECT_EQ(store->measurements(ann.id, "")->size(), 0u);
  // And the store still works.
  EXPECT_TRUE(store->save_check_in(ci, {good}, "").ok());
}

TEST_F(SqliteStoreTest, ANewPersonAndTheirSetupAreStoredTogetherOrNotAtAll) {
  Store::Setup setup{{0, 0, tracking::testing::at(0, 7), R"({"version":1})", "go"}, sample_plan(0)};
  auto created = store->create_person_with_setup("cara", tracking::testing::at(0, 7), setup);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->setup.answers.person, created->person.id);
  ASSERT_TRUE(created->setup.plan.has_value());
  EXPECT_EQ(store->active_plan(created->person.id)->value().id, created->setup.plan->id);

  // A plan that breaks a constraint rolls back the person too.
  Store::Setup broken = setup;
  broken.plan->sessions.push_back(broken.plan->sessions.front());  // duplicate session key
  const auto before = store->people()->size();
  auto failed = store->create_person_with_setup("dan", tracking::testing::at(0, 7), broken);
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(store->people()->size(), before);
  EXPECT_FALSE(store->find_person("dan")->has_value());
  // A taken name is refused without touching the existing person.
  EXPECT_FALSE(store->create_person_with_setup("cara", tracking::testing::at(1, 7), setup).ok());
}

TEST_F(SqliteStoreTest, CreatePersonRefusesATakenName) {
  auto cara = store->create_person("cara", tracking::testing::at(0, 7));
  ASSERT_TRUE(cara.ok()) << cara.error().message;
  EXPECT_GT(cara->id, ann.id);
  auto again = store->create_person("ann", tracking::testing::at(0, 7));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kConflict);
  EXPECT_EQ(again.error().field, "person");
}

TEST_F(SqliteStoreTest, DeletePersonRemovesEveryRecordOfThatPersonOnly) {
  auto bob = store->ensure_person("bob", tracking::testing::at(0, 7));
  ASSERT_TRUE(bob.ok());
  Store::Setup bobs{{0, bob->id, tracking::testing::at(0, 7), R"({"version":1})", "go"}, sample_plan(bob->id)};
  ASSERT_TRUE(store->save_setup(bobs).ok());
  for (const PersonId who : {ann.id, bob->id}) {
    const Id plan_id = store->active_plan(who)->value().id;
    const SessionLog s = start_session(who, plan_id);
    ASSERT_TRUE(store->log_exercise(exercise(s, 0, ExerciseOutcome::kDone)).ok());
    ASSERT_TRUE(store->end_session(s.id, SessionStatus::kFinished, tracking::testing::at(0, 19), 3).ok());
    CheckIn ci;
    ci.person = who;
    ci.at = tracking::testing::at(1, 8);
    ci.date = tracking::testing::day(1);
    ci.next_morning_pain = 2;
    ci.triage_level = "go";
    DoseChange c;
    c.person = who;
    c.plan = plan_id;
    c.exercise_id = "squat";
    c.now_doing = "squat";
    c.reason = "ok";
    ASSERT_TRUE(store->save_check_in(ci, {c}, "").ok());
  }
  ASSERT_TRUE(store->delete_person(ann.id).ok());
  EXPECT_FALSE(store->find_person("ann")->has_value());
  EXPECT_FALSE(*store->latest_answers(ann.id));
  EXPECT_FALSE(*store->latest_plan(ann.id));
  EXPECT_TRUE(store->sessions(ann.id)->empty());
  EXPECT_TRUE(store->exercise_logs(ann.id)->empty());
  EXPECT_TRUE(store->measurements(ann.id, "")->empty());
  EXPECT_TRUE(store->check_ins(ann.id)->empty());
  EXPECT_TRUE(store->dose_changes(ann.id)->empty());
  EXPECT_EQ(query(path, "SELECT count(*) FROM plan_day WHERE plan_id NOT IN (SELECT id FROM plan)"), "0");
  // Bob keeps everything.
  EXPECT_EQ(store->sessions(bob->id)->size(), 1u);
  EXPECT_EQ(store->check_ins(bob->id)->size(), 1u);
  EXPECT_EQ(store->dose_changes(bob->id)->size(), 1u);
  EXPECT_TRUE(store->latest_plan(bob->id)->has_value());
  // Deleting again is fine (a retried deletion).
  EXPECT_TRUE(store->delete_person(ann.id).ok());
  EXPECT_EQ(query(path, "PRAGMA foreign_key_check"), "");
}

TEST_F(SqliteStoreTest, AWholeSessionIsSavedInOneTransaction) {
  SessionLog s;
  s.person = ann.id;
  s.plan = plan.id;
  s.date = tracking::testing::day(0);
  s.session = "A";
  s.started_at = tracking::testing::at(0, 18);
  s.ended_at = tracking::testing::at(0, 19);
  s.status = SessionStatus::kFinished;
  s.pain_during = 6;
  DoseChange eased;
  eased.person = ann.id;
  eased.plan = plan.id;
  eased.exercise_id = "squat";
  eased.now_doing = "squat";
  eased.decision = DoseDecision::kEase;
  eased.reason = "too much pain";
  DoseChange bad = eased;
  bad.plan = 9999;  // a foreign key fails: nothing of the session may stay
  EXPECT_FALSE(store->save_session(s, {exercise(s, 0, ExerciseOutcome::kDone)}, {eased, bad}).ok());
  EXPECT_EQ(store->sessions(ann.id)->size(), 0u);
  EXPECT_EQ(store->exercise_logs(ann.id)->size(), 0u);
  EXPECT_EQ(store->measurements(ann.id, "")->size(), 0u);
  EXPECT_EQ(store->dose_changes(ann.id)->size(), 0u);

  auto saved = store->save_session(
      s, {exercise(s, 0, ExerciseOutcome::kDone), exercise(s, 1, ExerciseOutcome::kSkipped)}, {eased});
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_GT(saved->id, 0);
  auto logs = store->exercise_logs(ann.id);
  ASSERT_EQ(logs->size(), 2u);
  EXPECT_EQ((*logs)[1].session, saved->id);
  EXPECT_EQ((*store->sessions(ann.id))[0].status, SessionStatus::kFinished);
  EXPECT_EQ(*(*store->measurements(ann.id, kPainDuring))[0].session, saved->id);
  EXPECT_EQ(store->dose_changes(ann.id)->size(), 1u);
}

TEST_F(SqliteStoreTest, RecordsStayWithTheirPerson) {
  auto bob = store->ensure_person("bob", tracking::testing::at(0, 7));
  ASSERT_TRUE(bob.ok());
  EXPECT_NE(bob->id, ann.id);
  auto again = store->ensure_person("ann", tracking::testing::at(5, 7));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, ann.id);

  const SessionLog anns = start_session(ann.id, plan.id);
  ASSERT_TRUE(store->log_exercise(exercise(anns, 0, ExerciseOutcome::kDone)).ok());
  EXPECT_TRUE(store->exercise_logs(bob->id)->empty());
  EXPECT_TRUE(store->sessions(bob->id)->empty());
  EXPECT_FALSE(*store->active_plan(bob->id));

  // Bob cannot log into Ann's session, start a session on her plan, or change her doses.
  ExerciseLog intruder = exercise(anns, 1, ExerciseOutcome::kDone);
  intruder.person = bob->id;
  EXPECT_FALSE(store->log_exercise(intruder).ok());
  SessionLog theirs;
  theirs.person = bob->id;
  theirs.plan = plan.id;
  theirs.date = tracking::testing::day(0);
  theirs.session = "A";
  EXPECT_FALSE(store->begin_session(theirs).ok());
  DoseChange c;
  c.person = bob->id;
  c.plan = plan.id;
  c.exercise_id = "squat";
  EXPECT_FALSE(store->add_dose_changes({c}).ok());
  // Overwriting Ann's log from Bob's id changes nothing.
  ExerciseLog overwrite = exercise(anns, 0, ExerciseOutcome::kSkipped);
  overwrite.person = bob->id;
  EXPECT_FALSE(store->log_exercise(overwrite).ok());
  EXPECT_EQ((*store->exercise_logs(ann.id))[0].outcome, ExerciseOutcome::kDone);
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
