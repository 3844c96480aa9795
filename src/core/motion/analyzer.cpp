#include "core/motion/analyzer.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "core/common/name_table.h"

namespace kc::motion {
namespace {

// A point counts as seen when it lies in the picture and the model gives it at least this
// visibility; side-on, MediaPipe rates a clearly drawn far knee as low as 0.2.
constexpr double kMinVisibility = 0.15;
constexpr double kFaultShare = 2.0 / 3;   // a fault needs this share of the cue's frames past its limit
constexpr double kOutOfFrameMs = 500;     // out of view this long before saying so
constexpr double kRestWindowMs = 500;     // start-position cues: the last this much at rest
constexpr double kRestHistoryMs = 3000;   // start-position cues: how far back to look for rest
constexpr double kRestCeiling = 2.0 / 3;  // start-position cues: share of leave_start still at rest
constexpr std::size_t kEarlyFlag = 4;     // frames a verdict needs (end position: before a live one)
constexpr double kMiddleWindow = 0.12;    // middle keyframes: progress either side
constexpr double kMiddleOut = -1;         // window marks: a middle keyframe on the way to the end ...
constexpr double kMiddleBack = -2;        // ... and on the way back
constexpr double kNearPeak = 0.1;         // end position: progress within this of the rep's deepest ...
// ... and at least this many of the deepest frames: at 8 frames a second a real person's
// bottom lasts two or three frames, which leaves one misread frame too much say.
constexpr std::size_t kEndFrames = 4;
// A verdict needs at least this many frames where the cue applies: on fewer, one misread frame
// would decide (on the real clips every clean squat flagged before this rule was a one-frame verdict).
constexpr std::size_t kVerdictFrames = 3;
constexpr double kBackToStart = 0.1;    // hysteresis below leave_start to finish a rep
constexpr double kLeaveEnd = 0.1;       // hysteresis below reach_end to leave the end
constexpr double kMaxGapSeconds = 0.5;  // longer gaps do not carry smoothing across
// End position: how long without going deeper before a live verdict. A time, not a count of
// frames: 3 frames at a slow camera's 8 to 10 a second, 9 at a phone's 30. (As 3 frames, at 25 a
// second a one-frame glitch on the way down gave 120 ms of "plateau", and a live verdict on the
// frames above the bottom flagged 4 of 5 clean lunges "front knee not bent to 90".)
constexpr double kPlateauMs = 300;
constexpr double kDeeper = 0.02;  // progress gain that counts as going deeper

constexpr int kViewFrames = 5;            // frames in view before the coach speaks about the view
constexpr double kFootSeconds = 1.0;      // smoothing of the person's foot length
constexpr std::size_t kRangeReps = 5;     // the range follows the median of this many recent reps
constexpr double kStallSeconds = 0.25;    // a signal leg jumping this long is read by shape
constexpr double kSettleInViewMs = 1000;  // in the picture this long before form is judged
constexpr double kStallMs = 1000;         // no frame for this long: the pose model starts again, as on coming back
constexpr double kHeadRoom = 0.04;        // the ears at least this far below the top: the head is in
constexpr double kRise = 0.1;             // progress above the rest's lowest point that starts a rep
constexpr double kSameAngle = 5;          // degrees: a joint both legs hold alike on every keyframe
constexpr double kVisibilityLead = 0.15;  // how much better seen a leg must be to take over the signal

double smooth(std::optional<double>& state, double x, double dt, double tau) {
  const double a = 1.0 - std::exp(-dt / tau);
  state = state ? *state + a * (x - *state) : x;
  return *state;
}

// The k-th smallest value (from_top: largest), with k the given share of the values rounded
// up: at least that share of the values lie at or below it (from_top: at or above it).
double kth_for_share(std::vector<double> v, double share, bool from_top) {
  const auto k = static_cast<std::size_t>(std::ceil(share * static_cast<double>(v.size())));
  const std::size_t index = from_top ? v.size() - k : k - 1;
  const auto at = v.begin() + static_cast<std::ptrdiff_t>(index);
  std::nth_element(v.begin(), at, v.end());
  return *at;
}

bool visible(const ImagePoint& p) {
  return p.visibility >= kMinVisibility && p.x >= -0.02 && p.x <= 1.02 && p.y >= -0.02 && p.y <= 1.02;
}

// What is out of the picture, in words, or empty when the body is in view.
std::string view_problem(const LandmarkFrame& f) {
  if (!f.has_person())
    return "I cannot see you. Stand side-on to the camera, 2 to 3 metres away, with your whole body in the picture.";
  auto seen = [&](Mp a, Mp b) { return visible(f.at(a)) || visible(f.at(b)); };
  if (!seen(Mp::kLeftAnkle, Mp::kRightAnkle) || !seen(Mp::kLeftHeel, Mp::kRightHeel) ||
      !seen(Mp::kLeftFootIndex, Mp::kRightFootIndex))
    return "Your feet are out of the picture: move the camera further away or tilt it down.";
  // A pose model puts the ears of a head cut off at the top just inside the picture.
  const bool head_cut = std::min(f.at(Mp::kLeftEar).y, f.at(Mp::kRightEar).y) < kHeadRoom;
  if (!seen(Mp::kLeftShoulder, Mp::kRightShoulder) || !seen(Mp::kLeftEar, Mp::kRightEar) || head_cut)
    return "Your head is out of the picture: move the camera further away or tilt it up.";
  if (!seen(Mp::kLeftHip, Mp::kRightHip) || !seen(Mp::kLeftKnee, Mp::kRightKnee))
    return "Move back into the picture: the camera needs to see your hips and knees.";
  return "";
}

double median_of_last(const std::vector<double>& v, std::size_t n) {
  std::vector<double> last(v.end() - static_cast<std::ptrdiff_t>(std::min(n, v.size())), v.end());
  const auto mid = last.begin() + static_cast<std::ptrdiff_t>(last.size() / 2);
  std::nth_element(last.begin(), mid, last.end());
  return *mid;
}

bool in_metres(figure::Measure m) {
  return m == figure::Measure::kForwardOffset || m == figure::Measure::kHeightOffset ||
         m == figure::Measure::kClearance;
}

double heel_to_toe(const Limb& l) { return std::hypot(l.toe.f - l.heel.f, l.toe.u - l.heel.u); }

Event make_event(Event::Kind kind, double t_ms, int rep = 0) {
  Event e;
  e.kind = kind;
  e.t_ms = t_ms;
  e.rep = rep;
  return e;
}

// How long the leg a joint belongs to has been jumping, seconds ("trunk": never).
double jumping_for(const TrackedSkeleton& s, std::string_view joint) {
  if (joint.rfind("left-", 0) == 0) return s.jumping_seconds[0];
  if (joint.rfind("right-", 0) == 0) return s.jumping_seconds[1];
  return 0;
}

// Whether the leg a joint belongs to is trusted on this frame ("trunk": always).
bool leg_ok(const TrackedSkeleton& s, std::string_view joint) {
  if (joint.rfind("left-", 0) == 0) return s.leg_ok[0];
  if (joint.rfind("right-", 0) == 0) return s.leg_ok[1];
  return true;
}

}  // namespace

// The values of the last stretch at rest: the kRestWindowMs (and at least kEarlyFlag
// samples) up to the last sample whose progress was still at most `ceiling` (kRestCeiling of
// the way to leaving the start). Judging only the settled position keeps a fault still fading
// out from the rep before, or the first stir of this one, from counting against the start.
std::vector<double> Analyzer::rest_values(const std::deque<RestSample>& rest, double ceiling) {
  std::optional<double> settled_until;
  for (const RestSample& s : rest)
    if (s.progress <= ceiling) settled_until = s.t_ms;
  if (!settled_until) return {};
  std::vector<double> values;
  for (std::size_t k = rest.size(); k-- > 0;) {  // newest first
    const RestSample& s = rest[k];
    if (s.t_ms > *settled_until) continue;
    if (s.t_ms < *settled_until - kRestWindowMs && values.size() >= kEarlyFlag) break;
    values.push_back(s.value);
  }
  return values;
}

std::vector<double> Analyzer::stir_values(const std::deque<RestSample>& rest, double ceiling, double up_to) {
  std::vector<double> values;
  for (const RestSample& s : rest) {
    if (s.progress <= ceiling)
      values.clear();
    else if (s.progress <= up_to)
      values.push_back(s.value);
  }
  return values;
}

std::string_view to_string(Phase p) {
  static constexpr NameTable<Phase, 3> kNames{
      {{Phase::kStart, "start"}, {Phase::kMoving, "moving"}, {Phase::kEnd, "end"}}};
  return name_of(kNames, p);
}

std::string_view to_string(Event::Kind k) {
  using K = Event::Kind;
  static constexpr NameTable<K, 8> kNames{{{K::kRep, "rep"},
                                           {K::kFault, "fault"},
                                           {K::kHold, "hold"},
                                           {K::kHoldDone, "hold-done"},
                                           {K::kOutOfFrame, "out-of-frame"},
                                           {K::kInFrame, "in-frame"},
                                           {K::kView, "view"},
                                           {K::kClose, "close"}}};
  return name_of(kNames, k);
}

Analyzer::Analyzer(MotionProfile profile)
    : profile_(std::move(profile)), checks_(profile_.checks.size()), legs_(profile_.keyframes, profile_.leg_metres) {
  summary_.exercise = profile_.exercise;
  if (!profile_.keyframes.empty()) figure_foot_ = heel_to_toe(profile_.keyframes.front().limbs[0]);
  // A signal whose two legs move alike on the figure (a squat, a bridge) can follow either leg.
  const std::string& j = profile_.signal.joint;
  if (j.rfind("left-", 0) == 0 && !profile_.keyframes.empty()) {
    mirror_joint_ = "right-" + j.substr(5);
    for (const Skeleton& k : profile_.keyframes) {
      const auto a = joint_angle(k, j), b = joint_angle(k, mirror_joint_);
      if (!a || !b || std::abs(*a - *b) > kSameAngle) mirror_joint_.clear();
      if (mirror_joint_.empty()) break;
    }
  }
}

FrameResult Analyzer::push(const LandmarkFrame& frame) {
  FrameResult out;
  out.t_ms = frame.t_ms;
  ++summary_.frames;
  const double dt = last_t_ ? std::clamp((frame.t_ms - *last_t_) / 1000.0, 0.0, kMaxGapSeconds) : 0.0;
  out.in_frame = update_view(frame, out);
  if (!out.in_frame && phase_ != Phase::kStart) rep_left_picture_ = true;
  if (frame.has_person()) update_camera_view(frame, out);  // a view even of a body partly out of the picture
  if (out.in_frame) {
    ++summary_.frames_in_view;
    last_t_ = frame.t_ms;
    const TrackedSkeleton seen = legs_.update(frame, dt);
    const RepSignal& sig = profile_.signal;
    const std::string joint = signal_joint(seen, dt);
    // A leg jumping for a frame or two is a glitch: the frame is skipped. One jumping longer has
    // really moved (a step the tracker has not followed yet): it is read as the exercise's
    // shapes label it, so the count does not stall while the tracker settles.
    // In an exercise whose legs play different parts, the shapes say which leg is which, so
    // a jump is read by shape at once.
    const bool ok = leg_ok(seen, joint);
    if (ok || mirror_joint_.empty() || jumping_for(seen, joint) >= kStallSeconds) {
      const double angle = joint_angle(ok ? seen.skeleton : seen.by_shape, joint).value_or(sig.start);
      smooth(progress_, (angle - sig.start) / (sig.end - sig.start), dt, kSmoothingSeconds);
      if (phase_ == Phase::kStart) rest_low_ = std::min(rest_low_.value_or(*progress_), *progress_);
      track_peak(frame.t_ms);
      // The phase first: the frame that reaches the end is judged as part of the end position
      // (at 8 frames a second the bottom of a rep may show on two or three frames).
      step_state(frame.t_ms, out);
      check_cues(seen, frame.t_ms, dt, out);
    }
  }
  out.reps = summary_.reps;
  out.phase = phase_;
  out.progress = progress_.value_or(0);
  if (phase_ == Phase::kEnd && profile_.hold_seconds > 0) out.hold_seconds = held_;
  return out;
}

bool Analyzer::update_view(const LandmarkFrame& frame, FrameResult& out) {
  const std::string problem = view_problem(frame);
  if (problem.empty()) {
    // Back in the picture, or back after the frames stalled (a pose model's first answers
    // after a stall are as unsettled as on a person's return): form waits kSettleInViewMs.
    const bool stalled = last_t_ && frame.t_ms - *last_t_ >= kStallMs;
    if (out_since_ || !in_view_since_ || stalled) in_view_since_ = frame.t_ms;
    if (out_since_) legs_.reset();
    if (out_announced_) out.events.push_back(make_event(Event::Kind::kInFrame, frame.t_ms));
    out_since_.reset();
    out_announced_ = false;
    return true;
  }
  if (!out_since_) out_since_ = frame.t_ms;
  if (!out_announced_ && frame.t_ms - *out_since_ >= kOutOfFrameMs) {
    Event e = make_event(Event::Kind::kOutOfFrame, frame.t_ms);
    e.text = problem;
    out.events.push_back(std::move(e));
    out_announced_ = true;
  }
  return false;
}

void Analyzer::update_camera_view(const LandmarkFrame& frame, FrameResult& out) {
  const ViewReading& v = view_.push(frame);
  ++view_frames_[static_cast<std::size_t>(v.view)];
  if (v.near_side) summary_.near_side = v.near_side;
  if (view_.frames() < kViewFrames) return;
  const bool ok = v.view == View::kSide || v.view == View::kUnknown;
  const bool was_ok = said_view_ == View::kSide || said_view_ == View::kUnknown;
  if (ok != was_ok) {
    Event e = make_event(Event::Kind::kView, frame.t_ms);
    e.view = v.view;
    e.text = ok ? "Good: I can see you side-on now." : view_advice(v.view);
    out.events.push_back(std::move(e));
    said_view_ = v.view;
  }
}

// The leg the rep signal follows: the exercise's, or for a signal both legs share, the one
// the camera sees better (the nearer), kept until the other is clearly better seen.
std::string Analyzer::signal_joint(const TrackedSkeleton& seen, double dt) {
  if (mirror_joint_.empty()) return profile_.signal.joint;
  smooth(visibility_gap_, seen.leg_visibility[0] - seen.leg_visibility[1], dt, kSmoothingSeconds);
  if (*visibility_gap_ > kVisibilityLead) follow_right_ = false;
  if (*visibility_gap_ < -kVisibilityLead) follow_right_ = true;
  return follow_right_ ? mirror_joint_ : profile_.signal.joint;
}

// The person's foot length against the figure's: offsets and heights are judged in foot
// lengths, so a cue's limit means the same on a tall or a short person, near or far.
double Analyzer::foot_scale(const TrackedSkeleton& seen, double dt) {
  const double foot = std::max(heel_to_toe(seen.skeleton.limbs[0]), heel_to_toe(seen.skeleton.limbs[1]));
  if (foot > 0) smooth(foot_, foot, dt, kFootSeconds);
  return foot_ && *foot_ > 0.01 && figure_foot_ > 0.01 ? figure_foot_ / *foot_ : 1.0;
}

// How far past a cue's limit a fault starts: past the limit by less than kToeBand foot
// lengths, a cue measured at the toes is only close to it.
double Analyzer::fault_band(std::size_t i) const {
  return measured_at_toes(profile_.checks[i].cue) ? -kToeBand * figure_foot_ : 0.0;
}

// The thresholds from the person's range: where they rest (top) and how deep they go, never
// asking for more depth than the figure's own (a span of 1) nor counting less than kMinSpan.
Analyzer::Thresholds Analyzer::thresholds() const {
  const double top = range_.top;
  const double span = std::clamp(range_.depth - top, kMinSpan, 1.0);
  const double reach = top + profile_.reach_end * span;
  return {top + profile_.leave_start * span, reach, reach - kLeaveEnd * span,
          top + (profile_.leave_start - kBackToStart) * span};
}

// After a counted rep: the range follows the person's recent rests and depths.
void Analyzer::learn_range() {
  depths_.push_back(peak_);
  range_.depth = median_of_last(depths_, kRangeReps);
  if (!rest_lows_.empty()) range_.top = std::min(median_of_last(rest_lows_, kRangeReps), 0.5);
}

bool Analyzer::violates(std::size_t i, const std::vector<double>& values, double band) const {
  if (values.size() < kVerdictFrames) return false;
  const CueCheck& c = profile_.checks[i];
  return (c.min && kth_for_share(values, kFaultShare, false) < *c.min + band) ||
         (c.max && kth_for_share(values, kFaultShare, true) > *c.max - band);
}

// Middle keyframes' values on the way to the end (progress stored as kMiddleOut) and on the way
// back (kMiddleBack), and the end position's values near the rep's deepest point (at least its
// kEndFrames deepest within twice that of it: a bottom the camera did not see is not judged),
// are judged apart: a rep passes a middle keyframe twice, and either pass may show the fault.
bool Analyzer::window_violates(std::size_t i, double band) const {
  const auto& w = checks_[i].window;
  double peak = -1e18;
  for (const auto& [p, v] : w) peak = std::max(peak, p);
  std::vector<double> out;
  std::vector<double> back;
  std::vector<std::pair<double, double>> at_end;
  for (const auto& [p, v] : w) {
    if (p == kMiddleOut)
      out.push_back(v);
    else if (p == kMiddleBack)
      back.push_back(v);
    else
      at_end.emplace_back(p, v);
  }
  std::sort(at_end.begin(), at_end.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<double> end;
  for (const auto& [p, v] : at_end)
    if (p >= peak - kNearPeak || (end.size() < kEndFrames && p >= peak_ - 2 * kNearPeak)) end.push_back(v);
  return violates(i, out, band) || violates(i, back, band) || violates(i, end, band);
}

void Analyzer::flag(std::size_t i, double t, FrameResult& out) {
  checks_[i].flagged = true;
  const figure::Cue& cue = profile_.checks[i].cue;
  for (std::size_t j = 0; j < checks_.size(); ++j)  // once per fault and rep, whichever leg
    if (j != i && checks_[j].flagged && profile_.checks[j].cue.fault == cue.fault) return;
  Event e = make_event(Event::Kind::kFault, t, summary_.reps + 1);
  e.cue = cue.id;
  e.fault = cue.fault;
  e.text = cue.text;
  out.events.push_back(std::move(e));
}

void Analyzer::track_peak(double t) {
  const double p = *progress_;
  if (p > peak_ + kDeeper) {
    peak_ = p;
    deeper_at_ms_ = t;
  }
}

void Analyzer::check_cues(const TrackedSkeleton& seen, double t, double dt, FrameResult& out) {
  const double p = progress_.value_or(0);
  out.cue_values.assign(checks_.size(), std::nullopt);
  // Seen from the front, behind or a diagonal, the side-on measures mean nothing: no verdicts.
  const View view = view_.settled().view;
  if (view != View::kSide && view != View::kUnknown) return;
  // Nor while the person has only just come (back) into the picture.
  if (!in_view_since_ || t - *in_view_since_ < kSettleInViewMs) return;
  // Nor on a rep the person left the picture during: the camera saw only part of it.
  if (rep_left_picture_) return;
  const double feet = foot_scale(seen, dt);
  for (std::size_t i = 0; i < checks_.size(); ++i) {
    const CueCheck& c = profile_.checks[i];
    CheckState& st = checks_[i];
    // At the end position of an exercise whose legs play different parts (the lunge's front
    // and back leg), a leg the tracker lost is the one in that part's shape: a person may
    // alternate legs, and the pose model makes a leg jump most where it bends most.
    std::size_t leg = c.leg == figure::Side::kRight ? 1 : 0;
    const bool by_part = c.leg && mirror_joint_.empty() && phase_ == Phase::kEnd && !seen.leg_ok[leg];
    const Skeleton& body = by_part ? seen.by_shape : seen.skeleton;
    if (by_part && seen.shape_swapped) leg = 1 - leg;  // the same leg in seen's labels
    if (c.leg && ((!by_part && !seen.leg_ok[leg]) || seen.leg_visibility[leg] < kJudgeVisibility)) continue;
    if (c.legs_apart && leg_overlap_gap(body) < kLegsApart) continue;
    const auto raw = measure(c.cue, c.leg, body);
    if (!raw) continue;
    const double v = smooth(st.smoothed, *raw * (in_metres(c.cue.measure) ? feet : 1.0), dt, kSmoothingSeconds);
    out.cue_values[i] = v;
    if (phase_ == Phase::kStart) {
      st.rest.push_back({t, p, v});
      while (st.rest.front().t_ms < t - kRestHistoryMs) st.rest.pop_front();
    }
    const bool at_end = c.at_end && phase_ == Phase::kEnd;
    // A cue checked at the start and at a middle keyframe applies on the way between them too.
    const bool from_start = c.at_start && !c.at_progress.empty() && p <= c.at_progress.front();
    const bool at_middle = phase_ == Phase::kMoving &&
                           (from_start || std::any_of(c.at_progress.begin(), c.at_progress.end(),
                                                      [p](double k) { return std::abs(p - k) <= kMiddleWindow; }));
    if (!at_end && !at_middle) continue;
    st.window.emplace_back(at_end ? p : (reached_end_ ? kMiddleBack : kMiddleOut), v);
    const bool settled = !at_end || t - deeper_at_ms_ >= kPlateauMs;
    if (!st.flagged && settled && st.window.size() >= kEarlyFlag && window_violates(i, fault_band(i))) flag(i, t, out);
  }
}

void Analyzer::step_state(double t, FrameResult& out) {
  const double p = *progress_;
  // Before the first rep the rest position is what the person has shown so far.
  if (depths_.empty() && rest_low_) range_.top = std::min(*rest_low_, 0.5);
  const Thresholds th = thresholds();
  const double ceiling = range_.top + (th.leave_start - range_.top) * kRestCeiling;  // of the rest
  switch (phase_) {
    case Phase::kStart:
      // Leaving means going down again: past the threshold and up from the lowest point since
      // the last rep (a rep counted on the way up is not followed by a new one at once).
      if (p <= th.leave_start || (rest_low_ && p < *rest_low_ + kRise)) return;
      if (rest_low_) rest_lows_.push_back(*rest_low_);
      rest_low_.reset();
      for (std::size_t i = 0; i < checks_.size(); ++i) {
        CheckState& st = checks_[i];
        const CueCheck& c = profile_.checks[i];
        const std::vector<double> rest = rest_values(st.rest, ceiling);
        // A cue that applies from the start to a middle keyframe applies to the stir too: at a
        // slow camera's 10 frames a second it may hold most of the frames between the two.
        if (c.at_start && !c.at_progress.empty())
          for (const double v : stir_values(st.rest, ceiling, c.at_progress.front()))
            st.window.emplace_back(kMiddleOut, v);
        st.rest.clear();
        if (c.at_start && !st.flagged && violates(i, rest, fault_band(i))) flag(i, t, out);
      }
      phase_ = Phase::kMoving;
      rep_start_ms_ = t;
      rep_left_picture_ = false;
      peak_ = p;
      deeper_at_ms_ = t;
      return;
    case Phase::kMoving:
      if (p >= th.reach_end) {
        phase_ = Phase::kEnd;
        reached_end_ = true;
        end_enter_ms_ = t;
        hold_announced_ = 0;
        hold_done_ = false;
        held_ = 0;
      } else if (p <= th.back_to_start || (reached_end_ && p <= peak_ - kComeBack * (peak_ - range_.top))) {
        if (reached_end_) return finish_rep(t, out);
        reset_checks();  // an attempt that never got there
        phase_ = Phase::kStart;
        rest_low_ = p;
      }
      return;
    case Phase::kEnd:
      held_ = (t - end_enter_ms_) / 1000.0;
      if (profile_.hold_seconds > 0) {
        const int whole = static_cast<int>(held_);
        if (whole > hold_announced_ && !hold_done_) {
          hold_announced_ = whole;
          Event e = make_event(Event::Kind::kHold, t, summary_.reps + 1);
          e.seconds = whole;
          e.target = profile_.hold_seconds;
          out.events.push_back(std::move(e));
        }
        if (!hold_done_ && held_ >= profile_.hold_seconds) {
          hold_done_ = true;
          out.events.push_back(make_event(Event::Kind::kHoldDone, t, summary_.reps + 1));
        }
      }
      if (p < th.leave_end) phase_ = Phase::kMoving;
      return;
  }
}

void Analyzer::finish_rep(double t, FrameResult& out) {
  for (std::size_t i = 0; i < checks_.size(); ++i)
    if (!checks_[i].flagged && window_violates(i, fault_band(i))) flag(i, t, out);
  RepRecord r{summary_.reps + 1, rep_start_ms_, t, held_, {}, {}};
  std::set<std::string> seen;
  for (std::size_t i = 0; i < checks_.size(); ++i)
    if (checks_[i].flagged && seen.insert(profile_.checks[i].cue.fault).second)
      r.faults.push_back(profile_.checks[i].cue.fault);
  // Near misses: within the camera margin of a limit on the frames that count, not past it.
  for (std::size_t i = 0; i < checks_.size(); ++i) {
    const figure::Cue& cue = profile_.checks[i].cue;
    const double band = in_metres(cue.measure) ? kOffsetMargin : kAngleMargin;
    if (checks_[i].flagged || seen.contains(cue.fault) || !window_violates(i, band)) continue;
    seen.insert(cue.fault);
    r.close.push_back(cue.fault);
    Event e = make_event(Event::Kind::kClose, t, r.rep);
    e.cue = cue.id;
    e.fault = cue.fault;
    e.text = "Close to the limit: " + cue.text;
    out.events.push_back(std::move(e));
  }
  Event e = make_event(Event::Kind::kRep, t, r.rep);
  e.faults = r.faults;
  e.seconds = held_;
  out.events.push_back(std::move(e));
  summary_.rep_records.push_back(std::move(r));
  ++summary_.reps;
  learn_range();
  reset_checks();
  phase_ = Phase::kStart;
  reached_end_ = false;
  held_ = 0;
  rest_low_ = *progress_;
}

void Analyzer::reset_checks() {
  for (CheckState& st : checks_) {
    CheckState fresh;
    fresh.smoothed = st.smoothed;
    st = std::move(fresh);
  }
}

Summary Analyzer::summary() const {
  Summary s = summary_;
  const auto most = std::max_element(view_frames_.begin(), view_frames_.end());
  if (*most > 0) s.view = static_cast<View>(most - view_frames_.begin());
  s.view_ok = s.view == View::kSide || s.view == View::kUnknown;
  s.view_advice = view_advice(s.view);
  return s;
}

}  // namespace kc::motion
