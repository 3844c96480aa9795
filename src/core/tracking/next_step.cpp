#include "core/tracking/next_step.h"

#include <fmt/format.h>

#include "core/common/pain.h"

namespace kc::tracking {

std::string step_up_condition() {
  return fmt::format(
      "when you have done the whole dose with pain of {}/10 or less during it, and that pain has settled by the next "
      "morning; at most one step every {} days",
      kLowPainMax, kDaysBetweenSteps);
}

std::string next_step(const Exercise& e, const Dose& d, const Catalog& catalog, const CanDo& can_do,
                      std::optional<CivilDate> last_change) {
  std::string why;
  const std::string not_before =
      last_change ? fmt::format(", not before {}", describe_day(*last_change + date::days{kDaysBetweenSteps})) : "";
  if (step_up(e, d, catalog, can_do, why)) return why + not_before;
  for (const Variant& v : e.harder)
    if (v.exercise.empty()) return "it is at its top dose; to make it harder: " + v.change + not_before;
  return "it is at its top dose; ask a physiotherapist what comes next";
}

}  // namespace kc::tracking
