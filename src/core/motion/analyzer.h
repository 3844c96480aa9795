// motion/: the camera coach: pose landmarks in, reps counted and form judged out.
// The camera coach's motion analyzer: landmark frames in, coaching events out. It smooths
// the tracked joint angle, segments reps with a start/end state machine whose thresholds
// follow the person's own range of movement, times holds from the detected pose, checks the
// exercise's form cues where each applies and only on joints the camera sees well, works out
// where the camera stands (side-on, diagonal, front, behind) and says how to move it, and
// notices when the person is out of the picture. Pure: frame times are handed in.
#pragma once

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/motion/landmarks.h"
#include "core/motion/legs.h"
#include "core/motion/profile.h"
#include "core/motion/skeleton.h"
#include "core/motion/view.h"

namespace kc::motion {

enum class Phase { kStart, kMoving, kEnd };
std::string_view to_string(Phase p);

struct Event {
  enum class Kind { kRep, kFault, kHold, kHoldDone, kOutOfFrame, kInFrame, kView, kClose };
  Kind kind = Kind::kRep;
  double t_ms = 0;
  int rep = 0;                      // the rep it belongs to, 1-based (0 for frame events)
  std::vector<std::string> faults;  // kRep: the fault ids seen on the rep
  std::string cue;                  // kFault, kClose: the cue broken (close to it) ...
  std::string fault;                // ... its fault id
  std::string text;                 // kFault: the cue's words; kOutOfFrame, kView: what to do;
                                    // kClose: the cue's words, said as a near miss
  View view = View::kUnknown;       // kView: the view the camera has now
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
  std::vector<std::string> close;  // faults the rep came close to without passing the limit
};

struct Summary {
  std::string exercise;
  int reps = 0;
  std::vector<RepRecord> rep_records;
  int frames = 0;
  int frames_in_view = 0;
  View view = View::kUnknown;             // the view most frames had
  std::optional<figure::Side> near_side;  // the side of the body nearer the camera, when known
  bool view_ok = true;                    // side-on: form was judged; otherwise it was not
  std::string view_advice;                // how to place the camera, when not side-on
};

// The person's own range of movement, in progress units (0 the figure's start, 1 its end):
// where they rest between reps (top) and how deep their reps go (depth). A rep leaves the
// start at top + leave_start·span and reaches the end at top + reach_end·span, with
// span = depth - top; it is counted once it comes back up most of the way.
struct Range {
  double top = 0;
  double depth = 1;
};

class Analyzer {
 public:
  explicit Analyzer(MotionProfile profile);

  // Takes the next frame (times must not go backwards) and returns what it changed.
  FrameResult push(const LandmarkFrame& frame);

  Summary summary() const;
  const MotionProfile& profile() const { return profile_; }
  // The person's range of movement the rep thresholds follow now.
  const Range& range() const { return range_; }

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
  struct Thresholds {
    double leave_start, reach_end, leave_end, back_to_start;
  };

  bool update_view(const LandmarkFrame& frame, FrameResult& out);
  void update_camera_view(const LandmarkFrame& frame, FrameResult& out);
  Thresholds thresholds() const;
  double fault_band(std::size_t i) const;
  std::string signal_joint(const TrackedSkeleton& seen, double dt);
  void learn_range();
  double foot_scale(const TrackedSkeleton& seen, double dt);
  void track_peak(double t);  // t: the frame's time (ms)
  void step_state(double t, FrameResult& out);
  void check_cues(const TrackedSkeleton& seen, double t, double dt, FrameResult& out);
  void flag(std::size_t i, double t, FrameResult& out);
  void finish_rep(double t, FrameResult& out);
  void reset_checks();
  bool violates(std::size_t i, const std::vector<double>& values, double band = 0) const;
  bool window_violates(std::size_t i, double band = 0) const;
  // The start-position values to judge: the last settled stretch before leaving the start.
  static std::vector<double> rest_values(const std::deque<RestSample>& rest, double leave_start);
  // The values after the last rest sample at or below `ceiling` and at or below `up_to`
  // progress: the first stir of a rep, already on its way from the start.
  static std::vector<double> stir_values(const std::deque<RestSample>& rest, double ceiling, double up_to);

  MotionProfile profile_;
  Summary summary_;
  std::vector<CheckState> checks_;
  LegTracker legs_;
  double peak_ = 0;          // the deepest progress this rep
  double deeper_at_ms_ = 0;  // when peak_ last went deeper
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
  std::optional<double> in_view_since_;  // when the person last came (back) into the picture
  bool out_announced_ = false;
  bool rep_left_picture_ = false;  // the person left the picture since this rep left the start
  // The person's range: the lowest progress while at the start (this rest), the deepest
  // progress of each counted rep, the rest lows seen so far.
  Range range_;
  std::optional<double> rest_low_;
  std::vector<double> rest_lows_;
  std::vector<double> depths_;
  // The camera's view.
  ViewTracker view_;
  View said_view_ = View::kSide;  // the view the coach last spoke about
  std::array<int, 5> view_frames_{};
  double figure_foot_ = 0;                // the figure's heel-to-toe length, metres
  std::string mirror_joint_;              // the signal's joint on the other leg, when both legs share it
  std::optional<double> visibility_gap_;  // left leg's visibility less the right's, smoothed
  bool follow_right_ = false;             // the signal follows the right leg
  std::optional<double> foot_;            // the person's, smoothed, in skeleton metres
};

// Smoothing time constant for angles and cue measures, seconds.
inline constexpr double kSmoothingSeconds = 0.12;

// A rep is counted once it has come back up this share of the way from its deepest point to
// the person's rest position (or below the start threshold's hysteresis, whichever comes first).
inline constexpr double kComeBack = 0.6;
// A rep must move at least this much progress to count: a half-hearted bob does not.
inline constexpr double kMinSpan = 0.5;
// Past a limit measured at the toes by less than this many foot lengths, a rep is close to the
// limit, not faulted: the pose model's toe point sits behind the tip of a shoe by up to this.
inline constexpr double kToeBand = 0.15;
// A leg is judged only where the pose model sees its knee, ankle, heel and toe at least this well.
inline constexpr double kJudgeVisibility = 0.5;

}  // namespace kc::motion
