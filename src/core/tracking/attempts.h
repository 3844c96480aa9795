// Repeats: a person may do a session more than once on one day. Each sitting is kept as its own
// record; for adherence a day counts once, and progression judges the better attempt of the day
// (docs/progression.md, "Repeats"). Pure.
#pragma once

#include <vector>

#include "core/store/records.h"

namespace kc::tracking {

// Whether sitting `a` is a better attempt than sitting `b` of the same day, first rule that
// tells them apart: (1) finished beats quit; (2) more exercises done in full; (3) more
// exercises done at least partly; (4) a pain rating beats none, then the lower pain during;
// (5) the later one. `logs` holds the exercise logs of both (others are ignored).
bool better_attempt(const store::SessionLog& a, const store::SessionLog& b,
                    const std::vector<store::ExerciseLog>& logs);

// Of `sessions` (finished or quit ones of plan `plan`; others are skipped), the better attempt
// of each day, by date.
std::vector<store::SessionLog> best_attempts(const std::vector<store::SessionLog>& sessions,
                                             const std::vector<store::ExerciseLog>& logs, store::Id plan);

}  // namespace kc::tracking
