#include "adapters/render/handout_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include "adapters/render/handout_card.h"
#include "adapters/render/handout_pages.h"

namespace kc::render {

std::optional<Paper> parse_paper(std::string_view s) {
  if (s == "a4") return Paper::kA4;
  if (s == "letter") return Paper::kLetter;
  return std::nullopt;
}

using usecases::Handout;
using usecases::HandoutCard;
using usecases::HandoutDay;
using usecases::HandoutSession;

namespace {

void box(cairo_t* cr, double x, double y, double w, double h, double fill) {
  cairo_rectangle(cr, x, y, w, h);
  cairo_set_source_rgb(cr, fill, fill, fill);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
}

void centred(Pages& p, const std::string& text, const Style& s, double x, double y, double width) {
  const Layout l = p.layout(text, s, width);
  pango_layout_set_alignment(l.get(), PANGO_ALIGN_CENTER);
  p.show(l, x, y, s.grey);
}

void week_table(Pages& p, const Handout& h) {
  if (h.week.empty()) return;
  const double cell = p.text_width() / static_cast<double>(h.week.size());
  const double height = 38;
  p.keep(height + 8);
  for (std::size_t i = 0; i < h.week.size(); ++i) {
    const double x = p.left() + cell * static_cast<double>(i);
    const bool rest = h.week[i].second == "rest";
    cairo_rectangle(p.cr(), x + 1, p.y(), cell - 2, height);
    cairo_set_source_rgb(p.cr(), rest ? 0.95 : 0.86, rest ? 0.95 : 0.92, rest ? 0.95 : 0.98);
    cairo_fill_preserve(p.cr());
    cairo_set_source_rgb(p.cr(), 0.6, 0.6, 0.6);
    cairo_set_line_width(p.cr(), 0.6);
    cairo_stroke(p.cr());
    centred(p, h.week[i].first, Style{9, true, 0.2}, x + 3, p.y() + 4, cell - 6);
    centred(p, rest ? "rest" : "Session " + h.week[i].second, Style{9, !rest, 0.1}, x + 3, p.y() + 20, cell - 6);
  }
  p.advance(height + 8);
}

void first_page(Pages& p, const Handout& h) {
  paragraph(p, "Your knee exercise programme", Style{20, true, 0.05}, 0, 6);
  paragraph(p, fmt::format("{}; about {} minutes a session.", h.period, h.minutes), Style{10.5, false, 0.25}, 0, 4);
  paragraph(p, h.as_of, Style{10.5, false, 0.25}, 0, 8);
  heading(p, "Your week");
  week_table(p, h);
  for (const HandoutSession& s : h.sessions) {
    heading(p, fmt::format("Session {}: {} (about {} min)", s.id, s.title, s.minutes));
    list(p, s.lines, true);
  }
  heading(p, "Making an exercise harder");
  paragraph(p, h.harder_rule + " Each card says what the next step is.", Style{});
  heading(p, "Your review");
  paragraph(p, h.review, Style{});
}

// The safety rules, on a page of their own with room to read them.
void safety_page(Pages& p, const Handout& h) {
  p.new_page();
  paragraph(p, "When to stop, and whom to call", Style{18, true, 0.05}, 0, 10);
  list(p, h.safety, false, 0, 0, Style{11.5, false, 0.08});
  if (!h.cautions.empty()) {
    heading(p, "Take care", 40, 0, 14);
    list(p, h.cautions, false, 0, 0, Style{11, false, 0.1});
  }
}

// One row per program week, one tick box per planned session, with room to note the pain.
void session_log(Pages& p, const Handout& h) {
  if (h.log.empty()) return;
  std::map<int, std::vector<const HandoutDay*>> weeks;
  std::size_t most = 1;
  for (const HandoutDay& d : h.log) {
    weeks[d.week].push_back(&d);
    most = std::max(most, weeks[d.week].size());
  }
  p.advance(24);
  p.keep(150);  // the title with the first weeks
  paragraph(p, "Your sessions: tick each one you do", Style{16, true, 0.05}, 0, 4);
  paragraph(p, "Note your pain during the session (0-10) and the next morning.", Style{10, false, 0.3}, 0, 8);
  const double label = 52;
  const double cell = (p.text_width() - label) / static_cast<double>(most);
  const double row = 44;
  for (const auto& [week, days] : weeks) {
    p.keep(row + 4);
    const double y = p.y();
    centred(p, fmt::format("Week {}", week), Style{10, true, 0.2}, p.left(), y + 14, label);
    for (std::size_t i = 0; i < days.size(); ++i) {
      const double x = p.left() + label + cell * static_cast<double>(i);
      if (p.drawing()) box(p.cr(), x + 1, y, cell - 2, row, 0.98);
      p.show(p.layout(fmt::format("\u2610 {}", days[i]->date), Style{10.5, true, 0.1}, cell - 8), x + 5, y + 5, 0.1);
      p.show(p.layout(fmt::format("Session {}", days[i]->session), Style{8.5, false, 0.35}, cell - 8), x + 5, y + 19,
             0.35);
      p.show(p.layout("pain __  morning __", Style{8.5, false, 0.45}, cell - 8), x + 5, y + 30, 0.45);
    }
    p.advance(row + 4);
  }
}

// Where each exercise comes from, in words.
void sources(Pages& p, const Handout& h) {
  heading(p, "Where these exercises come from", 60, 0, 12);
  std::vector<std::string> items;
  for (const HandoutCard& c : h.cards) items.push_back(c.exercise->name + ": " + c.source);
  list(p, items, false, 0, 0, Style{8.5, false, 0.3});
}

}  // namespace

Status write_handout_pdf(const Handout& h, const content::Illustrations& pictures, Paper paper,
                         const std::string& path) {
  std::vector<const figure::ExercisePoses*> poses;
  for (const HandoutCard& c : h.cards) {
    poses.push_back(pictures.find(c.exercise->id));
    if (poses.back() == nullptr)
      return make_error(errc::kContent, "exercise", fmt::format("no poses for exercise '{}'", c.exercise->id));
  }
  const double width = paper == Paper::kA4 ? 595.28 : 612;
  const double height = paper == Paper::kA4 ? 841.89 : 792;
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create(path.c_str(), width, height), cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return make_error("cannot write " + path);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Your knee exercise programme");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "kneecoach");
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  Pages pages(cr.get(), width, height);
  first_page(pages, h);
  safety_page(pages, h);
  session_log(pages, h);
  pages.advance(12);
  for (std::size_t i = 0; i < h.cards.size(); ++i) place_card(pages, h.cards[i], *poses[i]);
  sources(pages, h);
  cairo_show_page(cr.get());
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return make_error("cannot write " + path);
  return Ok{};
}

}  // namespace kc::render
