// Finding the session `kneecoach session` plays (usecases/session_steps.h): the day's session
// of the person's stored program at current doses, or (with --answers, nothing stored) of a
// plan built in memory.
#pragma once

#include <optional>
#include <string>

#include "adapters/cli/app.h"
#include "adapters/cli/store_access.h"
#include "core/catalog/catalog.h"
#include "core/plan/civil_date.h"
#include "usecases/session_steps.h"

namespace kc::cli {

// What `date` holds in `program` (usecases::stored_session). On a store or content error,
// reports it, sets ctx.exit_code and returns nullopt.
std::optional<usecases::SessionDay> stored_day(Context& ctx, Program& program, CivilDate date, const Catalog& catalog);

// What `date` holds in a plan built from the answers at `answers_path` and starting on `date`
// (run_planner's reports and exit codes on failure). `catalog` receives the catalog the plan
// points into.
std::optional<usecases::SessionDay> planned_day(Context& ctx, const std::string& answers_path, CivilDate date,
                                                std::optional<Catalog>& catalog);

// Prints that nothing is planned on day.date (and when the next session is) to ctx.out.
// Requires !day.session.
void print_no_session(Context& ctx, const usecases::SessionDay& day, bool from_answers);

}  // namespace kc::cli
