#include "adapters/render/handout_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "adapters/render/cairo_paint.h"
#include "core/figure/frames.h"

namespace kc::render {

std::optional<Paper> parse_paper(std::string_view s) {
  if (s == "a4") return Paper::kA4;
  if (s == "letter") return Paper::kLetter;
  return std::nullopt;
}

using usecases::Handout;
using usecases::HandoutCard;
using usecases::HandoutSession;

namespace {

// Points (1/72 inch).
constexpr double kMargin = 42;
constexpr double kBody = 9.5;
constexpr double kFigureHeight = 175;

using Layout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

struct Style {
  double size = kBody;
  bool bold = false;
  double grey = 0.1;  // text colour
};

// The page being filled, top to bottom.
class Pages {
 public:
  Pages(cairo_t* cr, double width, double height) : cr_(cr), width_(width), height_(height), y_(kMargin) {}

  cairo_t* cr() const { return cr_; }
  double left() const { return kMargin; }
  double text_width() const { return width_ - 2 * kMargin; }
  double y() const { return y_; }
  double room() const { return height_ - kMargin - y_; }
  double page_room() const { return height_ - 2 * kMargin; }
  void advance(double dy) { y_ += dy; }

  // Starts a new page unless `needed` points still fit on this one.
  void keep(double needed) {
    if (needed > room() && y_ > kMargin) new_page();
  }
  void new_page() {
    cairo_show_page(cr_);
    y_ = kMargin;
  }

  Layout layout(const std::string& text, const Style& s, double width) const {
    Layout l(pango_cairo_create_layout(cr_), g_object_unref);
    std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> font(
        pango_font_description_from_string("DejaVu Sans"), pango_font_description_free);
    pango_font_description_set_absolute_size(font.get(), s.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), s.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(l.get(), font.get());
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(l.get(), text.c_str(), -1);
    return l;
  }

  static double height_of(const Layout& l) {
    int w = 0;
    int h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void show(const Layout& l, double x, double y, double grey) const {
    cairo_set_source_rgb(cr_, grey, grey, grey);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l.get());
  }

 private:
  cairo_t* cr_;
  double width_;
  double height_;
  double y_;
};

// A paragraph at the left margin (indented by `indent`), kept whole on one page.
void paragraph(Pages& p, const std::string& text, const Style& s, double indent = 0, double after = 4) {
  const Layout l = p.layout(text, s, p.text_width() - indent);
  const double h = Pages::height_of(l);
  p.keep(h + after);
  p.show(l, p.left() + indent, p.y(), s.grey);
  p.advance(h + after);
}

// Items with a bullet (or a number) hanging in the margin.
void list(Pages& p, const std::vector<std::string>& items, bool numbered) {
  const Style s;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string mark = numbered ? fmt::format("{}.", i + 1) : "\u2022";
    const Layout text = p.layout(items[i], s, p.text_width() - 16);
    const double h = Pages::height_of(text);
    p.keep(h + 2);
    p.show(p.layout(mark, s, 14), p.left() + 2, p.y(), s.grey);
    p.show(text, p.left() + 16, p.y(), s.grey);
    p.advance(h + 2.5);
  }
}

void heading(Pages& p, const std::string& text, double keep_with_next = 40) {
  const Style s{12, true, 0.12};
  const Layout l = p.layout(text, s, p.text_width());
  const double h = Pages::height_of(l);
  p.keep(h + keep_with_next);
  p.advance(6);
  p.show(l, p.left(), p.y(), s.grey);
  p.advance(h + 4);
}

void week_table(Pages& p, const Handout& h) {
  if (h.week.empty()) return;
  const double cell = p.text_width() / static_cast<double>(h.week.size());
  const double height = 38;
  p.keep(height + 8);
  cairo_t* cr = p.cr();
  for (std::size_t i = 0; i < h.week.size(); ++i) {
    const double x = p.left() + cell * static_cast<double>(i);
    const bool rest = h.week[i].second == "rest";
    cairo_rectangle(cr, x + 1, p.y(), cell - 2, height);
    cairo_set_source_rgb(cr, rest ? 0.95 : 0.86, rest ? 0.95 : 0.92, rest ? 0.95 : 0.98);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.6);
    cairo_stroke(cr);
    const Layout day = p.layout(h.week[i].first, Style{9, true, 0.2}, cell - 6);
    pango_layout_set_alignment(day.get(), PANGO_ALIGN_CENTER);
    p.show(day, x + 3, p.y() + 4, 0.2);
    const std::string label = rest ? "rest" : "Session " + h.week[i].second;
    const Layout what = p.layout(label, Style{9, !rest, 0.1}, cell - 6);
    pango_layout_set_alignment(what.get(), PANGO_ALIGN_CENTER);
    p.show(what, x + 3, p.y() + 20, 0.1);
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
  if (!h.cautions.empty()) {
    heading(p, "Take care");
    list(p, h.cautions, false);
  }
  heading(p, "When to stop, and whom to call");
  list(p, h.safety, false);
  p.advance(6);
  paragraph(p,
            "This programme does not replace a doctor or physiotherapist. The cards that follow show how to do "
            "each exercise.",
            Style{9, false, 0.35});
}

// Height of the figure strip: two panels across the text width, as tall as the scene's shape
// needs (lying figures take less), plus room for the labels.
double figure_height(const figure::Drawing& d, double text_width) {
  const double w = std::max(d.max.x - d.min.x, 0.1);
  const double h = std::max(d.max.y - d.min.y, 0.1);
  return std::clamp(text_width / 2 * h / w * 1.1, 70.0, kFigureHeight) + 16;
}

void figures(Pages& p, const figure::ExercisePoses& poses) {
  auto drawings = figure::keyframe_drawings(poses);
  if (!drawings || drawings->empty()) return;
  const std::vector<figure::Drawing> ends{drawings->front(), drawings->back()};
  const double height = figure_height(ends.front(), p.text_width());
  p.keep(height + 6);
  paint_panels(p.cr(), ends, {"Start", "End"}, p.left(), p.y(), p.text_width(), height);
  p.advance(height + 6);
}

double card_height(Pages& p, const HandoutCard& c, const figure::ExercisePoses& poses) {
  const Style s;
  auto drawings = figure::keyframe_drawings(poses);
  double h = 6 + 22 + 6;                         // rule, title
  for (const std::string& line : dose_lines(c))  // as card() draws them: they may wrap
    h += Pages::height_of(p.layout(line, Style{10, true, 0.25}, p.text_width())) + 4;
  if (drawings && !drawings->empty()) h += figure_height(drawings->front(), p.text_width()) + 6;
  auto lines = [&](const std::vector<std::string>& items, double indent) {
    for (const std::string& t : items) h += Pages::height_of(p.layout(t, s, p.text_width() - indent)) + 2.5;
  };
  lines(c.exercise->steps, 16);
  lines(c.form_cues, 16);
  for (const Caution& k : c.exercise->cautions)
    h += Pages::height_of(p.layout(k.who + ": " + k.advice, s, p.text_width() - 16)) + 2.5;
  h += Pages::height_of(p.layout("Why: " + c.reason, s, p.text_width())) + 14 + 3 * 26;
  return h;
}

void card(Pages& p, const HandoutCard& c, const figure::ExercisePoses& poses) {
  const double needed = card_height(p, c, poses);
  if (needed <= p.page_room()) p.keep(needed);
  cairo_t* cr = p.cr();
  cairo_set_source_rgb(cr, 0.26, 0.51, 0.77);
  cairo_rectangle(cr, p.left(), p.y(), p.text_width(), 2);
  cairo_fill(cr);
  p.advance(6);
  paragraph(p, c.exercise->name, Style{14, true, 0.05}, 0, 2);
  for (const std::string& line : dose_lines(c)) paragraph(p, line, Style{10, true, 0.25}, 0, 4);
  figures(p, poses);
  heading(p, "How to do it", 30);
  list(p, c.exercise->steps, true);
  heading(p, "Form cues", 30);
  list(p, c.form_cues, false);
  if (!c.exercise->cautions.empty()) {
    std::vector<std::string> items;
    for (const Caution& k : c.exercise->cautions) items.push_back(k.who + ": " + k.advice);
    heading(p, "Take care", 30);
    list(p, items, false);
  }
  if (!c.start_easier.empty()) paragraph(p, "Start easier: " + c.start_easier, Style{});
  paragraph(p, "Why: " + c.reason, Style{9, false, 0.35}, 0, 14);
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
  pages.new_page();
  for (std::size_t i = 0; i < h.cards.size(); ++i) card(pages, h.cards[i], *poses[i]);
  cairo_show_page(cr.get());
  cr.reset();
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return make_error("cannot write " + path);
  return Ok{};
}

}  // namespace kc::render
