#include "core/intake/answers.h"

#include <algorithm>

namespace kc {

bool Answers::has(Equipment e) const { return std::find(equipment.begin(), equipment.end(), e) != equipment.end(); }
bool Answers::has(PainLocation l) const { return std::find(location.begin(), location.end(), l) != location.end(); }
bool Answers::exercises_on(Weekday d) const { return std::find(days.begin(), days.end(), d) != days.end(); }

}  // namespace kc
