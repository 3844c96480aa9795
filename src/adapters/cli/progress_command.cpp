// `kneecoach progress [--svg DIR]` and `kneecoach export csv [-o DIR]`.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "adapters/cli/catalog_access.h"
#include "adapters/cli/tracking_commands.h"
#include "adapters/cli/tracking_support.h"
#include "core/catalog/describe.h"
#include "core/common/text.h"
#include "core/store/codec.h"
#include "core/tracking/camera_log.h"
#include "core/tracking/charts.h"
#include "core/tracking/csv.h"
#include "core/tracking/measure_check.h"
#include "core/tracking/plan_record.h"
#include "core/tracking/review.h"
#include "usecases/progress.h"

namespace kc::cli {
namespace {

constexpr std::size_t kCameraSessionsShown = 10;

std::string one(std::optional<double> v) { return v ? fmt::format("{:.1f}", *v) : std::string("-"); }

std::string name_of(const Catalog& catalog, const std::string& id) {
  const Exercise* e = catalog.find(id);
  return e != nullptr ? e->name : id;
}

void print_change(const tracking::Change& c, const std::string& label, const std::string& unit,
                  const std::string& meaning, std::ostream& out) {
  if (!c.first) {
    out << fmt::format("{}: not measured yet (kneecoach measure {}).\n", label, c.measure);
    return;
  }
  if (!c.change()) {
    out << fmt::format("{}: {:.1f}{} on {} (the baseline; measure again later to see the change).\n", label,
                       c.first->value, unit, to_iso(c.first->date));
    return;
  }
  out << fmt::format("{}: {:.1f}{} on {} -> {:.1f}{} on {}: {:+.1f}{}\n", label, c.first->value, unit,
                     to_iso(c.first->date), c.latest->value, unit, to_iso(c.latest->date), *c.change(), meaning);
}

bool write_file(const std::filesystem::path& path, const std::string& text, Context& ctx) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f || !(f << text) || !f.flush()) {
    ctx.err << fmt::format("kneecoach: cannot write {}; check that the folder is writable\n", path.string());
    ctx.exit_code = kExitFailure;
    return false;
  }
  return true;
}

bool make_dir(const std::string& dir, Context& ctx) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    ctx.err << fmt::format("kneecoach: cannot create the folder {}: {}\n", dir, ec.message());
    ctx.exit_code = kExitFailure;
    return false;
  }
  return true;
}

std::optional<int> chair_threshold(const tracking::History& h) {
  std::optional<int> t;
  for (const auto& m : h.measurements) {
    if (m.measure != store::kChairStand) continue;
    for (const auto& i : m.items) {
      if (i.label == tracking::kBelowAverageUnder) t = static_cast<int>(i.value);
    }
  }
  return t;
}

void print_doses(const usecases::ProgressOutcome& p, const Catalog& catalog, std::ostream& out) {
  out << "\nCurrent doses:\n";
  for (const auto& session : p.sessions) {
    out << fmt::format("  Session {} — {}\n", session.id, session.title);
    for (const auto& d : session.exercises) {
      out << fmt::format("    {} — {}\n", d.name, d.dose_text);
      if (d.changed_on) out << fmt::format("      {}\n", usecases::change_note(d));
    }
  }
  const auto& h = p.history;
  bool any = false;
  for (const auto& c : h.changes) {
    if (c.plan != h.plan.id) continue;
    if (!any) out << "\nDose changes:\n";
    any = true;
    out << fmt::format("  {} {} — {}: {}\n", to_iso(c.date), name_of(catalog, c.exercise_id),
                       store::to_string(c.decision), c.reason);
  }
  if (!any) out << "\nNo dose changes yet.\n";
}

}  // namespace

void run_progress(const TrackingOptions& options, const std::string& svg_dir, Context& ctx) {
  const auto clock = ctx.ports.clock();
  const auto when = when_for(options, *clock, ctx);
  if (!when) return;
  auto program = open_program(ctx, options.store, true);
  if (!program) return;
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  const auto outcome = usecases::progress(*program->store, *clock, usecases::Content{*catalog},
                                          {options.store.person, when->date, true});
  if (!outcome) return report_store_error(ctx, outcome.error());
  const auto& h = outcome->history;
  const auto& a = outcome->adherence;
  const auto& weeks = outcome->pain_weeks;

  ctx.out << fmt::format("Progress for '{}' on {} ({}).\n\n", program->person.name, describe_date(when->date),
                         outcome->week_text);
  ctx.out << (outcome->week_summary.week ? fmt::format("Week {} in brief:\n", *outcome->week_summary.week)
                                         : std::string("The week in brief:\n"));
  for (const auto& line : outcome->week_summary.lines) ctx.out << wrap_hanging("  - ", line, 78);
  ctx.out << "\n";
  ctx.out << fmt::format("Sessions: {} done of {} planned so far ({}%)", a.done, a.planned, a.percent);
  ctx.out << (a.partly > 0 ? fmt::format("; {} partly done.\n", a.partly) : std::string(".\n"));
  ctx.out << fmt::format("\nPain (0-10), weekly means; at the start {}/10, as the plan said:\n",
                         tracking::start_pain(h.plan));
  ctx.out << "  week  during  next morning  now\n";
  for (const auto& w : weeks) {
    ctx.out << fmt::format("  {:>4}  {:>6}  {:>12}  {:>3}\n", w.week, one(w.during), one(w.next_morning), one(w.now));
  }
  ctx.out << "Pain trend: " << outcome->pain_trend << "\n\n";
  print_change(tracking::change_of(h, store::kPsfs), "PSFS (mean of your activities, 0-10)", "",
               " (about 2 points is a meaningful change)", ctx.out);
  print_change(tracking::change_of(h, store::kChairStand), "30-second chair stand", " stands", "", ctx.out);
  const auto grc = tracking::change_of(h, store::kGrc);
  if (grc.latest) {
    ctx.out << fmt::format("Global rating of change: {:+.0f} ({}) on {}\n", grc.latest->value, grc.latest->note,
                           to_iso(grc.latest->date));
  }
  if (const auto camera = tracking::camera_report(h, *catalog, kCameraSessionsShown); !camera.empty()) {
    ctx.out << fmt::format("\nCamera form checks (up to the last {} sessions with the camera):\n",
                           kCameraSessionsShown);
    for (const auto& line : camera) ctx.out << line << "\n";
  }
  print_doses(*outcome, *catalog, ctx.out);
  ctx.out << "\nReview: " << outcome->review.message << "\n";

  if (!svg_dir.empty()) {
    if (!make_dir(svg_dir, ctx)) return;
    const std::string who = program->person.name;
    const std::filesystem::path dir(svg_dir);
    const std::pair<std::string, std::string> charts[] = {
        {"pain.svg", tracking::pain_chart_svg(h, when->date, "Knee pain over time — " + who)},
        {"adherence.svg", tracking::adherence_calendar_svg(h, when->date, "Sessions done — " + who)},
        {"chair-stand.svg", tracking::chair_stand_chart_svg(h, chair_threshold(h), "30-second chair stand — " + who)}};
    ctx.out << "\nCharts:\n";
    for (const auto& [file, svg] : charts) {
      if (!write_file(dir / file, svg, ctx)) return;
      ctx.out << "  " << (dir / file).string() << "\n";
    }
  }
  ctx.exit_code = kExitOk;
}

void run_export_csv(const TrackingOptions& options, const std::string& out_dir, Context& ctx) {
  auto program = open_program(ctx, options.store, true);
  if (!program) return;
  auto history = usecases::load_history(*program->store, program->plan);
  if (!history) return report_store_error(ctx, history.error());
  if (!make_dir(out_dir, ctx)) return;
  for (const auto& [file, text] : tracking::export_csv(*history)) {
    const auto path = std::filesystem::path(out_dir) / file;
    if (!write_file(path, text, ctx)) return;
    ctx.out << path.string() << "\n";
  }
  ctx.exit_code = kExitOk;
}

}  // namespace kc::cli
