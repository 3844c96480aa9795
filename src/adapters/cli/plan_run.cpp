#include "adapters/cli/plan_run.h"

#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <ostream>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/intake_io.h"
#include "adapters/cli/plan_view.h"
#include "core/plan/plan_json.h"
#include "usecases/set_up.h"

namespace kc::cli {
namespace {

std::optional<CivilDate> start_date(const PlanRequest& request, Context& ctx) {
  if (request.start.empty()) return today_local();
  auto parsed = parse_iso_date(request.start);
  if (!parsed) {
    ctx.err << fmt::format("kneecoach: --start: \"{}\" is not a date; expected YYYY-MM-DD, e.g. 2025-03-03\n",
                           request.start);
    ctx.exit_code = kExitBadInput;
  }
  return parsed;
}

void report_shortfall(const usecases::ProgramOutcome& outcome, bool json, Context& ctx) {
  const PlanOutcome shortfall{std::nullopt, outcome.missing, outcome.enough_alone};
  if (json) {
    ctx.out << shortfall_to_json(shortfall).dump(2) << "\n";
  } else {
    print_shortfall(shortfall, ctx.out);
  }
  ctx.exit_code = kExitTooLittle;
}

}  // namespace

CivilDate today_local() {
  const auto now = std::chrono::system_clock::now();
  try {
    const date::zoned_time local{date::current_zone(), now};
    return CivilDate{date::floor<date::days>(local.get_local_time()).time_since_epoch()};
  } catch (const std::exception&) {
    return date::floor<date::days>(now);
  }
}

std::optional<PlannedRun> run_planner(const PlanRequest& request, std::optional<Catalog>& catalog, Context& ctx) {
  const auto start = start_date(request, ctx);
  if (!start) return std::nullopt;
  auto screened = read_and_triage(request.answers_path, ctx);
  if (!screened) return std::nullopt;
  if (!may_start_program(screened->triage.level)) {
    report_referral(screened->triage, request.json, ctx);
    return std::nullopt;
  }
  catalog = load_catalog_or_report(ctx);
  if (!catalog) return std::nullopt;
  auto outcome = usecases::plan_program(screened->answers, screened->triage, *catalog, *start, request.weeks);
  if (!outcome.ok()) {
    ctx.err << "kneecoach: " << outcome.error().message << "\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  if (outcome->status == usecases::SetupStatus::kTooLittle) {
    report_shortfall(*outcome, request.json, ctx);
    return std::nullopt;
  }
  return PlannedRun{std::move(screened->answers), *std::move(outcome).value().plan};
}

}  // namespace kc::cli
