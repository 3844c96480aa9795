// Finding the session `kneecoach session` plays: the day's session of the person's stored
// program at current doses, or (with --answers, nothing stored) of a plan built in memory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "adapters/cli/app.h"
#include "adapters/cli/store_access.h"
#include "core/catalog/catalog.h"
#include "core/plan/civil_date.h"
#include "core/session/steps.h"

namespace kc::cli {

struct SessionToPlay {
  std::string session_id;  // "A" or "B"
  std::string title;       // e.g. "Strength, then stretching and mobility"
  CivilDate date;
  int week = 1;
  bool done_already = false;                        // a finished session is already logged on `date`
  std::vector<session::SessionExercise> exercises;  // in order; index = ExerciseLog::position
};

// The session scheduled on `date` in `program`, each exercise at its current dose. When none
// is scheduled, prints when the next one is to ctx.out and returns nullopt with ctx.exit_code
// left at kExitOk; on a store or content error, reports it, sets ctx.exit_code and returns
// nullopt.
std::optional<SessionToPlay> stored_session(Context& ctx, Program& program, CivilDate date, const Catalog& catalog);

// The session on `date` of a plan built from the answers at `answers_path` and starting on
// `date` (run_planner's reports and exit codes on failure; nullopt with kExitOk and a note
// when `date` is not an exercise day). `catalog` receives the catalog the plan points into.
std::optional<SessionToPlay> planned_session(Context& ctx, const std::string& answers_path, CivilDate date,
                                             std::optional<Catalog>& catalog);

}  // namespace kc::cli
