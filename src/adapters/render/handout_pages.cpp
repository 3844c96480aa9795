#include "adapters/render/handout_pages.h"

#include <fmt/format.h>

namespace kc::render {

Pages Pages::dry() const {
  Pages p(cr_, width_, 1e9);
  p.dry_ = true;
  return p;
}

void Pages::keep(double needed) {
  if (needed > room() && !at_top()) new_page();
}

void Pages::new_page() {
  if (!dry_) cairo_show_page(cr_);
  y_ = kMargin;
}

Layout Pages::layout(const std::string& text, const Style& s, double width) const {
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

double Pages::height_of(const Layout& l) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Pages::show(const Layout& l, double x, double y, double grey) const {
  if (dry_) return;
  cairo_set_source_rgb(cr_, grey, grey, grey);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l.get());
}

void paragraph(Pages& p, const std::string& text, const Style& s, double indent, double after, double width) {
  const Layout l = p.layout(text, s, width > 0 ? width : p.text_width() - indent);
  const double h = Pages::height_of(l);
  p.keep(h + after);
  p.show(l, p.left() + indent, p.y(), s.grey);
  p.advance(h + after);
}

void list(Pages& p, const std::vector<std::string>& items, bool numbered, double indent, double width, const Style& s) {
  const double w = width > 0 ? width : p.text_width() - indent;
  const double hang = s.size * 1.7;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string mark = numbered ? fmt::format("{}.", i + 1) : "\u2022";
    const Layout text = p.layout(items[i], s, w - hang);
    const double h = Pages::height_of(text);
    p.keep(h + 2);
    p.show(p.layout(mark, s, hang), p.left() + indent + 2, p.y(), s.grey);
    p.show(text, p.left() + indent + hang, p.y(), s.grey);
    p.advance(h + 2.5);
  }
}

void heading(Pages& p, const std::string& text, double keep_with_next, double indent, double size) {
  const Style s{size, true, 0.12};
  const Layout l = p.layout(text, s, p.text_width() - indent);
  const double h = Pages::height_of(l);
  p.keep(h + keep_with_next);
  p.advance(size * 0.5);
  p.show(l, p.left() + indent, p.y(), s.grey);
  p.advance(h + 4);
}

}  // namespace kc::render
