#include "core/plan/fitting.h"

#include "core/plan/dosing.h"

namespace kc {

int session_seconds(const std::vector<PlannedExercise>& items) {
  int total = 0;
  for (const auto& item : items) total += dose_time(item.dose) + kMoveSeconds;
  return total;
}

bool fit_doses(std::vector<PlannedExercise>& items, const std::vector<Dose>& targets, int budget_seconds) {
  for (std::size_t i = 0; i < items.size(); ++i) items[i].dose = minimum_dose(*items[i].exercise, targets[i]);
  if (session_seconds(items) > budget_seconds) return false;
  bool grew = true;
  while (grew) {
    grew = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const Dose before = items[i].dose;
      if (!step_toward(items[i].dose, targets[i])) continue;
      if (session_seconds(items) <= budget_seconds) {
        grew = true;
      } else {
        items[i].dose = before;
      }
    }
  }
  for (auto& item : items) item.seconds = dose_time(item.dose);
  return true;
}

}  // namespace kc
