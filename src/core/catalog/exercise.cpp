#include "core/catalog/exercise.h"

#include <algorithm>

namespace kc {

bool Exercise::has_demand(Demand d) const { return std::find(demands.begin(), demands.end(), d) != demands.end(); }
bool Exercise::needs(Equipment e) const {
  return std::find(equipment_needed.begin(), equipment_needed.end(), e) != equipment_needed.end();
}

}  // namespace kc
