#include "core/session/engine.h"

#include <algorithm>
#include <utility>

namespace kc::session {

SessionEngine::SessionEngine(std::vector<SessionExercise> exercises, const Timing& timing)
    : exercises_(std::move(exercises)), steps_(build_steps(exercises_, timing)) {
  starts_.reserve(steps_.size());
  for (const Step& s : steps_) {
    starts_.push_back(total_);
    total_ += s.duration;
  }
  for (std::size_t i = 0; i < exercises_.size(); ++i) {
    attempts_.push_back(fresh_tally(static_cast<int>(i)));
  }
  best_ = attempts_;
  left_.assign(exercises_.size(), false);
}

Tally SessionEngine::fresh_tally(int exercise) const {
  Tally t;
  t.position = exercise;
  t.exercise_id = exercises_[static_cast<std::size_t>(exercise)].id;
  t.planned = exercises_[static_cast<std::size_t>(exercise)].dose;
  return t;
}

Tally SessionEngine::best_of(int exercise) const {
  const auto i = static_cast<std::size_t>(exercise);
  Tally t = better(best_[i], attempts_[i]);
  t.outcome = judge(t);
  return t;
}

void SessionEngine::start(TimePoint now) {
  if (started_) return;
  started_ = true;
  last_ = now;
  if (steps_.empty()) {
    end(false);
    return;
  }
  enter(0);
}

void SessionEngine::tick(TimePoint now) {
  if (!started_ || finished_ || now <= last_) return;
  const Millis dt = now - last_;
  last_ = now;
  if (!paused_) advance(dt);
}

void SessionEngine::advance(Millis dt) {
  while (dt > Millis{0} && !finished_) {
    const Step& s = step();
    const Millis take = std::min(dt, s.duration - elapsed_);
    Tally& t = attempt();
    t.active += take;
    if (s.kind == StepKind::kHold || s.kind == StepKind::kBreath) t.held += take;
    const Millis before = elapsed_;
    elapsed_ += take;
    dt -= take;
    if (!reminded_) {
      if (auto cue = reminder_cue(s)) {
        const Millis due = s.duration - kReminderBefore;
        if (before < due && elapsed_ >= due) {
          reminded_ = true;
          emit_cue(*cue);
        }
      }
    }
    if (elapsed_ >= s.duration) complete_step();
  }
}

void SessionEngine::complete_step() {
  const Step s = step();
  Tally& t = attempt();
  if (s.completes_unit) (is_hold_dose(t.planned) ? t.holds_done : t.reps_done) += 1;
  if (s.completes_set) t.sets_done += 1;
  const bool last_step = index_ + 1 == steps_.size();
  if (last_step || steps_[index_ + 1].exercise != s.exercise) leave_exercise();
  if (last_step) {
    end(false);
    return;
  }
  enter(index_ + 1);
}

void SessionEngine::enter(std::size_t index) {
  index_ = index;
  elapsed_ = Millis{0};
  reminded_ = false;
  emit_cue(entry_cue(steps_[index], index > 0 ? &steps_[index - 1] : nullptr, exercises_));
}

void SessionEngine::leave_exercise() {
  const int e = step().exercise;
  const auto i = static_cast<std::size_t>(e);
  best_[i] = best_of(e);
  attempts_[i] = fresh_tally(e);
  left_[i] = true;
  events_.emplace_back(ExerciseFinished{best_[i]});
}

std::size_t SessionEngine::first_step_of(int exercise) const {
  const auto it = std::find_if(steps_.begin(), steps_.end(), [&](const Step& s) { return s.exercise == exercise; });
  return static_cast<std::size_t>(it - steps_.begin());
}

void SessionEngine::go_to_exercise(int exercise) { enter(first_step_of(exercise)); }

void SessionEngine::end(bool quit) {
  for (std::size_t i = 0; i < exercises_.size(); ++i) {
    if (left_[i]) continue;
    best_[i] = best_of(static_cast<int>(i));
    attempts_[i] = fresh_tally(static_cast<int>(i));
    left_[i] = true;
    events_.emplace_back(ExerciseFinished{best_[i]});
  }
  finished_ = true;
  quit_ = quit;
  paused_ = false;
  emit_cue(end_cue(quit));
  events_.emplace_back(SessionEnded{quit});
}

void SessionEngine::press(Key key, TimePoint now) {
  tick(now);
  if (!started_ || finished_) return;
  const int e = step().exercise;
  switch (key) {
    case Key::kPause:
      paused_ = !paused_;
      emit_cue(pause_cue(paused_));
      return;
    case Key::kNext:
      paused_ = false;
      leave_exercise();
      if (static_cast<std::size_t>(e) + 1 < exercises_.size()) {
        go_to_exercise(e + 1);
      } else {
        end(false);
      }
      return;
    case Key::kBack: {
      paused_ = false;
      const Millis into = starts_[index_] + elapsed_ - starts_[first_step_of(e)];
      const auto i = static_cast<std::size_t>(e);
      best_[i] = better(best_[i], attempts_[i]);  // kept, logged when the exercise is left
      attempts_[i] = fresh_tally(e);
      go_to_exercise(into >= kBackGrace || e == 0 ? e : e - 1);
      return;
    }
    case Key::kQuit:
      leave_exercise();
      end(true);
      return;
  }
}

std::vector<Event> SessionEngine::take_events() { return std::exchange(events_, {}); }

Millis SessionEngine::remaining() const {
  if (finished_ || steps_.empty()) return Millis{0};
  return step().duration - elapsed_;
}

double SessionEngine::progress() const {
  if (finished_ && !quit_) return 1.0;
  if (steps_.empty() || total_ <= Millis{0}) return 0.0;
  const Millis at = starts_[index_] + elapsed_;
  return std::clamp(static_cast<double>(at.count()) / static_cast<double>(total_.count()), 0.0, 1.0);
}

Millis SessionEngine::time_left() const {
  if (finished_ || steps_.empty()) return Millis{0};
  return total_ - (starts_[index_] + elapsed_);
}

Millis SessionEngine::until_next_change() const {
  if (!started_ || paused_ || finished_) return kNever;
  const Step& s = step();
  Millis next = s.duration - elapsed_;
  if (!reminded_ && reminder_cue(s)) {
    const Millis due = s.duration - kReminderBefore;
    if (due > elapsed_) next = std::min(next, due - elapsed_);
  }
  return next;
}

std::vector<Tally> SessionEngine::tallies() const {
  std::vector<Tally> out;
  for (std::size_t i = 0; i < exercises_.size(); ++i) out.push_back(best_of(static_cast<int>(i)));
  return out;
}

void SessionEngine::emit_cue(const Cue& cue) {
  last_cue_ = cue;
  events_.emplace_back(cue);
}

}  // namespace kc::session
