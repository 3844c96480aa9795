#include "adapters/cli/session_source.h"

#include <fmt/format.h>

#include <algorithm>

#include "adapters/cli/plan_run.h"
#include "adapters/cli/tracking_support.h"
#include "core/tracking/today.h"

namespace kc::cli {

std::optional<SessionToPlay> stored_session(Context& ctx, Program& program, CivilDate date, const Catalog& catalog) {
  auto history = usecases::load_history(*program.store, program.plan);
  if (!history) {
    report_store_error(ctx, history.error());
    return std::nullopt;
  }
  const auto t = tracking::today(program.plan, history->changes, history->sessions, date);
  if (!t.session || !t.scheduled) {
    ctx.out << fmt::format("No session is planned for {}.\n", describe_date(date));
    if (t.next) {
      ctx.out << fmt::format("Next session: {}, session {}.\n", describe_date(t.next->date), t.next->session);
    } else if (t.after_end) {
      ctx.out << "Your program has ended: `kneecoach progress` shows how it went.\n";
    }
    return std::nullopt;
  }
  SessionToPlay out{t.session->session, t.session->title, date, t.scheduled->week, t.done, {}};
  for (const auto& item : t.session->items) {
    const Exercise* e = catalog.find(item.current.exercise_id);
    if (e == nullptr) {
      ctx.err << fmt::format(
          "kneecoach: your program has the exercise '{}', which the exercise content in {} no "
          "longer has; run `kneecoach init` again to rebuild the program.\n",
          item.current.exercise_id, ctx.content_dir);
      ctx.exit_code = kExitBadInput;
      return std::nullopt;
    }
    out.exercises.push_back(session::make_session_exercise(*e, item.current.dose));
  }
  return out;
}

std::optional<SessionToPlay> planned_session(Context& ctx, const std::string& answers_path, CivilDate date,
                                             std::optional<Catalog>& catalog) {
  PlanRequest request;
  request.answers_path = answers_path;
  request.start = to_iso(date);
  auto run = run_planner(request, catalog, ctx);
  if (!run) return std::nullopt;
  const Plan& plan = run->plan;
  const auto day = std::find_if(plan.calendar.begin(), plan.calendar.end(),
                                [&](const ScheduledSession& s) { return s.date == date; });
  const SessionTemplate* tmpl = day == plan.calendar.end() ? nullptr : plan.session(day->kind);
  if (tmpl == nullptr) {
    ctx.out << fmt::format("No session is planned for {} in a program starting that day.\n", describe_date(date));
    return std::nullopt;
  }
  SessionToPlay out{tmpl->id, tmpl->title, date, day->week, false, {}};
  for (const PlannedExercise& pe : tmpl->exercises) {
    out.exercises.push_back(session::make_session_exercise(*pe.exercise, pe.dose));
  }
  return out;
}

}  // namespace kc::cli
