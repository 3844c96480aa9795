#include "adapters/cli/plan_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "core/catalog/describe.h"
#include "core/common/text.h"
#include "core/plan/shortfall.h"
#include "core/triage/level.h"

namespace kc::cli {
namespace {

// `text` wrapped with `first` before the first line and spaces of the same width before the rest.
std::string hanging(std::string_view first, std::string_view text, std::size_t width) {
  const std::string indent(first.size(), ' ');
  std::string out = wrap(text, width, indent);
  if (out.size() >= first.size()) out.replace(0, first.size(), first);
  return out;
}

void heading(std::ostream& out, const std::string& title) {
  out << "\n" << title << "\n" << std::string(title.size(), '-') << "\n";
}

std::string minutes_text(int seconds) {
  const int minutes = (seconds + 59) / 60;
  return minutes <= 1 ? "about 1 min" : fmt::format("about {} min", minutes);
}

void print_header(const Plan& plan, std::ostream& out, std::size_t width) {
  const std::string title = "Your knee exercise program";
  out << title << "\n" << std::string(title.size(), '=') << "\n";
  out << wrap(fmt::format("{} weeks, from {} to {}; sessions of up to {} minutes.", plan.weeks,
                          describe_date(plan.start), describe_date(plan.end()), plan.minutes_per_session),
              width);
  out << wrap(fmt::format("Triage: {} ({}).", to_string(plan.level), level_meaning(plan.level)), width);
  if (!plan.cautions.empty()) {
    heading(out, "Cautions from your answers");
    for (const auto& c : plan.cautions) out << hanging("  - ", c, width);
  }
}

void print_week(const Plan& plan, std::ostream& out) {
  heading(out, "Your week");
  for (int i = 0; i < 7; ++i) {
    const auto d = static_cast<Weekday>(i);
    std::string what = "rest";
    if (std::find(plan.days.begin(), plan.days.end(), d) != plan.days.end()) {
      const bool strong =
          std::find(plan.strength_days.begin(), plan.strength_days.end(), d) != plan.strength_days.end();
      const SessionTemplate* s = plan.session(strong ? SessionKind::kStrength : SessionKind::kFlexibility);
      what = fmt::format("{}  {}", s->id, s->title);
    }
    out << fmt::format("  {}  {}\n", weekday_short(d), what);
  }
}

void print_session(const SessionTemplate& s, std::ostream& out, std::size_t width) {
  heading(out, fmt::format("Session {}: {} ({})", s.id, s.title, minutes_text(s.seconds)));
  int n = 0;
  for (const auto& item : s.exercises) {
    const std::string number = fmt::format("  {}. ", ++n);
    out << hanging(number,
                   fmt::format("{} ({}): {}", item.exercise->name, minutes_text(item.seconds),
                               describe_dose(item.dose, item.exercise->phase_words)),
                   width);
    const std::string pad(number.size(), ' ');
    out << hanging(pad + "Why: ", item.reason + ".", width);
    if (!item.start_easier.empty()) out << hanging(pad + "Start easier: ", item.start_easier + ".", width);
  }
  out << wrap(fmt::format("See how to do each one with: kneecoach exercises show ID ({}).",
                          [&] {
                            std::vector<std::string> ids;
                            for (const auto& item : s.exercises) ids.push_back(item.exercise->id);
                            return join(ids);
                          }()),
              width, "  ");
}

void print_calendar(const Plan& plan, std::ostream& out, std::size_t width) {
  heading(out, "Dates");
  for (int week = 1; week <= plan.weeks; ++week) {
    std::vector<std::string> days;
    for (const auto& c : plan.calendar) {
      if (c.week != week) continue;
      days.push_back(fmt::format("{} {}", describe_day(c.date), c.kind == SessionKind::kStrength ? "A" : "B"));
    }
    out << hanging(fmt::format("  Week {:<2}  ", week), join(days), width);
  }
}

void print_list(const std::string& title, const std::vector<std::string>& items, std::ostream& out, std::size_t width) {
  heading(out, title);
  for (const auto& item : items) out << hanging("  - ", item, width);
}

}  // namespace

void print_plan(const Plan& plan, std::ostream& out, std::size_t width) {
  print_header(plan, out, width);
  print_week(plan, out);
  for (const auto& s : plan.sessions) print_session(s, out, width);
  print_calendar(plan, out, width);
  heading(out, "Review points");
  for (const auto& r : plan.reviews) {
    out << fmt::format("  End of week {} ({}):\n", r.week, describe_date(r.date));
    out << wrap(r.what, width, "    ");
  }
  print_list("Why the plan looks like this", plan.decisions, out, width);
  print_list("Safety: stop and get help", plan.safety, out, width);
}

void print_shortfall(const PlanOutcome& outcome, std::ostream& out, std::size_t width) {
  out << wrap(
      "kneecoach: your answers leave too little to build a balanced program, so no plan was made. "
      "What is missing, and how to fix it:",
      width);
  for (const auto& m : outcome.missing) {
    out << hanging("  - ", m.what + ".", width);
    out << hanging("    Fix: ", m.fix + ".", width);
  }
  if (!outcome.enough_alone.empty()) {
    std::vector<std::string> items;
    for (Equipment e : outcome.enough_alone) items.push_back(equipment_phrase(e));
    out << wrap(fmt::format("Adding {} alone would be enough for a balanced program.",
                            items.size() == 1 ? items.front() : "any one of " + join_or(items)),
                width);
  }
  out << wrap("Change your answers (or run 'kneecoach intake' again), then run 'kneecoach plan' again.", width);
}

void print_shortfall(const std::vector<Missing>& missing, std::ostream& out, std::size_t width) {
  PlanOutcome outcome;
  outcome.missing = missing;
  print_shortfall(outcome, out, width);
}

}  // namespace kc::cli
