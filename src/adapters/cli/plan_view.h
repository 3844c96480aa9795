// Terminal renderings of a plan and of what is missing for one.
#pragma once

#include <ostream>
#include <vector>

#include "core/plan/plan.h"

namespace kc::cli {

// The whole program in plain text, wrapped to `width` columns: dates and time per session, the
// week (Mon..Sun with each day's session), every session's exercises with dose, minutes and
// reason, the dates of every session, the review points, the reasons behind the plan, and the
// safety rules. Deterministic: the same plan prints the same bytes.
void print_plan(const Plan& plan, std::ostream& out, std::size_t width = 80);

// Why no plan was built: each missing thing and how to fix it, and any single item of
// equipment that alone would be enough. Requires !outcome.ok(). Ends with a newline.
void print_shortfall(const PlanOutcome& outcome, std::ostream& out, std::size_t width = 80);
// The same for a bare list of what is missing (no equipment suggestion).
void print_shortfall(const std::vector<Missing>& missing, std::ostream& out, std::size_t width = 80);

}  // namespace kc::cli
