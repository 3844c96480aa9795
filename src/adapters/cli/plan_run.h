// The path every planning command takes: read and triage the answers, load the catalog, build
// the plan, and report whatever stops it (a referral, bad answers or content, too little).
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "adapters/cli/app.h"
#include "core/catalog/catalog.h"
#include "core/intake/answers.h"
#include "core/plan/plan.h"

namespace kc::cli {

struct PlanRequest {
  std::string answers_path;  // "-" reads ctx.in
  std::string start;         // "YYYY-MM-DD"; empty means today (local date)
  int weeks = kDefaultWeeks;
  bool json = false;  // report a referral or shortfall as JSON on ctx.out
};

struct PlannedRun {
  Answers answers;
  Plan plan;  // points into the catalog passed to run_planner
};

// Runs the pipeline. On success returns the plan and leaves ctx.exit_code alone. Otherwise
// reports to ctx and returns nullopt: bad answers, start date or content -> kExitBadInput (on
// ctx.err); a triage level that needs a clinician -> the referral on ctx.out, kExitSeeClinician;
// too little to build -> what is missing on ctx.out, kExitTooLittle. Triage comes before the
// catalog is read, so a referral never depends on the exercise content.
std::optional<PlannedRun> run_planner(const PlanRequest& request, std::optional<Catalog>& catalog, Context& ctx);

// Today's date in the system time zone (UTC when it cannot be found). The only clock read.
CivilDate today_local();

}  // namespace kc::cli
