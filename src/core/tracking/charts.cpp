#include "core/tracking/charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/common/pain.h"
#include "core/common/text.h"
#include "core/plan/program_calendar.h"
#include "core/tracking/plan_record.h"
#include "core/tracking/review.h"

namespace kc::tracking {
namespace {

constexpr const char* kFont = "DejaVu Sans, Verdana, Arial, sans-serif";
constexpr const char* kSafe = "#dcefd6";
constexpr const char* kAcceptable = "#fbe9bd";
constexpr const char* kTooMuch = "#f6cdc7";
constexpr const char* kDuring = "#b2182b";
constexpr const char* kMorning = "#2166ac";
constexpr const char* kNow = "#4d4d4d";

std::string header(int width, int height, const std::string& title, const std::string& subtitle) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"{2}\">\n"
      "<title>{3}</title>\n"
      "<rect x=\"0\" y=\"0\" width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n"
      "<text x=\"20\" y=\"30\" font-size=\"20\" font-weight=\"bold\" fill=\"#222222\">{3}</text>\n"
      "<text x=\"20\" y=\"52\" font-size=\"13\" fill=\"#555555\">{4}</text>\n",
      width, height, kFont, xml_escape(title), xml_escape(subtitle));
}

std::string text(double x, double y, const std::string& s, int size = 12, const char* anchor = "start",
                 const char* fill = "#333333") {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" text-anchor=\"{}\" fill=\"{}\">{}</text>\n", x,
                     y, size, anchor, fill, xml_escape(s));
}

std::string short_date(CivilDate d) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day ymd{d};
  return fmt::format("{} {}", static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1]);
}

// One pain series: a polyline with markers.
struct Series {
  const char* measure;
  const char* label;
  const char* colour;
  const char* marker;  // "circle", "diamond", "square"
};

std::string marker(const char* shape, double x, double y, const char* colour) {
  if (std::string_view(shape) == "diamond") {
    return fmt::format("<path d=\"M {:.1f} {:.1f} l 6 6 l -6 6 l -6 -6 z\" fill=\"{}\"/>\n", x, y - 6, colour);
  }
  if (std::string_view(shape) == "square") {
    return fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"9\" height=\"9\" fill=\"{}\"/>\n", x - 4.5, y - 4.5,
                       colour);
  }
  return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"5\" fill=\"{}\"/>\n", x, y, colour);
}

}  // namespace

std::string band_label(const PainBandRange& b) {
  if (b.highest >= 10) return fmt::format("over {}: {}", b.lowest - 1, b.meaning);
  return fmt::format("{}-{}: {}", b.lowest, b.highest, b.meaning);
}

std::string pain_chart_svg(const History& h, CivilDate today, const std::string& title) {
  constexpr int kW = 900, kH = 480;
  constexpr double kLeft = 70, kRight = 190, kTop = 80, kBottom = 70;
  const double pw = kW - kLeft - kRight, ph = kH - kTop - kBottom;
  const ProgramCalendar calendar{h.plan.start, h.plan.weeks};
  const CivilDate first = calendar.start;
  CivilDate last = calendar.end();
  for (const auto& m : h.measurements) last = std::max(last, m.date);
  const double days = std::max(1.0, static_cast<double>((last - first).count()));
  auto xpos = [&](CivilDate d) { return kLeft + pw * static_cast<double>((d - first).count()) / days; };
  auto ypos = [&](double v) { return kTop + ph * (1.0 - v / 10.0); };

  std::string svg = header(
      kW, kH, title,
      fmt::format("Knee pain, 0 (none) to 10 (worst imaginable), {} to {}", describe_date(first), describe_date(last)));
  // Zones of the pain-monitoring model (core/common/pain.h), each from the band below's top.
  const char* const fills[] = {kSafe, kAcceptable, kTooMuch};
  const char* const inks[] = {"#2d6a1f", "#7a5a00", "#8a1c1c"};
  int below = 0;
  for (const PainBandRange& b : pain_band_ranges()) {
    const auto i = static_cast<std::size_t>(b.band);
    svg += fmt::format(
        "<rect class=\"pain-band\" data-band=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
        "height=\"{:.1f}\" fill=\"{}\"/>\n",
        b.name, kLeft, ypos(b.highest), pw, ypos(below) - ypos(b.highest), fills[i]);
    svg += text(kLeft + pw - 6, ypos(b.highest) + 16, band_label(b), 12, "end", inks[i]);
    below = b.highest;
  }
  // Axes and grid.
  for (int v = 0; v <= 10; ++v) {
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ffffff\" "
        "stroke-width=\"{}\"/>\n",
        kLeft, ypos(v), kLeft + pw, ypos(v), v % 5 == 0 ? 1.5 : 0.6);
    svg += text(kLeft - 10, ypos(v) + 4, std::to_string(v), 12, "end");
  }
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333333\"/>\n", kLeft,
                     kTop, kTop + ph);
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#333333\"/>\n", kLeft,
                     kTop + ph, kLeft + pw);
  svg += fmt::format(
      "<text x=\"20\" y=\"{:.1f}\" font-size=\"13\" fill=\"#333333\" transform=\"rotate(-90 20 {:.1f})\" "
      "text-anchor=\"middle\">pain (0-10)</text>\n",
      kTop + ph / 2, kTop + ph / 2);
  for (int week = 1; week <= calendar.weeks; ++week) {  // the program's weeks only
    const CivilDate d = calendar.first_day(week);
    svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333333\"/>\n",
                       xpos(d), kTop + ph, kTop + ph + 5);
    svg += text(xpos(d), kTop + ph + 20, fmt::format("week {}", week), 12, "middle");
    svg += text(xpos(d), kTop + ph + 36, short_date(d), 11, "middle", "#666666");
  }
  // Review and today markers.
  for (const auto& r : h.plan.reviews) {
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#6a3d9a\" "
        "stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n",
        xpos(r), kTop, kTop + ph);
    svg += text(xpos(r) - 4, kTop - 6, "week-6 review", 11, "end", "#6a3d9a");
  }
  if (today >= first && today <= last) {
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#999999\" "
        "stroke-dasharray=\"2 3\"/>\n",
        xpos(today), kTop, kTop + ph);
    svg += text(xpos(today) - 4, kTop + ph - 6, "today", 11, "end", "#777777");
  }
  // Baseline.
  svg += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#000000\" "
      "stroke-dasharray=\"1 3\"/>\n",
      kLeft, ypos(start_pain(h.plan)), kLeft + pw, ypos(start_pain(h.plan)));

  const Series series[] = {{store::kPainDuring, "during a session", kDuring, "diamond"},
                           {store::kPainNextMorning, "next morning", kMorning, "circle"},
                           {store::kPainNow, "pain now (rated)", kNow, "square"}};
  for (const auto& s : series) {
    std::string points;
    std::string markers;
    for (const auto& m : h.measurements) {
      if (m.measure != s.measure || m.date < first) continue;
      const double x = xpos(m.date), y = ypos(m.value);
      points += fmt::format("{:.1f},{:.1f} ", x, y);
      markers += marker(s.marker, x, y, s.colour);
    }
    if (!points.empty()) {
      points.pop_back();
      svg +=
          fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n", points, s.colour);
      svg += markers;
    }
  }
  // Legend.
  double ly = kTop + 10;
  const double lx = kLeft + pw + 20;
  svg += text(lx, ly, "Pain rated", 13, "start", "#222222");
  for (const auto& s : series) {
    ly += 24;
    svg += marker(s.marker, lx + 6, ly - 4, s.colour);
    svg += text(lx + 18, ly, s.label);
  }
  ly += 24;
  svg += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#000000\" "
      "stroke-dasharray=\"1 3\"/>\n",
      lx, ly - 4, lx + 12, ly - 4);
  svg += text(lx + 18, ly, fmt::format("at the start: {}/10", start_pain(h.plan)));
  ly += 34;
  svg += text(lx, ly, "Zones (Thomeé 1997):", 11, "start", "#555555");
  svg += text(lx, ly + 16, fmt::format("exercise may hurt up to {},", kModeratePainMax), 11, "start", "#555555");
  svg += text(lx, ly + 32, "settled by next morning.", 11, "start", "#555555");
  svg += "</svg>\n";
  return svg;
}

std::string adherence_calendar_svg(const History& h, CivilDate today, const std::string& title) {
  constexpr int kCell = 78, kLeft = 110, kTop = 110;
  // One row per program week (core/plan/program_calendar.h): a row starts on the start's weekday.
  const ProgramCalendar calendar{h.plan.start, h.plan.weeks};
  const int rows = calendar.weeks;
  const int width = kLeft + 7 * kCell + 270;
  const int height = kTop + rows * kCell + 40;
  const Adherence a = adherence(h, today);

  std::map<CivilDate, std::string> planned;  // date -> session id
  for (const auto& d : h.plan.calendar) planned[d.date] = d.session;
  std::map<CivilDate, int> state;  // 2 finished, 1 partly
  for (const auto& s : h.sessions) {
    if (s.plan != h.plan.id) continue;
    int v = 0;
    if (s.status == store::SessionStatus::kFinished) {
      v = 2;
    } else if (s.status == store::SessionStatus::kQuit || s.status == store::SessionStatus::kInProgress) {
      const bool any = std::any_of(h.logs.begin(), h.logs.end(), [&](const store::ExerciseLog& l) {
        return l.session == s.id && l.outcome != store::ExerciseOutcome::kSkipped;
      });
      v = any ? 1 : 0;
    }
    state[s.date] = std::max(state[s.date], v);
  }

  std::string svg = header(width, height, title,
                           fmt::format("Sessions done: {} of {} planned so far ({}%), {} partly done", a.done,
                                       a.planned, a.percent, a.partly));
  for (int c = 0; c < 7; ++c) {
    const std::string day{weekday_short(weekday_of(calendar.start + date::days{c}))};
    svg += text(kLeft + c * kCell + kCell / 2.0, kTop - 12, day, 13, "middle");
  }
  for (int r = 0; r < rows; ++r) {
    const int week = r + 1;
    svg += text(kLeft - 12, kTop + r * kCell + kCell / 2.0 + 5, fmt::format("week {}", week), 13, "end");
    for (int c = 0; c < 7; ++c) {
      const CivilDate d = calendar.first_day(week) + date::days{c};
      const double x = kLeft + c * kCell, y = kTop + r * kCell;
      const auto p = planned.find(d);
      const int st = state.count(d) != 0 ? state.at(d) : 0;
      std::string fill = "#ffffff";
      std::string mark;
      if (st == 2) {
        fill = "#5aae61";
        mark = "done";
      } else if (st == 1) {
        fill = "#fdb863";
        mark = "partly";
      } else if (p != planned.end() && d < today) {
        fill = "#f4a6a6";
        mark = "missed";
      } else if (p != planned.end()) {
        fill = "#deebf7";
        mark = d == today ? "today" : "to do";
      }
      svg +=
          fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#bbbbbb\"/>\n",
                      x + 2, y + 2, kCell - 4, kCell - 4, fill);
      if (d == today) {
        svg += fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#222222\" "
            "stroke-width=\"2.5\"/>\n",
            x + 3, y + 3, kCell - 6, kCell - 6);
      }
      svg += text(x + 8, y + 18, short_date(d), 11, "start", "#333333");
      if (p != planned.end()) svg += text(x + kCell - 8, y + 18, p->second, 11, "end", "#333333");
      if (!mark.empty()) svg += text(x + kCell / 2.0, y + kCell - 14, mark, 11, "middle", "#222222");
    }
  }
  // Legend.
  const double lx = kLeft + 7 * kCell + 30;
  double ly = kTop;
  const std::pair<const char*, const char*> legend[] = {{"#5aae61", "session done"},
                                                        {"#fdb863", "partly done (stopped early)"},
                                                        {"#f4a6a6", "planned, missed"},
                                                        {"#deebf7", "planned, still to come"},
                                                        {"#ffffff", "rest day"}};
  for (const auto& [colour, label] : legend) {
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"16\" height=\"16\" fill=\"{}\" stroke=\"#bbbbbb\"/>\n",
                       lx, ly, colour);
    svg += text(lx + 24, ly + 13, label);
    ly += 26;
  }
  svg += text(lx, ly + 10, "A = strength + stretching", 11, "start", "#555555");
  svg += text(lx, ly + 26, "B = stretching + mobility", 11, "start", "#555555");
  svg += "</svg>\n";
  return svg;
}

std::string chair_stand_chart_svg(const History& h, std::optional<int> threshold, const std::string& title) {
  std::vector<const store::Measurement*> results;
  for (const auto& m : h.measurements) {
    if (m.measure == store::kChairStand) results.push_back(&m);
  }
  constexpr int kW = 760, kH = 420;
  constexpr double kLeft = 70, kRight = 40, kTop = 90, kBottom = 60;
  const double pw = kW - kLeft - kRight, ph = kH - kTop - kBottom;
  double top = 20;
  for (const auto* m : results) top = std::max(top, m->value + 2);
  if (threshold) top = std::max(top, *threshold + 2.0);
  auto ypos = [&](double v) { return kTop + ph * (1.0 - v / top); };

  // The norms are named only where their line is drawn (a threshold for this person's age and sex).
  const std::string subtitle =
      threshold ? "Full stands from a chair in 30 s, arms crossed; higher is better. Norm line: CDC STEADI"
                : "Full stands from a chair in 30 s, arms crossed; higher is better. Compared with your first result";
  std::string svg = header(kW, kH, title, subtitle);
  for (int v = 0; v <= static_cast<int>(top); v += 5) {
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#e0e0e0\"/>\n", kLeft,
                       ypos(v), kLeft + pw, ypos(v));
    svg += text(kLeft - 10, ypos(v) + 4, std::to_string(v), 12, "end");
  }
  svg += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"#333333\"/>\n", kLeft,
                     kTop + ph, kLeft + pw);
  svg += fmt::format(
      "<text x=\"20\" y=\"{:.1f}\" font-size=\"13\" fill=\"#333333\" transform=\"rotate(-90 20 {:.1f})\" "
      "text-anchor=\"middle\">stands in 30 s</text>\n",
      kTop + ph / 2, kTop + ph / 2);
  if (results.empty()) {
    svg += text(kLeft + pw / 2, kTop + ph / 2, "No chair-stand results yet: kneecoach measure chair-stand", 14,
                "middle", "#777777");
  }
  const double slot = results.empty() ? pw : pw / static_cast<double>(results.size());
  const double bar = std::min(70.0, slot * 0.6);
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& m = *results[i];
    const double cx = kLeft + slot * (static_cast<double>(i) + 0.5);
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"#4393c3\"/>\n",
                       cx - bar / 2, ypos(m.value), bar, ypos(0) - ypos(m.value));
    svg += text(cx, ypos(m.value) - 6, fmt::format("{:.0f}", m.value), 14, "middle", "#222222");
    svg += text(cx, kTop + ph + 20, short_date(m.date), 12, "middle");
    svg += text(cx, kTop + ph + 36, i == 0 ? "first" : "", 11, "middle", "#666666");
  }
  if (threshold) {
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#d6604d\" "
        "stroke-width=\"2\" stroke-dasharray=\"8 5\"/>\n",
        kLeft, ypos(*threshold), kLeft + pw, ypos(*threshold));
    svg += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"68\" x2=\"{:.1f}\" y2=\"68\" stroke=\"#d6604d\" stroke-width=\"2\" "
        "stroke-dasharray=\"8 5\"/>\n",
        kLeft + pw - 330, kLeft + pw - 300);
    svg += text(kLeft + pw - 294, 72, fmt::format("fewer than {}: below average for age and sex", *threshold), 12,
                "start", "#b2182b");
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace kc::tracking
