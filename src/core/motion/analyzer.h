// The camera coach's motion analyzer: landmark frames in, coaching events out. It smooths
// the tracked joint angle, segments reps with a start/end state machine with hysteresis,
// times holds from the detected pose, checks the exercise's form cues where each applies, and
// notices when the person is out of the picture. Pure: frame times are handed in.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/motion/landmarks.h"
#include "core/motion/legs.h"
#include "core/motion/profile.h"
#include "core/motion/skeleton.h"

namespace kc::motion {

enum class Phase { kStart, kMoving, kEnd };
std::string_view to_string(Phase p);

struct Event {
  enum class Kind { kRep, kFault, kHold, kHoldDone, kOutOfFrame, kInFrame };
  Kind kind = Kind::kRep;
  double t_ms = 0;
  int rep = 0;                      // the rep it belongs to, 1-based (0 for frame events)
  std::vector<std::string> faults;  // kRep: the fault ids seen on the rep
  std::string cue;                  // kFault: the cue broken ...
  std::string fault;                // ... its fault id
  std::string text;                 // kFault: the cue's words; kOutOfFrame: what to do
  double seconds = 0;               // kHold: seconds held so far
  int target = 0;                   // kHold: the hold's target
};
std::string_view to_string(Event::Kind k);

// What one frame changed.
struct FrameResult {
  double t_ms = 0;
  int reps = 0;
  Phase phase = Phase::kStart;
  double progress = 0;  // smoothed, 0 start .. 1 end (may overshoot)
  bool in_frame = false;
  std::optional<double> hold_seconds;             // while holding at the end of a hold exercise
  std::vector<std::optional<double>> cue_values;  // each profile check's smoothed measure (for tracing)
  std::vector<Event> events;
};

struct RepRecord {
  int rep = 0;
  double start_ms = 0;
  double end_ms = 0;
  double held_seconds = 0;
  std::vector<std::string> faults;
};

struct Summary {
  std::string exercise;
  int reps = 0;
  std::vector<RepRecord> rep_records;
  int frames = 0;
  int frames_in_view = 0;
};

class Analyzer {
 public:
  explicit Analyzer(MotionProfile profile);

  // Takes the next frame (times must not go backwards) and returns what it changed.
  FrameResult push(const LandmarkFrame& frame);

  Summary summary() const;
  const MotionProfile& profile() const { return profile_; }

 private:
  struct RestSample {
    double t_ms;
    double progress;
    double value;
  };
  struct CheckState {
    std::optional<double> smoothed;
    std::vector<std::pair<double, double>> window;  // (progress, value) where the cue applies, this rep
    std::deque<RestSample> rest;                    // while at the start, the last few seconds
    bool flagged = false;
  };

  bool update_view(const LandmarkFrame& frame, FrameResult& out);
  void track_peak();
  void step_state(double t, FrameResult& out);
  void check_cues(const TrackedSkeleton& seen, double t, double dt, FrameResult& out);
  void flag(std::size_t i, double t, FrameResult& out);
  void finish_rep(double t, FrameResult& out);
  void reset_checks();
  bool violates(std::size_t i, const std::vector<double>& values) const;
  bool window_violates(std::size_t i) const;
  // The start-position values to judge: the last settled stretch before leaving the start.
  static std::vector<double> rest_values(const std::deque<RestSample>& rest, double leave_start);

  MotionProfile profile_;
  Summary summary_;
  std::vector<CheckState> checks_;
  LegTracker legs_;
  double peak_ = 0;  // the deepest progress this rep
  int frames_since_deeper_ = 0;
  std::optional<double> last_t_;
  std::optional<double> progress_;
  Phase phase_ = Phase::kStart;
  bool reached_end_ = false;
  double rep_start_ms_ = 0;
  double end_enter_ms_ = 0;
  int hold_announced_ = 0;
  bool hold_done_ = false;
  double held_ = 0;
  std::optional<double> out_since_;
  bool out_announced_ = false;
};

// Smoothing time constant for angles and cue measures, seconds.
inline constexpr double kSmoothingSeconds = 0.12;

}  // namespace kc::motion
