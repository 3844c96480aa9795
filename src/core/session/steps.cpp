#include "core/session/steps.h"

#include <algorithm>

namespace kc::session {
namespace {

Millis seconds(int s) { return Millis{1000LL * s}; }

// Appends steps to `out`, dropping zero-length ones (a tempo phase of 0 s).
class Builder {
 public:
  Builder(std::vector<Step>& out, const Timing& timing) : out_(out), timing_(timing) {}

  void exercise(int index, const SessionExercise& ex) {
    const Dose& d = ex.dose;
    Step card;
    card.kind = StepKind::kGetReady;
    card.exercise = index;
    card.sets = d.sets;
    card.reps = d.reps;
    card.duration = std::max(timing_.get_ready, Millis{1});  // every exercise keeps its card
    push(card);
    for (int set = 1; set <= d.sets; ++set) {
      if (set > 1) gap_between_sets(index, set, d);
      one_set(index, set, d);
    }
  }

 private:
  void push(const Step& s) {
    if (s.duration > Millis{0}) out_.push_back(s);
  }

  Step base(int index, int set, const Dose& d, Side side, int rep) const {
    Step s;
    s.exercise = index;
    s.set = set;
    s.sets = d.sets;
    s.side = side;
    s.rep = rep;
    s.reps = d.reps;
    return s;
  }

  void one_set(int index, int set, const Dose& d) {
    switch (d.sides) {
      case Sides::kBoth:
        one_side(index, set, d, Side::kBoth, true);
        break;
      case Sides::kEach: {
        one_side(index, set, d, Side::kRight, false);
        Step sw = base(index, set, d, Side::kLeft, 0);
        sw.kind = StepKind::kSwitch;
        sw.duration = timing_.side_switch;
        push(sw);
        one_side(index, set, d, Side::kLeft, true);
        break;
      }
      case Sides::kAlternate:
        for (int rep = 1; rep <= d.reps; ++rep) {
          for (Side side : {Side::kRight, Side::kLeft}) {
            const bool last = rep == d.reps && side == Side::kLeft;
            unit(index, set, d, side, rep, last);
            if (!last && is_hold_dose(d)) after_hold(index, set, d, side == Side::kRight ? Side::kLeft : Side::kRight);
          }
        }
        break;
    }
  }

  // Every rep or hold of one side in one set. `last_side` marks the set's final unit.
  void one_side(int index, int set, const Dose& d, Side side, bool last_side) {
    for (int rep = 1; rep <= d.reps; ++rep) {
      const bool last = rep == d.reps;
      unit(index, set, d, side, rep, last && last_side);
      if (!last && is_hold_dose(d)) after_hold(index, set, d, side);
    }
  }

  // One rep (its tempo phases) or one hold (a countdown or its breaths).
  void unit(int index, int set, const Dose& d, Side side, int rep, bool ends_set) {
    std::vector<Step> parts;
    if (d.hold_seconds) {
      Step s = base(index, set, d, side, rep);
      s.kind = StepKind::kHold;
      s.duration = seconds(*d.hold_seconds);
      parts.push_back(s);
    } else if (d.hold_breaths) {
      for (int b = 1; b <= *d.hold_breaths; ++b) {
        for (Phase ph : {Phase::kIn, Phase::kOut}) {
          Step s = base(index, set, d, side, rep);
          s.kind = StepKind::kBreath;
          s.phase = ph;
          s.breath = b;
          s.breaths = *d.hold_breaths;
          s.duration = ph == Phase::kIn ? timing_.breath_in : timing_.breath_out;
          parts.push_back(s);
        }
      }
    } else if (d.tempo && d.tempo->total() > 0) {
      const std::pair<Phase, int> phases[] = {
          {Phase::kUp, d.tempo->up}, {Phase::kHold, d.tempo->hold}, {Phase::kDown, d.tempo->down}};
      for (const auto& [ph, secs] : phases) {
        if (secs <= 0) continue;
        Step s = base(index, set, d, side, rep);
        s.kind = StepKind::kMove;
        s.phase = ph;
        s.duration = seconds(secs);
        parts.push_back(s);
      }
    } else {
      Step s = base(index, set, d, side, rep);
      s.kind = StepKind::kMove;
      s.phase = Phase::kUp;
      s.duration = timing_.rep_without_tempo;
      parts.push_back(s);
    }
    parts.back().completes_unit = true;
    parts.back().completes_set = ends_set;
    for (const Step& s : parts) push(s);
  }

  // After a hold that is not the last of its side: the dose's rest, at least a short release.
  void after_hold(int index, int set, const Dose& d, Side next_side) {
    Step s = base(index, set, d, next_side, 0);
    if (d.rest_seconds > 0 && seconds(d.rest_seconds) > timing_.release) {
      s.kind = StepKind::kRest;
      s.duration = seconds(d.rest_seconds);
    } else {
      s.kind = StepKind::kRelease;
      s.duration = timing_.release;
    }
    push(s);
  }

  void gap_between_sets(int index, int set, const Dose& d) {
    const Side first = d.sides == Sides::kBoth ? Side::kBoth : Side::kRight;
    if (is_hold_dose(d)) {
      after_hold(index, set, d, first);
      return;
    }
    Step s = base(index, set, d, first, 0);
    s.kind = StepKind::kRest;
    s.duration = seconds(d.rest_seconds);
    push(s);
  }

  std::vector<Step>& out_;
  const Timing& timing_;
};

}  // namespace

bool is_hold_dose(const Dose& d) { return d.hold_seconds.has_value() || d.hold_breaths.has_value(); }

int planned_units(const Dose& d) { return d.sets * d.reps * (d.sides == Sides::kBoth ? 1 : 2); }

std::string side_word_for(const Exercise& e) {
  const bool trunk = std::find(e.regions.begin(), e.regions.end(), "trunk") != e.regions.end();
  return trunk ? "side" : "leg";
}

SessionExercise make_session_exercise(const Exercise& e, const Dose& dose) {
  return SessionExercise{e.id, e.name, e.steps, e.cues, dose, side_word_for(e), e.phase_words, e.set_words};
}

std::vector<Step> build_steps(const std::vector<SessionExercise>& exercises, const Timing& timing) {
  std::vector<Step> out;
  Builder builder(out, timing);
  for (std::size_t i = 0; i < exercises.size(); ++i) builder.exercise(static_cast<int>(i), exercises[i]);
  return out;
}

}  // namespace kc::session
