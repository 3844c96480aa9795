#include "core/session/tally.h"

namespace kc::session {

int units_done(const Tally& t) { return is_hold_dose(t.planned) ? t.holds_done : t.reps_done; }

Outcome judge(const Tally& t) {
  const int done = units_done(t);
  if (done >= planned_units(t.planned)) return Outcome::kDone;
  if (done == 0 && t.held < Millis{1000}) return Outcome::kSkipped;
  return Outcome::kPartly;
}

const Tally& better(const Tally& a, const Tally& b) {
  if (units_done(b) != units_done(a)) return units_done(b) > units_done(a) ? b : a;
  if (b.held != a.held) return b.held > a.held ? b : a;
  return b.active > a.active ? b : a;
}

std::string outcome_label(Outcome o) {
  switch (o) {
    case Outcome::kDone:
      return "done";
    case Outcome::kPartly:
      return "partly done";
    case Outcome::kSkipped:
      break;
  }
  return "skipped";
}

}  // namespace kc::session
