#include "adapters/terminal/player.h"

#include <algorithm>
#include <optional>
#include <ostream>

#include "adapters/terminal/screen.h"
#include "adapters/terminal/terminal.h"

namespace kc::terminal {
namespace {

using session::Key;
using session::Millis;

constexpr Millis kIdleWait{200};  // real time between looks at the keys while paused
constexpr char kCtrlZ = '\x1a';

std::optional<Key> key_of(char c) {
  if (c == '\x03' || c == '\x04') return Key::kQuit;  // Ctrl-C, Ctrl-D
  return session::key_for_char(c);
}

class Loop {
 public:
  Loop(session::SessionEngine& engine, Clock& clock, const PlayerOptions& options, voice::Voice& voice,
       std::ostream& out, const OnExerciseFinished& on_finished)
      : engine_(engine), clock_(clock), opt_(options), voice_(voice), out_(out), on_finished_(on_finished) {}

  Result<bool> run() {
    start_ = clock_.now();
    engine_.start(start_);
    if (auto st = handle_events(); !st) return st.error();
    draw();
    while (!engine_.finished()) {
      if (auto st = step(); !st) return st.error();
      draw();
    }
    if (auto st = voice_.finish(); !st) return st.error();
    return engine_.quit();
  }

 private:
  Status step() {
    // Scripted keys come first, each as soon as its wait is over.
    while (next_ < opt_.script.size() && (!resume_at_ || clock_.now() >= *resume_at_)) {
      resume_at_.reset();
      const auto& item = opt_.script[next_++];
      if (const auto* key = std::get_if<Key>(&item)) {
        engine_.press(*key, clock_.now());
        if (auto st = handle_events(); !st || engine_.finished()) return st;
      } else {
        resume_at_ = clock_.now() + std::get<session::Wait>(item).duration;
      }
    }
    Millis wait = engine_.until_next_change();
    if (resume_at_) wait = std::min(wait, std::max(Millis{0}, *resume_at_ - clock_.now()));
    if (wait == session::kNever && opt_.key_fd < 0) {
      engine_.press(Key::kPause, clock_.now());  // paused, and nobody left to resume it
      return handle_events();
    }
    if (opt_.screen_fd >= 0 && !opt_.virtual_time && wait != session::kNever) {
      const Millis into_second = engine_.remaining() % 1000;  // redraw as the countdown ticks
      wait = std::min(wait, into_second == Millis{0} ? Millis{1000} : into_second);
    }
    std::optional<char> typed;
    if (wait == session::kNever) {
      typed = read_key(opt_.key_fd, kIdleWait);
    } else if (opt_.virtual_time) {
      if (opt_.key_fd >= 0) typed = read_key(opt_.key_fd, Millis{0});
      if (!typed) clock_.sleep_for(wait);
    } else if (opt_.key_fd >= 0) {
      const auto real = static_cast<Millis::rep>(static_cast<double>(wait.count()) / opt_.scale) + 1;
      typed = read_key(opt_.key_fd, Millis{std::min<Millis::rep>(real, kIdleWait.count())});
    } else {
      clock_.sleep_for(wait);
    }
    if (typed && *typed == kCtrlZ && opt_.raw != nullptr) return suspend();
    if (typed) {
      if (auto key = key_of(*typed)) {
        engine_.press(*key, clock_.now());
        return handle_events();
      }
    }
    engine_.tick(clock_.now());
    return handle_events();
  }

  // Ctrl-Z: the session paused, the terminal restored and the program stopped; on resume,
  // the screen drawn again (still paused, so nothing was missed).
  Status suspend() {
    if (!engine_.paused()) engine_.press(Key::kPause, clock_.now());
    auto st = handle_events();
    draw();
    opt_.raw->suspend();
    return st;  // the loop draws the screen again, whole (a resume)
  }

  Status handle_events() {
    for (const auto& event : engine_.take_events()) {
      if (const auto* cue = std::get_if<session::Cue>(&event)) {
        voice_.say(cue->speech);
        if (opt_.screen_fd < 0) out_ << transcript_line(clock_.now() - start_, *cue) << std::flush;
      } else if (const auto* done = std::get_if<session::ExerciseFinished>(&event)) {
        if (auto st = on_finished_(done->tally); !st) return st;
      }
    }
    return Ok{};
  }

  void draw() {
    if (opt_.screen_fd < 0) return;
    if (opt_.raw != nullptr) {
      const Changes changes = opt_.raw->take_changes();  // after a resize or a resume: the whole screen again
      clear_next_ = clear_next_ || changes.resized || changes.resumed;
    }
    const Size now = size(opt_.screen_fd);
    out_ << frame(screen_lines(engine_, opt_.title, now.cols, now.rows), clear_next_) << std::flush;
    clear_next_ = false;
  }

  session::SessionEngine& engine_;
  Clock& clock_;
  const PlayerOptions& opt_;
  voice::Voice& voice_;
  std::ostream& out_;
  const OnExerciseFinished& on_finished_;
  TimePoint start_{};
  std::size_t next_ = 0;
  std::optional<TimePoint> resume_at_;
  bool clear_next_ = true;  // the first frame, and the first after a resize or a resume, clears the screen
};

}  // namespace

Result<bool> play(session::SessionEngine& engine, Clock& clock, const PlayerOptions& options, voice::Voice& voice,
                  std::ostream& out, const OnExerciseFinished& on_finished) {
  return Loop(engine, clock, options, voice, out, on_finished).run();
}

}  // namespace kc::terminal
