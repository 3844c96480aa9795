#include "adapters/cli/session_source.h"

#include <fmt/format.h>

#include "adapters/cli/plan_run.h"
#include "adapters/cli/tracking_support.h"

namespace kc::cli {

std::optional<usecases::SessionDay> stored_day(Context& ctx, Program& program, CivilDate date, const Catalog& catalog) {
  auto day = usecases::stored_session(*program.store, program.plan, catalog, date);
  if (!day) {
    if (day.error().code == errc::kContent) {
      ctx.err << "kneecoach: " << day.error().message << " (content in " << ctx.content_dir << ")\n";
      ctx.exit_code = kExitBadInput;
      return std::nullopt;
    }
    report_store_error(ctx, day.error());
    return std::nullopt;
  }
  return std::move(day).value();
}

std::optional<usecases::SessionDay> planned_day(Context& ctx, const std::string& answers_path, CivilDate date,
                                                std::optional<Catalog>& catalog) {
  PlanRequest request;
  request.answers_path = answers_path;
  request.start = to_iso(date);
  auto run = run_planner(request, catalog, ctx);
  if (!run) return std::nullopt;
  return usecases::SessionDay{date, usecases::planned_session(run->plan, date), std::nullopt, false};
}

void print_no_session(Context& ctx, const usecases::SessionDay& day, bool from_answers) {
  if (from_answers) {
    ctx.out << fmt::format("No session is planned for {} in a program starting that day.\n", describe_date(day.date));
    return;
  }
  ctx.out << fmt::format("No session is planned for {}.\n", describe_date(day.date));
  if (day.next) {
    ctx.out << fmt::format("Next session: {}, session {}.\n", describe_date(day.next->date), day.next->session);
  } else if (day.after_end) {
    ctx.out << "Your program has ended: `kneecoach progress` shows how it went.\n";
  }
}

}  // namespace kc::cli
