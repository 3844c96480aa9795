// The Store contract, run against every back end (SQLite, PostgreSQL): round trips, one
// transaction per method, person isolation, replacing a check-in, and idempotency keys.
#include "core/store/store_contract_test.h"

#include <ostream>

#include "core/tracking/tracking_test_support.h"

namespace kc::store::testing {

using tracking::testing::at;
using tracking::testing::day;
using tracking::testing::reps_dose;

void PrintTo(const StoreBackend& backend, std::ostream* out) { *out << backend.name; }

namespace {

PlanRecord sample_plan(PersonId person) {
  tracking::testing::Script s;
  PlanRecord p = s.h.plan;
  p.id = 0;
  p.person = person;
  p.created_at = at(0, 7);
  p.plan_json = R"({"format":"kneecoach-plan"})";
  return p;
}

}  // namespace

void StoreContract::SetUp() {
  under_test = GetParam().make();
  if (!under_test.skip.empty()) GTEST_SKIP() << under_test.skip;
  ASSERT_TRUE(under_test.store != nullptr);
  store = under_test.store.get();
  auto p = store->ensure_person("ann", at(0, 7));
  ASSERT_TRUE(p.ok()) << p.error().message;
  ann = *p;
  Store::Setup setup{{0, ann.id, at(0, 7), R"({"version":1})", "go"}, sample_plan(ann.id)};
  auto saved = store->save_setup(setup);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  plan = *saved->plan;
}

SessionLog StoreContract::start_session_template() const {
  SessionLog s;
  s.person = ann.id;
  s.plan = plan.id;
  s.date = day(0);
  s.session = "A";
  s.started_at = at(0, 18);
  return s;
}

SessionLog StoreContract::start_session(PersonId person, Id plan_id) {
  SessionLog s = start_session_template();
  s.person = person;
  s.plan = plan_id;
  auto r = store->begin_session(s);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : s;
}

ExerciseLog StoreContract::exercise(const SessionLog& s, int position, ExerciseOutcome outcome) {
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
  log.finished_at = at(0, 18) + std::chrono::minutes{3 + position};
  return log;
}

CheckIn StoreContract::check_in(int on_day, int pain) {
  CheckIn ci;
  ci.person = ann.id;
  ci.at = at(on_day, 8);
  ci.date = day(on_day);
  ci.next_morning_pain = pain;
  ci.triage_level = "go";
  return ci;
}

DoseChange StoreContract::change(PersonId person, Id plan_id) {
  DoseChange c;
  c.person = person;
  c.plan = plan_id;
  c.exercise_id = "squat";
  c.now_doing = "squat";
  c.decision = DoseDecision::kProgress;
  c.from = tracking::testing::reps_dose(2, 10, 15);
  c.to = tracking::testing::reps_dose(2, 12, 15);
  c.reason = "pain 1/10";
  return c;
}

TEST_P(StoreContract, PlanRoundTrips) {
  auto active = store->active_plan(ann.id);
  ASSERT_TRUE(active.ok()) << active.error().message;
  ASSERT_TRUE(*active);
  const PlanRecord& p = **active;
  EXPECT_EQ(p.id, plan.id);
  EXPECT_EQ(p.start, day(0));
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

TEST_P(StoreContract, APlannedSessionMovesToAFreeDayOfItsOwnPlanOnly) {
  ASSERT_TRUE(store->move_plan_day(ann.id, plan.id, day(0), day(45), 7).ok());
  const auto moved = store->active_plan(ann.id)->value();
  EXPECT_EQ(moved.calendar.size(), 42u);
  EXPECT_EQ(moved.calendar.front().date, day(1));
  EXPECT_EQ(moved.calendar.back().date, day(45));
  EXPECT_EQ(moved.calendar.back().week, 7);
  EXPECT_EQ(moved.calendar.back().session, "A");

  auto gone = store->move_plan_day(ann.id, plan.id, day(0), day(46), 7);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, errc::kNotFound);
  auto taken = store->move_plan_day(ann.id, plan.id, day(1), day(2), 1);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, errc::kConflict);
  EXPECT_EQ(taken.error().field, "to");
  auto bob = store->ensure_person("bob", at(0, 7));
  ASSERT_TRUE(bob.ok());
  EXPECT_FALSE(store->move_plan_day(bob->id, plan.id, day(1), day(47), 7).ok());  // not bob's plan
  EXPECT_EQ(store->active_plan(ann.id)->value().calendar.front().date, day(1));
}

TEST_P(StoreContract, ANewSetupStopsTheOldPlan) {
  Store::Setup again{{0, ann.id, at(1, 7), R"({"version":1})", "go"}, sample_plan(ann.id)};
  again.plan->created_at = at(1, 7);
  auto saved = store->save_setup(again);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  auto active = store->active_plan(ann.id);
  ASSERT_TRUE(active.ok() && *active);
  EXPECT_EQ((*active)->id, saved->plan->id);
  EXPECT_EQ(under_test.query("SELECT stop_reason FROM plan WHERE id = " + std::to_string(plan.id)),
            "replaced by a new plan");
}

TEST_P(StoreContract, SessionLogsRoundTripAndReLoggingReplaces) {
  const SessionLog s = start_session(ann.id, plan.id);
  ASSERT_TRUE(store->log_exercise(exercise(s, 0, ExerciseOutcome::kPartly)).ok());
  auto again = store->log_exercise(exercise(s, 0, ExerciseOutcome::kDone));
  ASSERT_TRUE(again.ok()) << again.error().message;
  ASSERT_TRUE(store->log_exercise(exercise(s, 1, ExerciseOutcome::kSkipped)).ok());
  ASSERT_TRUE(store->end_session(s.id, SessionStatus::kFinished, at(0, 19), 3).ok());

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
  EXPECT_EQ(*(*sessions)[0].ended_at, at(0, 19));
  auto during = store->measurements(ann.id, kPainDuring);
  ASSERT_TRUE(during.ok());
  ASSERT_EQ(during->size(), 1u);
  EXPECT_EQ(*(*during)[0].session, s.id);
}

TEST_P(StoreContract, WhatThePersonSaidOfAnExerciseIsKeptWithItsLog) {
  const SessionLog s = start_session(ann.id, plan.id);
  ASSERT_TRUE(store->log_exercise(exercise(s, 0, ExerciseOutcome::kDone)).ok());
  EXPECT_EQ(store->exercise_logs(ann.id)->at(0).feedback, ExerciseFeedback::kNone);
  ExerciseLog said = exercise(s, 0, ExerciseOutcome::kDone);
  said.feedback = ExerciseFeedback::kHurt;  // said at the end: the log is written again with it
  ASSERT_TRUE(store->log_exercise(said).ok());
  EXPECT_EQ(store->exercise_logs(ann.id)->at(0).feedback, ExerciseFeedback::kHurt);

  SessionLog whole = s;
  whole.date = day(1);
  whole.ended_at = at(1, 19);
  whole.status = SessionStatus::kFinished;
  ExerciseLog easy = exercise(whole, 0, ExerciseOutcome::kDone);
  easy.feedback = ExerciseFeedback::kTooEasy;
  ExerciseLog hard = exercise(whole, 1, ExerciseOutcome::kPartly);
  hard.feedback = ExerciseFeedback::kTooHard;
  ASSERT_TRUE(store->save_session(whole, {easy, hard}, {}).ok());
  auto logs = store->exercise_logs(ann.id);
  ASSERT_EQ(logs->size(), 3u);
  EXPECT_EQ((*logs)[1].feedback, ExerciseFeedback::kTooEasy);
  EXPECT_EQ((*logs)[2].feedback, ExerciseFeedback::kTooHard);
}

TEST_P(StoreContract, MeasurementsCheckInsAndDoseChangesRoundTrip) {
  Measurement psfs;
  psfs.person = ann.id;
  psfs.measure = kPsfs;
  psfs.taken_at = at(0, 9);
  psfs.date = day(0);
  psfs.items = {{"stairs, going down", 4}, {"kneeling \"in\" the garden", 3}};
  psfs.value = 3.5;
  ASSERT_TRUE(store->add_measurement(psfs).ok());

  CheckIn ci;
  ci.person = ann.id;
  ci.at = at(1, 8);
  ci.date = day(1);
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
  c.from = reps_dose(2, 10, 15);
  c.to = reps_dose(2, 12, 15);
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

TEST_P(StoreContract, APersonWithRecordsIsStoredWholeWithTheirKeysMapped) {
  PersonRecords r;
  r.answers = {0, 0, at(0, 7), R"({"version":1})", "go"};
  r.plan = sample_plan(0);
  SessionLog s = start_session_template();
  s.id = 41;  // keys of the records, not row ids
  s.status = SessionStatus::kFinished;
  s.ended_at = at(0, 19);
  r.sessions = {s};
  ExerciseLog log = exercise(s, 0, ExerciseOutcome::kDone);
  r.logs = {log};
  CheckIn ci = check_in(1, 2);
  ci.id = 7;
  r.check_ins = {ci};
  Measurement pain;
  pain.measure = kPainNextMorning;
  pain.taken_at = ci.at;
  pain.date = ci.date;
  pain.value = 2;
  r.measurements = {pain};
  DoseChange c = change(0, 0);
  c.at = ci.at;
  c.date = ci.date;
  c.check_in = 7;
  r.changes = {c};

  auto bob = store->create_person_with_records("bob", at(0, 7), r);
  ASSERT_TRUE(bob.ok()) << bob.error().message;
  auto sessions = store->sessions(bob->id);
  ASSERT_TRUE(sessions.ok() && sessions->size() == 1u);
  auto logs = store->exercise_logs(bob->id);
  ASSERT_TRUE(logs.ok() && logs->size() == 1u);
  EXPECT_EQ((*logs)[0].session, (*sessions)[0].id);
  auto cis = store->check_ins(bob->id);
  ASSERT_TRUE(cis.ok() && cis->size() == 1u);
  auto changes = store->dose_changes(bob->id);
  ASSERT_TRUE(changes.ok() && changes->size() == 1u);
  EXPECT_EQ((*changes)[0].check_in, (*cis)[0].id);
  auto ms = store->measurements(bob->id, kPainNextMorning);
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(ms->size(), 1u);  // the records' own rating, not a second one for the check-in

  // A taken name, or a key that names nothing, stores nothing.
  EXPECT_EQ(store->create_person_with_records("bob", at(0, 7), r).error().code, errc::kConflict);
  r.changes[0].check_in = 99;
  EXPECT_FALSE(store->create_person_with_records("cy", at(0, 7), r).ok());
  auto cy = store->find_person("cy");
  ASSERT_TRUE(cy.ok());
  EXPECT_FALSE(cy->has_value());
}

TEST_P(StoreContract, ARedFlagCheckInStopsThePlan) {
  CheckIn ci;
  ci.person = ann.id;
  ci.at = at(1, 8);
  ci.date = day(1);
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

TEST_P(StoreContract, AFailedWriteLeavesNothingBehind) {
  // The second change names an unknown plan (a foreign key fails), so the whole check-in rolls back.
  CheckIn ci;
  ci.person = ann.id;
  ci.at = at(1, 8);
  ci.date = day(1);
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

TEST_P(StoreContract, ANewPersonAndTheirSetupAreStoredTogetherOrNotAtAll) {
  Store::Setup setup{{0, 0, at(0, 7), R"({"version":1})", "go"}, sample_plan(0)};
  auto created = store->create_person_with_setup("cara", at(0, 7), setup);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->setup.answers.person, created->person.id);
  ASSERT_TRUE(created->setup.plan.has_value());
  EXPECT_EQ(store->active_plan(created->person.id)->value().id, created->setup.plan->id);

  // A plan that breaks a constraint rolls back the person too.
  Store::Setup broken = setup;
  broken.plan->sessions.push_back(broken.plan->sessions.front());  // duplicate session key
  const auto before = store->people()->size();
  auto failed = store->create_person_with_setup("dan", at(0, 7), broken);
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(store->people()->size(), before);
  EXPECT_FALSE(store->find_person("dan")->has_value());
  // A taken name is refused without touching the existing person.
  EXPECT_FALSE(store->create_person_with_setup("cara", at(1, 7), setup).ok());
}

TEST_P(StoreContract, AClearanceIsStoredWithItsPlanOrNotAtAllAndGoesWithThePerson) {
  const ClearanceRecord cleared{0, 0, 0, at(0, 9), make_date(2026, 1, 5), R"({"clinician":"Ann Lee"})"};
  Store::Setup setup{{0, 0, at(0, 9), R"({"version":1})", "caution"}, sample_plan(0), cleared};
  auto created = store->create_person_with_setup("erin", at(0, 9), setup);
  ASSERT_TRUE(created.ok()) << created.error().message;
  ASSERT_TRUE(created->setup.clearance.has_value());
  const PersonId erin = created->person.id;
  const Id erins_plan = created->setup.plan->id;
  auto found = store->clearance_of_plan(erin, erins_plan);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->plan, erins_plan);
  EXPECT_EQ((*found)->person, erin);
  EXPECT_EQ((*found)->cleared_on, make_date(2026, 1, 5));
  EXPECT_EQ((*found)->json, cleared.json);
  // Another person's id, or another plan, finds nothing.
  EXPECT_FALSE(store->clearance_of_plan(ann.id, erins_plan)->has_value());
  EXPECT_FALSE(store->clearance_of_plan(erin, erins_plan + 1000)->has_value());

  // A new plan without a clearance: the old clearance stays with the old plan only.
  Store::Setup again{{0, erin, at(1, 9), R"({"version":1})", "go"}, sample_plan(erin)};
  auto replaced = store->save_setup(again);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_FALSE(store->clearance_of_plan(erin, replaced->plan->id)->has_value());

  // A plan that breaks a constraint rolls back its clearance and the person too.
  Store::Setup broken = setup;
  broken.plan->sessions.push_back(broken.plan->sessions.front());
  EXPECT_FALSE(store->create_person_with_setup("fay", at(0, 9), broken).ok());
  EXPECT_FALSE(store->find_person("fay")->has_value());
  EXPECT_EQ(under_test.query("SELECT count(*) FROM clearance"), "1");
  // A clearance without a plan is refused.
  Store::Setup alone{{0, erin, at(2, 9), R"({"version":1})", "caution"}, std::nullopt, cleared};
  EXPECT_FALSE(store->save_setup(alone).ok());
  EXPECT_EQ(under_test.query("SELECT count(*) FROM clearance"), "1");

  ASSERT_TRUE(store->delete_person(erin).ok());
  EXPECT_EQ(under_test.query("SELECT count(*) FROM clearance"), "0");
}

TEST_P(StoreContract, AWholeSessionIsSavedInOneTransaction) {
  SessionLog s;
  s.person = ann.id;
  s.plan = plan.id;
  s.date = day(0);
  s.session = "A";
  s.started_at = at(0, 18);
  s.ended_at = at(0, 19);
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

TEST_P(StoreContract, RecordsStayWithTheirPerson) {
  auto bob = store->ensure_person("bob", at(0, 7));
  ASSERT_TRUE(bob.ok());
  EXPECT_NE(bob->id, ann.id);
  auto again = store->ensure_person("ann", at(5, 7));
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
  theirs.date = day(0);
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

TEST_P(StoreContract, ReplacingACheckInUndoesItsPainAndDoseChanges) {
  DoseChange first = change(ann.id, plan.id);
  first.at = at(1, 8);
  auto saved = store->save_check_in(check_in(1, 2), {first}, "");
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  DoseChange second = change(ann.id, plan.id);
  second.decision = DoseDecision::kHold;
  second.reason = "hold";
  CheckIn again = check_in(1, 5);
  again.at = at(1, 9);
  auto replaced = store->replace_check_in(saved->id, again, {second}, "");
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  auto cis = store->check_ins(ann.id);
  ASSERT_EQ(cis->size(), 1U);
  EXPECT_EQ((*cis)[0].next_morning_pain, 5);
  auto pains = store->measurements(ann.id, kPainNextMorning);
  ASSERT_EQ(pains->size(), 1U);
  EXPECT_DOUBLE_EQ((*pains)[0].value, 5.0);
  auto changes = store->dose_changes(ann.id);
  ASSERT_EQ(changes->size(), 1U);
  EXPECT_EQ((*changes)[0].reason, "hold");
  EXPECT_EQ((*changes)[0].check_in, replaced->id);

  // Another person's check-in, or one that does not exist, is not found and changes nothing.
  auto bob = store->ensure_person("bob", at(0, 7));
  CheckIn bobs = check_in(1, 1);
  bobs.person = bob->id;
  auto missing = store->replace_check_in(replaced->id, bobs, {}, "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, errc::kNotFound);
  EXPECT_EQ(store->check_ins(ann.id)->size(), 1U);
  EXPECT_TRUE(store->check_ins(bob->id)->empty());
}

TEST_P(StoreContract, AKeyRunsItsWriteOnceInOneTransactionWithItsReply) {
  int runs = 0;
  const Store::KeyedWrite write = [&]() -> Result<Store::KeptReply> {
    ++runs;
    auto s = store->begin_session(start_session_template());
    if (!s) return s.error();
    return Store::KeptReply{201, "{\"id\":" + std::to_string(s->id) + "}", false};
  };
  auto first = store->once("k-1", "POST /x\n{}", write);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto retry = store->once("k-1", "POST /x\n{}", write);
  ASSERT_TRUE(retry.ok()) << retry.error().message;
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->status, 201);
  EXPECT_EQ(retry->body, first->body);
  EXPECT_EQ(runs, 1);
  EXPECT_EQ(store->sessions(ann.id)->size(), 1U);
  auto other = store->once("k-1", "POST /x\n{\"a\":2}", write);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, errc::kKeyReused);
  EXPECT_EQ(other.error().field, "Idempotency-Key");
  EXPECT_EQ(runs, 1);
}

TEST_P(StoreContract, AKeyWhoseReplyIsNotASuccessKeepsNothingAndStaysFree) {
  const Store::KeyedWrite refused = [&]() -> Result<Store::KeptReply> {
    EXPECT_TRUE(store->begin_session(start_session_template()).ok());
    return Store::KeptReply{409, "{}", false};
  };
  auto first = store->once("k-2", "POST /x\n{}", refused);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->status, 409);
  EXPECT_FALSE(first->replayed);
  EXPECT_TRUE(store->sessions(ann.id)->empty());  // rolled back with the reply

  const Store::KeyedWrite failing = [&]() -> Result<Store::KeptReply> {
    EXPECT_TRUE(store->begin_session(start_session_template()).ok());
    return make_error("the write failed");
  };
  EXPECT_FALSE(store->once("k-2", "POST /x\n{}", failing).ok());
  EXPECT_TRUE(store->sessions(ann.id)->empty());

  int runs = 0;
  auto retry = store->once("k-2", "POST /x\n{}", [&]() -> Result<Store::KeptReply> {
    ++runs;
    return Store::KeptReply{201, "{}", false};
  });
  ASSERT_TRUE(retry.ok());
  EXPECT_FALSE(retry->replayed);
  EXPECT_EQ(runs, 1);
}

TEST_P(StoreContract, AFailedCallInsideAKeyedWriteUndoesOnlyItself) {
  auto reply = store->once("k-3", "POST /x\n{}", [&]() -> Result<Store::KeptReply> {
    DoseChange bad = change(ann.id, 9999);  // an unknown plan: this call fails, the write goes on
    EXPECT_FALSE(store->add_dose_changes({bad}).ok());
    auto s = store->begin_session(start_session_template());
    if (!s) return s.error();
    // Reads inside the write see its own uncommitted rows.
    EXPECT_EQ(store->sessions(ann.id)->size(), 1U);
    return Store::KeptReply{200, "{}", false};
  });
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  EXPECT_EQ(store->sessions(ann.id)->size(), 1U);
  EXPECT_TRUE(store->dose_changes(ann.id)->empty());
}

TEST_P(StoreContract, EnsurePersonIsIdempotentAndNamesAreRequired) {
  auto again = store->ensure_person("ann", at(9, 7));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, ann.id);
  EXPECT_EQ(again->created_at, at(0, 7));
  EXPECT_FALSE(store->ensure_person("", at(0, 7)).ok());
  EXPECT_EQ(store->people()->size(), 1U);
  EXPECT_FALSE(store->find_person("nobody")->has_value());
  EXPECT_EQ(store->latest_answers(ann.id)->value().json, R"({"version":1})");
}

TEST_P(StoreContract, APersonIsFoundByIdAndAnUnknownIdFindsNobody) {
  auto bob = store->ensure_person("bob", at(0, 9));
  ASSERT_TRUE(bob.ok());
  auto found = store->find_person_by_id(bob->id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->name, "bob");
  EXPECT_EQ((*found)->created_at, at(0, 9));
  EXPECT_EQ(store->find_person_by_id(ann.id).value()->name, "ann");
  auto nobody = store->find_person_by_id(bob->id + 1000);
  ASSERT_TRUE(nobody.ok());
  EXPECT_FALSE(nobody->has_value());
  ASSERT_TRUE(store->delete_person(bob->id).ok());
  EXPECT_FALSE(store->find_person_by_id(bob->id).value().has_value());
}

TEST_P(StoreContract, CreatePersonRefusesATakenName) {
  auto cara = store->create_person("cara", at(0, 7));
  ASSERT_TRUE(cara.ok()) << cara.error().message;
  EXPECT_GT(cara->id, ann.id);
  auto again = store->create_person("ann", at(0, 7));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, errc::kConflict);
  EXPECT_EQ(again.error().field, "person");
  EXPECT_EQ(store->create_person("", at(0, 7)).error().code, errc::kInvalid);
}

TEST_P(StoreContract, DeletePersonRemovesEveryRecordOfThatPersonOnly) {
  auto bob = store->ensure_person("bob", at(0, 7));
  ASSERT_TRUE(bob.ok());
  Store::Setup bobs{{0, bob->id, at(0, 7), R"({"version":1})", "go"}, sample_plan(bob->id)};
  ASSERT_TRUE(store->save_setup(bobs).ok());
  for (const PersonId who : {ann.id, bob->id}) {
    const Id plan_id = store->active_plan(who)->value().id;
    const SessionLog s = start_session(who, plan_id);
    ASSERT_TRUE(store->log_exercise(exercise(s, 0, ExerciseOutcome::kDone)).ok());
    ASSERT_TRUE(store->end_session(s.id, SessionStatus::kFinished, at(0, 19), 3).ok());
    CheckIn ci = check_in(1, 2);
    ci.person = who;
    ASSERT_TRUE(store->save_check_in(ci, {change(who, plan_id)}, "").ok());
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
  EXPECT_EQ(under_test.query("SELECT count(*) FROM plan_day WHERE plan_id NOT IN (SELECT id FROM plan)"), "0");
  // Bob keeps everything.
  EXPECT_EQ(store->sessions(bob->id)->size(), 1U);
  EXPECT_EQ(store->check_ins(bob->id)->size(), 1U);
  EXPECT_EQ(store->dose_changes(bob->id)->size(), 1U);
  EXPECT_TRUE(store->latest_plan(bob->id)->has_value());
  // Deleting again is fine (a retried deletion).
  EXPECT_TRUE(store->delete_person(ann.id).ok());
}

TEST_P(StoreContract, ProgramChangesRoundTripInOrderStayWithTheirPersonAndGoWithThem) {
  ProgramChange dose;
  dose.person = ann.id;
  dose.plan = plan.id;
  dose.at = at(2, 9);
  dose.date = day(2);
  dose.kind = ChangeKind::kDose;
  dose.exercise = "squat";
  dose.dose = reps_dose(2, 8, 12);
  dose.by = "grace";
  dose.reason = "knee sore after stairs";
  dose.override_reason = "seen in clinic";
  dose.overridden_rule = "above the catalog's top dose";
  ProgramChange message;
  message.person = ann.id;
  message.at = at(1, 9);
  message.date = day(1);
  message.text = "Well done this week";
  message.by = "grace";
  auto d = store->add_program_change(dose);
  auto m = store->add_program_change(message);
  ASSERT_TRUE(d.ok() && m.ok()) << (d.ok() ? m.error().message : d.error().message);
  EXPECT_GT(d->id, 0);
  auto listed = store->program_changes(ann.id);
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].kind, ChangeKind::kMessage);  // by time
  EXPECT_EQ((*listed)[0].plan, 0);
  EXPECT_EQ((*listed)[0].text, "Well done this week");
  EXPECT_FALSE((*listed)[0].dose);
  const ProgramChange& back = (*listed)[1];
  EXPECT_EQ(back.id, d->id);
  EXPECT_EQ(back.plan, plan.id);
  EXPECT_EQ(back.exercise, "squat");
  ASSERT_TRUE(back.dose);
  EXPECT_EQ(back.dose->sets, 2);
  EXPECT_EQ(back.dose->reps, 8);
  EXPECT_EQ(back.by, "grace");
  EXPECT_EQ(back.reason, "knee sore after stairs");
  EXPECT_EQ(back.override_reason, "seen in clinic");
  EXPECT_EQ(back.overridden_rule, "above the catalog's top dose");
  EXPECT_EQ(back.at, at(2, 9));
  EXPECT_EQ(back.date, day(2));
  // Another person's plan cannot be named, and their list stays empty.
  auto bob = store->ensure_person("bob", at(0, 7));
  ASSERT_TRUE(bob.ok());
  ProgramChange intruder = dose;
  intruder.person = bob->id;
  EXPECT_FALSE(store->add_program_change(intruder).ok());
  EXPECT_TRUE(store->program_changes(bob->id)->empty());
  ASSERT_TRUE(store->delete_person(ann.id).ok());
  EXPECT_TRUE(store->program_changes(ann.id)->empty());
  EXPECT_EQ(under_test.query("SELECT count(*) FROM program_change"), "0");
}

}  // namespace kc::store::testing
