// session/: a guided session: its timed steps, cues and the engine that plays them.
// The session player's state machine. Pure: time comes in as instants from an injected clock
// (kc::Clock::now()), keys come in as events; out come cues, finished exercises' tallies and
// the end of the session, in order, for the front end to show, speak and store.
//
//   SessionEngine engine(exercises);
//   engine.start(clock.now());
//   loop: engine.tick(clock.now()) or engine.press(key, clock.now());
//         for (auto& e : engine.take_events()) ...;   until engine.finished()
#pragma once

#include <limits>
#include <variant>
#include <vector>

#include "core/common/clock.h"
#include "core/session/cues.h"
#include "core/session/steps.h"
#include "core/session/tally.h"

namespace kc::session {

// The person's keys: space pause/resume, n next exercise, b back, q quit.
enum class Key { kPause, kNext, kBack, kQuit };

// An exercise was left: completed, skipped or cut short with next, or cut short (or never
// reached) when the person quit. Leaving it again after going back to it gives its better
// attempt again, for the same position.
struct ExerciseFinished {
  Tally tally;
};

// The session is over: every step reached (quit false) or the person quit.
struct SessionEnded {
  bool quit = false;
};

using Event = std::variant<Cue, ExerciseFinished, SessionEnded>;

// How far into its exercise `back` restarts it rather than going to the one before.
inline constexpr Millis kBackGrace{3'000};

inline constexpr Millis kNever = Millis{std::numeric_limits<Millis::rep>::max()};

class SessionEngine {
 public:
  // Lays out `exercises` (at least one) with `timing`. Nothing runs until start().
  explicit SessionEngine(std::vector<SessionExercise> exercises, const Timing& timing = {});

  // Starts at `now` with the first exercise's card.
  void start(TimePoint now);

  // Moves time on to `now` (earlier instants are ignored). Time does not run while paused.
  void tick(TimePoint now);

  // Ticks to `now`, then applies `key`:
  //   pause  toggles pause;
  //   next   leaves this exercise (its tally as it stands) and goes to the next one's card,
  //          or ends the session after the last one;
  //   back   restarts this exercise, or goes to the previous one's card when within
  //          kBackGrace of this one's start;
  //   quit   leaves this exercise, gives every exercise not yet left a skipped tally, ends.
  // Next and back also resume a paused session. Keys after the end are ignored.
  void press(Key key, TimePoint now);

  // The events since the last call, oldest first.
  std::vector<Event> take_events();

  // Where the session stands: started, paused, over (and whether by quitting).
  bool started() const { return started_; }
  bool paused() const { return paused_; }
  bool finished() const { return finished_; }
  bool quit() const { return quit_; }

  // The current step (the last one once finished). Requires a non-empty layout.
  const Step& step() const { return steps_[index_]; }
  // The current step's exercise; every exercise and step of the session, in order.
  const SessionExercise& exercise() const { return exercises_[static_cast<std::size_t>(step().exercise)]; }
  const std::vector<SessionExercise>& exercises() const { return exercises_; }
  const std::vector<Step>& steps() const { return steps_; }

  // Time left in the current step; 0 once finished.
  Millis remaining() const;

  // The whole session's progress, 0..1, by time: steps behind plus time into this one.
  // Never falls while playing, pausing or going next; going back moves it back.
  double progress() const;

  // Planned time left in the whole session from where it stands (0 once finished).
  Millis time_left() const;

  // Time until something next happens on its own (a step ends or a reminder is due);
  // kNever while paused or finished.
  Millis until_next_change() const;

  // The last cue given (empty before start).
  const Cue& last_cue() const { return last_cue_; }

  // Each exercise's tally so far: the better attempt, its outcome judged.
  std::vector<Tally> tallies() const;

  // The total planned time of the session.
  Millis total() const { return total_; }

 private:
  void advance(Millis dt);
  void enter(std::size_t index);
  void complete_step();
  void leave_exercise();  // emits ExerciseFinished for the current exercise
  void go_to_exercise(int exercise);
  void end(bool quit);
  void emit_cue(const Cue& cue);
  std::size_t first_step_of(int exercise) const;
  Tally& attempt() { return attempts_[static_cast<std::size_t>(step().exercise)]; }
  Tally fresh_tally(int exercise) const;
  Tally best_of(int exercise) const;

  std::vector<SessionExercise> exercises_;
  std::vector<Step> steps_;
  std::vector<Millis> starts_;  // each step's start on the session timeline
  Millis total_{0};
  std::size_t index_ = 0;
  Millis elapsed_{0};  // into the current step
  TimePoint last_{};
  bool started_ = false;
  bool paused_ = false;
  bool finished_ = false;
  bool quit_ = false;
  bool reminded_ = false;        // the current step's reminder was given
  std::vector<Tally> attempts_;  // the current attempt at each exercise
  std::vector<Tally> best_;      // the best attempt left so far, per exercise
  std::vector<bool> left_;       // whether each exercise was left at least once
  std::vector<Event> events_;
  Cue last_cue_;
};

}  // namespace kc::session
