// The size of one step up of the progression rule: tracking/progression.h applies it, and the
// plan's explanation (explain.cpp) states it from these same numbers.
#pragma once

namespace kc {

inline constexpr int kRepStep = 2;          // reps (or holds) added per step up
inline constexpr int kHoldStep = 5;         // seconds added to a hold per step up
inline constexpr int kStrengthMaxSets = 3;  // GLA:D and ACSM: 2-3 sets; progression adds no set beyond

}  // namespace kc
