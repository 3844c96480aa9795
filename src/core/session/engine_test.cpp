#include "core/session/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/session/test_exercises.h"

namespace kc::session {
namespace {

using std::chrono::milliseconds;

TimePoint at(long ms) { return TimePoint{milliseconds{ms}}; }

// Records every event with the session time it came at.
struct Recorder {
  struct Said {
    long ms;
    std::string text;
  };
  std::vector<Said> cues;
  std::vector<Tally> finished;
  std::vector<SessionEnded> ended;

  void take(SessionEngine& engine, long now_ms) {
    for (auto& e : engine.take_events()) {
      if (auto* c = std::get_if<Cue>(&e)) cues.push_back({now_ms, c->text});
      if (auto* f = std::get_if<ExerciseFinished>(&e)) finished.push_back(f->tally);
      if (auto* s = std::get_if<SessionEnded>(&e)) ended.push_back(*s);
    }
  }
  // The first time a cue containing `text` was given, or -1.
  long when(const std::string& text) const {
    for (const auto& c : cues)
      if (c.text.find(text) != std::string::npos) return c.ms;
    return -1;
  }
  // The first time exactly `text` was given, or -1.
  long when_exactly(const std::string& text) const {
    for (const auto& c : cues)
      if (c.text == text) return c.ms;
    return -1;
  }
  int count(const std::string& text) const {
    return static_cast<int>(
        std::count_if(cues.begin(), cues.end(), [&](const Said& c) { return c.text.find(text) != std::string::npos; }));
  }
};

// Plays on a fake clock in `step_ms` ticks until the session ends (or `limit_ms` passes).
long play(SessionEngine& engine, Recorder& rec, long from_ms, long step_ms = 100, long limit_ms = 3'600'000) {
  long now = from_ms;
  while (!engine.finished() && now - from_ms < limit_ms) {
    now += step_ms;
    engine.tick(at(now));
    rec.take(engine, now);
  }
  return now;
}

Timing quick() {
  Timing t;
  t.get_ready = milliseconds{5000};
  return t;
}

std::vector<SessionExercise> three_exercises() {
  Dose slr = rep_dose(2, 3, Sides::kEach, Tempo{2, 1, 3});
  slr.rest_seconds = 30;
  return {make_exercise("straight-leg-raise", slr), make_exercise("calf-stretch", hold_dose(1, 2, Sides::kEach, 30)),
          make_exercise("bridge", rep_dose(1, 5, Sides::kBoth, Tempo{2, 1, 2}))};
}

TEST(SessionEngine, AFullSessionRunsToTheEndWithEveryExerciseDone) {
  SessionEngine engine(three_exercises(), quick());
  Recorder rec;
  engine.start(at(0));
  rec.take(engine, 0);
  const long end = play(engine, rec, 0);
  ASSERT_TRUE(engine.finished());
  EXPECT_FALSE(engine.quit());
  EXPECT_EQ(end, engine.total().count());
  ASSERT_EQ(rec.ended.size(), 1u);
  EXPECT_FALSE(rec.ended[0].quit);
  ASSERT_EQ(rec.finished.size(), 3u);
  EXPECT_EQ(rec.finished[0].outcome, Outcome::kDone);
  EXPECT_EQ(rec.finished[0].reps_done, 12);  // 2 sets x 3 reps x 2 sides
  EXPECT_EQ(rec.finished[0].sets_done, 2);
  EXPECT_EQ(rec.finished[1].holds_done, 4);
  EXPECT_EQ(rec.finished[1].held, milliseconds{120'000});
  EXPECT_EQ(rec.finished[2].reps_done, 5);
  EXPECT_EQ(rec.finished[2].position, 2);
  EXPECT_EQ(rec.finished[2].exercise_id, "bridge");
  EXPECT_DOUBLE_EQ(engine.progress(), 1.0);
  EXPECT_EQ(rec.cues.back().text, "Session complete. Well done!");
  // Planned time: cards, 2x3x2 reps of 6 s, 2 switches, one rest, 4 holds of 30 s, one release
  // per side, one more switch, and 5 bridges of 5 s.
  EXPECT_EQ(engine.total(), milliseconds{3 * 5000 + 72'000 + 2 * 5000 + 30'000 + 120'000 + 2 * 3000 + 5000 + 25'000});
}

TEST(SessionEngine, RepsArePacedAtTheTempo) {
  SessionEngine engine({make_exercise("slr", rep_dose(1, 2, Sides::kBoth, Tempo{2, 1, 3}))}, quick());
  Recorder rec;
  engine.start(at(0));
  rec.take(engine, 0);
  play(engine, rec, 0, 100);
  EXPECT_EQ(rec.when("Rep 1 of 2: Lift"), 5000);
  EXPECT_EQ(rec.when_exactly("hold"), 7000);
  EXPECT_EQ(rec.when_exactly("lower"), 8000);
  EXPECT_EQ(rec.count("Rep "), 2);
  EXPECT_EQ(rec.when("Rep 2 of 2: Lift"), 11'000);
  EXPECT_EQ(rec.when("Session complete"), 17'000);
}

TEST(SessionEngine, HoldsCountDownInSecondsWithAReminder) {
  SessionEngine engine({make_exercise("calf", hold_dose(1, 1, Sides::kBoth, 30))}, quick());
  Recorder rec;
  engine.start(at(0));
  rec.take(engine, 0);
  engine.tick(at(5000));
  rec.take(engine, 5000);
  EXPECT_EQ(engine.step().kind, StepKind::kHold);
  EXPECT_EQ(engine.remaining(), milliseconds{30'000});
  EXPECT_EQ(rec.when("Hold for 30 seconds"), 5000);
  EXPECT_EQ(engine.until_next_change(), milliseconds{20'000});  // the reminder
  engine.tick(at(17'500));
  EXPECT_EQ(engine.remaining(), milliseconds{17'500});
  play(engine, rec, 17'500, 500);
  EXPECT_EQ(rec.when("10 seconds left"), 25'000);
  ASSERT_EQ(rec.finished.size(), 1u);
  EXPECT_EQ(rec.finished[0].holds_done, 1);
}

TEST(SessionEngine, HoldsCountedInBreaths) {
  Dose d;
  d.reps = 1;
  d.hold_breaths = 3;
  SessionEngine engine({make_exercise("reach", d)}, quick());
  Recorder rec;
  engine.start(at(0));
  rec.take(engine, 0);
  play(engine, rec, 0, 250);
  EXPECT_EQ(rec.when("Hold for 3 slow breaths. Breathe in"), 5000);
  EXPECT_EQ(rec.when("Breath 1 of 3: And out"), 8000);
  EXPECT_EQ(rec.when("Breath 2 of 3: Breathe in"), 11'000);
  EXPECT_EQ(rec.when("Breath 3 of 3: And out"), 20'000);
  ASSERT_EQ(rec.finished.size(), 1u);
  EXPECT_EQ(rec.finished[0].holds_done, 1);
  EXPECT_EQ(rec.finished[0].outcome, Outcome::kDone);
}

TEST(SessionEngine, SidesSwitchWithACue) {
  Exercise knee;
  knee.id = "knee-to-chest";
  knee.name = "Knee to chest";
  knee.regions = {"buttock", "hip"};
  SessionEngine engine({make_session_exercise(knee, hold_dose(1, 1, Sides::kEach, 20))}, quick());
  Recorder rec;
  engine.start(at(0));
  rec.take(engine, 0);
  play(engine, rec, 0, 500);
  EXPECT_EQ(rec.when("Right leg. Hold for 20 seconds"), 5000);
  EXPECT_EQ(rec.when("Switch to your left leg"), 25'000);
  EXPECT_EQ(rec.when("Left leg. Hold for 20 seconds"), 30'000);
  EXPECT_EQ(rec.finished.at(0).holds_done, 2);
}

TEST(SessionEngine, RestsBetweenSets) {
  Dose d = rep_dose(2, 1, Sides::kBoth, Tempo{1, 0, 1});
  d.rest_seconds = 30;
  SessionEngine engine({make_exercise("squat", d)}, quick());
  Recorder rec;
  engine.start(at(0));
  rec.take(engine, 0);
  play(engine, rec, 0, 500);
  EXPECT_EQ(rec.when("Rest 30 seconds"), 7000);
  EXPECT_EQ(rec.when("10 seconds left"), 27'000);
  EXPECT_EQ(rec.when("Set 2 of 2. Rep 1 of 1: Lift"), 37'000);
  EXPECT_EQ(rec.finished.at(0).sets_done, 2);
}

TEST(SessionEngine, PauseStopsTimeAndResumeGoesOn) {
  SessionEngine engine({make_exercise("calf", hold_dose(1, 1, Sides::kBoth, 30))}, quick());
  Recorder rec;
  engine.start(at(0));
  engine.tick(at(10'000));
  const Millis left = engine.remaining();
  const double progress = engine.progress();
  engine.press(Key::kPause, at(10'000));
  EXPECT_TRUE(engine.paused());
  EXPECT_EQ(engine.until_next_change(), kNever);
  engine.tick(at(70'000));
  EXPECT_EQ(engine.remaining(), left);
  EXPECT_DOUBLE_EQ(engine.progress(), progress);
  engine.press(Key::kPause, at(70'000));
  EXPECT_FALSE(engine.paused());
  rec.take(engine, 70'000);
  EXPECT_GE(rec.when("Paused"), 0);
  EXPECT_GE(rec.when("Going on"), 0);
  engine.tick(at(71'000));
  EXPECT_EQ(engine.remaining(), left - milliseconds{1000});
  const long end = play(engine, rec, 71'000, 1000);
  EXPECT_EQ(end, 95'000);  // 35 s of session plus the 60 s pause
  EXPECT_EQ(rec.finished.at(0).active, milliseconds{35'000});
}

TEST(SessionEngine, NextSkipsTheRestOfAnExerciseAndLogsItSkippedOrPartly) {
  SessionEngine engine(three_exercises(), quick());
  Recorder rec;
  engine.start(at(0));
  engine.press(Key::kNext, at(1000));  // on the first card: skipped
  rec.take(engine, 1000);
  ASSERT_EQ(rec.finished.size(), 1u);
  EXPECT_EQ(rec.finished[0].exercise_id, "straight-leg-raise");
  EXPECT_EQ(rec.finished[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(engine.step().exercise, 1);
  EXPECT_EQ(engine.step().kind, StepKind::kGetReady);
  // Calf stretch: the first hold (30 s) and 5 s of the second, then next.
  engine.tick(at(1000 + 5000 + 30'000 + 3000 + 5000));
  engine.press(Key::kNext, at(44'000));
  rec.take(engine, 44'000);
  ASSERT_EQ(rec.finished.size(), 2u);
  EXPECT_EQ(rec.finished[1].outcome, Outcome::kPartly);
  EXPECT_EQ(rec.finished[1].holds_done, 1);
  EXPECT_EQ(rec.finished[1].held, milliseconds{35'000});
  // The bridge plays out: done, and the session ends unquit.
  play(engine, rec, 44'000);
  ASSERT_EQ(rec.finished.size(), 3u);
  EXPECT_EQ(rec.finished[2].outcome, Outcome::kDone);
  EXPECT_FALSE(engine.quit());
}

TEST(SessionEngine, NextOnTheLastExerciseEndsTheSession) {
  SessionEngine engine({make_exercise("a", rep_dose(1, 2, Sides::kBoth, Tempo{1, 0, 1}))}, quick());
  Recorder rec;
  engine.start(at(0));
  engine.press(Key::kNext, at(7000));  // one rep done
  rec.take(engine, 7000);
  ASSERT_TRUE(engine.finished());
  EXPECT_FALSE(engine.quit());
  ASSERT_EQ(rec.finished.size(), 1u);
  EXPECT_EQ(rec.finished[0].reps_done, 1);
  EXPECT_EQ(rec.finished[0].outcome, Outcome::kPartly);
  ASSERT_EQ(rec.ended.size(), 1u);
  EXPECT_FALSE(rec.ended[0].quit);
}

TEST(SessionEngine, BackRestartsTheExerciseOrGoesToThePreviousOne) {
  SessionEngine engine(three_exercises(), quick());
  Recorder rec;
  engine.start(at(0));
  engine.press(Key::kNext, at(0));  // to the calf stretch
  engine.tick(at(10'000));          // 5 s into its first hold
  engine.press(Key::kBack, at(10'000));
  EXPECT_EQ(engine.step().exercise, 1);  // restarted
  EXPECT_EQ(engine.step().kind, StepKind::kGetReady);
  engine.press(Key::kBack, at(11'000));  // within the grace: the previous exercise
  EXPECT_EQ(engine.step().exercise, 0);
  EXPECT_EQ(engine.step().kind, StepKind::kGetReady);
  engine.press(Key::kBack, at(12'000));  // the first exercise: restart it
  EXPECT_EQ(engine.step().exercise, 0);
  rec.take(engine, 12'000);
  ASSERT_EQ(rec.finished.size(), 1u);  // only the first skip was a leaving
}

TEST(SessionEngine, RedoingAnExerciseKeepsItsBetterAttempt) {
  SessionEngine engine({make_exercise("a", rep_dose(1, 2, Sides::kBoth, Tempo{1, 0, 1})),
                        make_exercise("b", rep_dose(1, 1, Sides::kBoth, Tempo{1, 0, 1}))},
                       quick());
  Recorder rec;
  engine.start(at(0));
  engine.tick(at(9000));  // both reps of "a" done: now on b's card
  rec.take(engine, 9000);
  ASSERT_EQ(rec.finished.size(), 1u);
  EXPECT_EQ(rec.finished[0].outcome, Outcome::kDone);
  engine.press(Key::kBack, at(9500));    // back to a
  engine.press(Key::kNext, at(10'000));  // and skip it this time
  rec.take(engine, 10'000);
  ASSERT_EQ(rec.finished.size(), 2u);
  EXPECT_EQ(rec.finished[1].exercise_id, "a");
  EXPECT_EQ(rec.finished[1].outcome, Outcome::kDone);  // the better attempt stands
  EXPECT_EQ(rec.finished[1].reps_done, 2);
}

TEST(SessionEngine, QuitKeepsWhatWasDoneAndSkipsTheRest) {
  SessionEngine engine(three_exercises(), quick());
  Recorder rec;
  engine.start(at(0));
  engine.tick(at(5000 + 3 * 6000 + 1000));  // three reps on the right, into the switch
  engine.press(Key::kQuit, at(24'000));
  rec.take(engine, 24'000);
  ASSERT_TRUE(engine.finished());
  EXPECT_TRUE(engine.quit());
  ASSERT_EQ(rec.finished.size(), 3u);
  EXPECT_EQ(rec.finished[0].outcome, Outcome::kPartly);
  EXPECT_EQ(rec.finished[0].reps_done, 3);
  EXPECT_EQ(rec.finished[0].sets_done, 0);
  EXPECT_EQ(rec.finished[1].outcome, Outcome::kSkipped);
  EXPECT_EQ(rec.finished[2].outcome, Outcome::kSkipped);
  ASSERT_EQ(rec.ended.size(), 1u);
  EXPECT_TRUE(rec.ended[0].quit);
  EXPECT_LT(engine.progress(), 1.0);
  // Keys after the end do nothing.
  engine.press(Key::kNext, at(25'000));
  EXPECT_TRUE(engine.take_events().empty());
}

TEST(SessionEngine, ProgressNeverFallsWhilePlayingPausingAndSkipping) {
  SessionEngine engine(three_exercises(), quick());
  engine.start(at(0));
  double last = engine.progress();
  EXPECT_DOUBLE_EQ(last, 0.0);
  long now = 0;
  int n = 0;
  while (!engine.finished()) {
    now += 700;
    ++n;
    if (n == 40 || n == 41)
      engine.press(Key::kPause, at(now));
    else if (n == 200)
      engine.press(Key::kNext, at(now));
    else
      engine.tick(at(now));
    const double p = engine.progress();
    ASSERT_GE(p, last) << "at " << now << " ms";
    ASSERT_LE(p, 1.0);
    last = p;
  }
  EXPECT_DOUBLE_EQ(last, 1.0);
}

TEST(SessionEngine, JumpingFromChangeToChangeRunsAWholeSessionInFewTicks) {
  SessionEngine engine(three_exercises(), quick());
  Recorder rec;
  engine.start(at(0));
  long now = 0;
  int ticks = 0;
  while (!engine.finished()) {
    now += engine.until_next_change().count();
    engine.tick(at(now));
    rec.take(engine, now);
    ++ticks;
  }
  EXPECT_EQ(now, engine.total().count());
  EXPECT_LE(ticks, static_cast<int>(engine.steps().size()) + 10);
  EXPECT_EQ(rec.finished.size(), 3u);
  for (const auto& t : rec.finished) EXPECT_EQ(t.outcome, Outcome::kDone);
}

TEST(SessionEngine, AnEmptySessionEndsAtOnce) {
  SessionEngine engine({});
  engine.start(at(0));
  EXPECT_TRUE(engine.finished());
  const auto events = engine.take_events();
  ASSERT_FALSE(events.empty());
  EXPECT_TRUE(std::holds_alternative<SessionEnded>(events.back()));
}

}  // namespace
}  // namespace kc::session
