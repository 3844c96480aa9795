#include "core/tracking/attempts.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace kc::tracking {
namespace {

// How far a sitting got: finished, exercises done in full, exercises done at least partly,
// rated, and minus the pain (so a larger tuple is a better attempt).
std::tuple<int, int, int, int, int> standing(const store::SessionLog& s, const std::vector<store::ExerciseLog>& logs) {
  int done = 0;
  int partly = 0;
  for (const auto& l : logs) {
    if (l.session != s.id) continue;
    if (l.outcome == store::ExerciseOutcome::kDone) ++done;
    if (l.outcome != store::ExerciseOutcome::kSkipped) ++partly;
  }
  const bool finished = s.status == store::SessionStatus::kFinished;
  return {finished ? 1 : 0, done, partly, s.pain_during ? 1 : 0, s.pain_during ? -*s.pain_during : 0};
}

}  // namespace

bool better_attempt(const store::SessionLog& a, const store::SessionLog& b,
                    const std::vector<store::ExerciseLog>& logs) {
  const auto sa = standing(a, logs);
  const auto sb = standing(b, logs);
  if (sa != sb) return sa > sb;
  return std::tie(a.started_at, a.id) > std::tie(b.started_at, b.id);
}

std::vector<store::SessionLog> best_attempts(const std::vector<store::SessionLog>& sessions,
                                             const std::vector<store::ExerciseLog>& logs, store::Id plan) {
  std::map<CivilDate, store::SessionLog> best;
  for (const auto& s : sessions) {
    if (s.plan != plan || s.status == store::SessionStatus::kInProgress) continue;
    auto it = best.find(s.date);
    if (it == best.end()) {
      best.emplace(s.date, s);
    } else if (better_attempt(s, it->second, logs)) {
      it->second = s;
    }
  }
  std::vector<store::SessionLog> out;
  out.reserve(best.size());
  for (auto& [date, s] : best) out.push_back(std::move(s));
  return out;
}

}  // namespace kc::tracking
