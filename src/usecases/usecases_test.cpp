// The logging use cases over a real SQLite store and a ManualClock: check in (and replacing a
// check-in), log a session (repeats), record a measure, and idempotency keys.
#include <gtest/gtest.h>

#include <filesystem>

#include "adapters/sqlite/sqlite_store.h"
#include "core/tracking/review.h"
#include "core/tracking/tracking_test_support.h"
#include "usecases/check_in.h"
#include "usecases/log_session.h"
#include "usecases/measure.h"
#include "usecases/program.h"

namespace kc::usecases {
namespace {

namespace fs = std::filesystem;
using tracking::testing::at;
using tracking::testing::day;

constexpr const char* kAnswers =
    R"({"version":1,"age":50,"knee":"left","pain_now":4,"location":["front"],"onset":"gradual",)"
    R"("equipment":["chair","step","wall","mat","counter"]})";

LoggedExercise done_at(int position) {
  LoggedExercise e;
  e.position = position;
  return e;
}

struct UseCaseTest : ::testing::Test {
  fs::path dir;
  std::unique_ptr<store::Store> store;
  Catalog catalog = tracking::testing::test_catalog();
  RuleSet rules;
  ManualClock clock{at(1, 8)};
  store::PlanRecord plan;

  void SetUp() override {
    char tmpl[] = "/tmp/kc_usecase_test_XXXXXX";
    dir = mkdtemp(tmpl);
    auto s = sqlite::open_store((dir / "kneecoach.db").string());
    ASSERT_TRUE(s.ok()) << s.error().message;
    store = std::move(s).value();
    auto ann = store->ensure_person("ann", at(0, 7));
    ASSERT_TRUE(ann.ok());
    tracking::testing::Script script;
    store::PlanRecord p = script.h.plan;
    p.id = 0;
    p.person = ann->id;
    p.created_at = at(0, 7);
    p.plan_json = "{}";
    auto saved = store->save_setup({{0, ann->id, at(0, 7), kAnswers, "go"}, p});
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    plan = *saved->plan;
  }
  void TearDown() override { fs::remove_all(dir); }

  Content content() const { return Content{catalog, &rules}; }

  // Session A on day n, both exercises with `outcome`, with the pain during it.
  Result<SessionOutcome> session(int n, std::optional<int> pain, store::SessionStatus status,
                                 store::ExerciseOutcome outcome = store::ExerciseOutcome::kDone) {
    LogSessionRequest r;
    r.person = "ann";
    r.date = day(n);
    r.session = "A";
    r.status = status;
    r.pain_during = pain;
    r.exercises = {{0, outcome, 2, 20, 0, 0, pain, ""}, {1, outcome, 1, 3, 3, 90, pain, ""}};
    return log_session(*store, clock, content(), r);
  }

  Result<CheckInOutcome> check(int pain, bool replace) {
    CheckInRequest r;
    r.person = "ann";
    r.next_morning_pain = pain;
    r.replace = replace;
    return check_in(*store, clock, content(), r);
  }

  tracking::History history() {
    auto h = load_history(*store, plan);
    EXPECT_TRUE(h.ok());
    return *h;
  }
};

TEST_F(UseCaseTest, SecondCheckInOfTheDayIsRefusedWithoutReplaceAndStoresNothing) {
  ASSERT_TRUE(session(0, 0, store::SessionStatus::kFinished).ok());
  auto first = check(0, false);
  ASSERT_TRUE(first.ok()) << first.error().message;
  clock.sleep_for(std::chrono::minutes{30});
  auto again = check(5, false);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kConflict);
  EXPECT_EQ(again.error().field, "replace");
  EXPECT_NE(again.error().message.find("next-morning pain 0/10"), std::string::npos) << again.error().message;
  const auto h = history();
  EXPECT_EQ(h.check_ins.size(), 1U);
  EXPECT_EQ(h.changes.size(), first->changes.size());
}

TEST_F(UseCaseTest, ReplacingACheckInUndoesItsDoseChangesAndJudgesTheDayAgain) {
  ASSERT_TRUE(session(0, 0, store::SessionStatus::kFinished).ok());
  // Pain 0 after a pain-free session: the rules step up.
  auto first = check(0, false);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_FALSE(first->changes.empty());
  EXPECT_EQ(first->changes.front().decision, store::DoseDecision::kProgress);
  // Corrected to 8 (above the usual 4): the same session is judged again, and eased.
  clock.sleep_for(std::chrono::minutes{30});
  auto second = check(8, true);
  ASSERT_TRUE(second.ok()) << second.error().message;
  ASSERT_TRUE(second->replaced.has_value());
  EXPECT_EQ(second->replaced->next_morning_pain, 0);
  ASSERT_TRUE(second->judged.has_value());
  const auto h = history();
  ASSERT_EQ(h.check_ins.size(), 1U);
  EXPECT_EQ(h.check_ins.front().next_morning_pain, 8);
  ASSERT_FALSE(h.changes.empty());
  for (const auto& c : h.changes) {
    EXPECT_EQ(c.decision, store::DoseDecision::kEase) << c.exercise_id;
    EXPECT_EQ(c.check_in, h.check_ins.front().id);
  }
  int ratings = 0;
  for (const auto& m : h.measurements) ratings += m.measure == store::kPainNextMorning ? 1 : 0;
  EXPECT_EQ(ratings, 1);
}

TEST_F(UseCaseTest, CheckInRejectsUnknownAndRepeatedSigns) {
  CheckInRequest r;
  r.person = "ann";
  r.red_flags = {"swelling", "sore-toe"};
  auto bad = check_in(*store, clock, content(), r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, errc::kInvalid);
  EXPECT_EQ(bad.error().field, "red_flags[1]");
  r.red_flags = {"swelling", "swelling"};
  bad = check_in(*store, clock, content(), r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "red_flags[1]");
  r.red_flags = {};
  r.next_morning_pain = 11;
  bad = check_in(*store, clock, content(), r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, errc::kOutOfRange);
  EXPECT_TRUE(history().check_ins.empty());
}

TEST_F(UseCaseTest, ARepeatSessionIsKeptButTheDayCountsOnceAndTheBetterAttemptIsJudged) {
  auto quit = session(0, 7, store::SessionStatus::kQuit, store::ExerciseOutcome::kPartly);
  ASSERT_TRUE(quit.ok()) << quit.error().message;
  EXPECT_FALSE(quit->repeat);
  auto redo = session(0, 1, store::SessionStatus::kFinished);
  ASSERT_TRUE(redo.ok()) << redo.error().message;
  EXPECT_TRUE(redo->repeat);
  const auto h = history();
  EXPECT_EQ(h.sessions.size(), 2U);
  const auto a = tracking::adherence(h, day(0));
  EXPECT_EQ(a.done, 1);
  EXPECT_EQ(a.partly, 0);
  const auto judged = tracking::session_for_check_in(h, day(1), at(1, 8));
  ASSERT_TRUE(judged.has_value());
  EXPECT_EQ(judged->id, redo->saved.id);
}

TEST_F(UseCaseTest, LogSessionChecksPositionsAgainstTheSession) {
  LogSessionRequest r;
  r.person = "ann";
  r.session = "A";
  r.exercises = {done_at(0), done_at(2)};
  auto bad = log_session(*store, clock, content(), r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, errc::kOutOfRange);
  EXPECT_EQ(bad.error().field, "exercises[1].position");
  r.exercises = {done_at(1), done_at(1)};
  bad = log_session(*store, clock, content(), r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, errc::kInvalid);
  EXPECT_TRUE(history().sessions.empty());
}

TEST_F(UseCaseTest, MeasuresAreCheckedAgainstTheirRanges) {
  store::Measurement grc;
  grc.measure = store::kGrc;
  grc.value = 9;
  auto bad = record_measures(*store, clock, {"ann", std::nullopt, {grc}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, errc::kOutOfRange);
  EXPECT_EQ(bad.error().field, "value");
  store::Measurement next;
  next.measure = store::kPainNextMorning;
  bad = record_measures(*store, clock, {"ann", std::nullopt, {next}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "measure");
  store::Measurement psfs;
  psfs.measure = store::kPsfs;
  psfs.items = {{"stairs", 4}, {"walking", 7}};
  auto ok = record_measures(*store, clock, {"ann", day(1), {psfs}});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_DOUBLE_EQ(ok->saved.front().value, 5.5);
  EXPECT_EQ(history().measurements.size(), 1U);
}

TEST_F(UseCaseTest, StandingsGiveTheFirstActivitiesAndTheNormForTheStoredAge) {
  tracking::MeasureSet defs;
  for (const char* id : {store::kPsfs, store::kChairStand, store::kGrc}) {
    tracking::MeasureDef d;
    d.id = id;
    d.meaningful_change = 2;
    defs.measures.push_back(d);
  }
  defs.measures[1].norms = {{45, 54, 15, 13}};  // ann is 50 (kAnswers)
  store::Measurement first;
  first.measure = store::kPsfs;
  first.items = {{"stairs", 3}, {"kneeling", 4}};
  store::Measurement later = first;
  later.items = {{"stairs", 6}, {"kneeling", 5}};
  ASSERT_TRUE(record_measures(*store, clock, {"ann", day(1), {first}}).ok());
  ASSERT_TRUE(record_measures(*store, clock, {"ann", day(8), {later}}).ok());
  auto got = measure_standings(*store, defs, "ann");
  ASSERT_TRUE(got.ok()) << got.error().message;
  EXPECT_EQ(got->age, 50);
  ASSERT_EQ(got->measures.size(), 3U);
  EXPECT_EQ(got->measures[0].activities, (std::vector<std::string>{"stairs", "kneeling"}));
  EXPECT_DOUBLE_EQ(*got->measures[0].standing.change, 2.0);
  EXPECT_TRUE(got->measures[0].standing.meaningful);
  ASSERT_TRUE(got->measures[1].norm);
  EXPECT_EQ(got->measures[1].norm->men, 15);
  EXPECT_EQ(got->measures[2].standing.summary, "Not measured yet.");
  defs.measures.pop_back();
  EXPECT_EQ(measure_standings(*store, defs, "ann").error().code, errc::kInvalid);
  EXPECT_EQ(measure_standings(*store, defs, "nobody").error().code, errc::kNotFound);
}

TEST_F(UseCaseTest, AKeyRunsItsWriteOnceAndRefusesAnotherRequest) {
  int runs = 0;
  const store::Store::KeyedWrite write = [&]() -> Result<store::Store::KeptReply> {
    ++runs;
    auto saved = session(0, 1, store::SessionStatus::kFinished);
    if (!saved) return saved.error();
    return store::Store::KeptReply{201, "{\"ok\":1}", false};
  };
  auto first = store->once("k-1", "POST /x\n{}", write);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto retry = store->once("k-1", "POST /x\n{}", write);
  ASSERT_TRUE(retry.ok());
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->status, 201);
  EXPECT_EQ(retry->body, "{\"ok\":1}");
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(history().sessions.size(), 1U);
  auto other = store->once("k-1", "POST /x\n{\"a\":2}", write);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, errc::kKeyReused);
  EXPECT_EQ(runs, 1);
}

TEST_F(UseCaseTest, AKeyWhoseWriteFailsKeepsNothingAndStaysFree) {
  const store::Store::KeyedWrite refused = [&]() -> Result<store::Store::KeptReply> {
    EXPECT_TRUE(session(0, 1, store::SessionStatus::kFinished).ok());
    return store::Store::KeptReply{409, "{}", false};
  };
  auto first = store->once("k-2", "POST /x\n{}", refused);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->status, 409);
  EXPECT_TRUE(history().sessions.empty());  // rolled back with the reply
  int runs = 0;
  auto retry = store->once("k-2", "POST /x\n{}", [&]() -> Result<store::Store::KeptReply> {
    ++runs;
    return store::Store::KeptReply{201, "{}", false};
  });
  ASSERT_TRUE(retry.ok());
  EXPECT_FALSE(retry->replayed);
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace kc::usecases
