// The one-line reason each planned exercise carries, tied to the person.
#pragma once

#include <string>

#include "core/catalog/catalog.h"
#include "core/plan/plan.h"
#include "core/plan/profile.h"
#include "core/plan/selection.h"

namespace kc {

// What shaped this exercise's place and dose in this session.
struct ReasonContext {
  const Pick* pick = nullptr;
  bool inner_extra = false;
  Dose start;  // the pain- and caution-scaled dose before fitting the minutes
};

// The exercise's `benefit`, then, separated by "; ", what about the person led to it:
// inner-knee pain, where the knee hurts (front, outer, back) when its muscles bear on that, a
// version chosen because kneeling or the floor is hard or because of a caution (or, when none
// of these applies, the chain group it covers for their knee), a lower dose for pain or a
// caution, a shorter dose to fit the minutes, stretching after runs, a support to hold for
// single-leg balance. One line, no trailing full stop.
std::string reason_for(const PlannedExercise& item, const ReasonContext& ctx, const Catalog& catalog, const Profile& p);

// With a caution or high pain: the first easier parameter change the catalog gives (e.g. "use a
// lower platform ..."), else empty.
std::string start_easier_for(const Exercise& e, const Profile& p);

}  // namespace kc
