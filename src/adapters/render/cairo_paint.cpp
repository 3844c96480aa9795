#include "adapters/render/cairo_paint.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

namespace kc::render {

namespace {

void set_rgb(cairo_t* cr, figure::Rgb c) { cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0); }

void trace(cairo_t* cr, const std::vector<figure::Point2>& pts, const Viewport& v) {
  bool first = true;
  for (const figure::Point2& p : pts) {
    const figure::Point2 q = v.map(p);
    if (first)
      cairo_move_to(cr, q.x, q.y);
    else
      cairo_line_to(cr, q.x, q.y);
    first = false;
  }
  cairo_close_path(cr);
}

// One line of text centred on (x, y_top), DejaVu Sans at `size` points, dark grey.
void centred_label(cairo_t* cr, const std::string& text, double x, double y_top, double size) {
  std::unique_ptr<PangoLayout, decltype(&g_object_unref)> layout(pango_cairo_create_layout(cr), g_object_unref);
  std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)> font(
      pango_font_description_from_string("DejaVu Sans"), pango_font_description_free);
  pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font.get());
  pango_layout_set_text(layout.get(), text.c_str(), -1);
  int w = 0;
  int h = 0;
  pango_layout_get_pixel_size(layout.get(), &w, &h);
  cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
  cairo_move_to(cr, x - w / 2.0, y_top);
  pango_cairo_show_layout(cr, layout.get());
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

Status save_png(cairo_surface_t* surface, const std::string& path) {
  cairo_surface_flush(surface);
  if (cairo_surface_write_to_png(surface, path.c_str()) != CAIRO_STATUS_SUCCESS)
    return make_error("cannot write " + path);
  return Ok{};
}

}  // namespace

void paint(cairo_t* cr, const figure::Drawing& d, const Viewport& v) {
  cairo_save(cr);
  cairo_rectangle(cr, v.left, v.top, v.width, v.height);
  cairo_clip(cr);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (const figure::Shape& s : d.shapes) {
    if (s.points.size() < 3) continue;
    trace(cr, s.points, v);
    set_rgb(cr, s.fill);
    if (s.stroke_width > 0) {
      cairo_fill_preserve(cr);
      set_rgb(cr, s.stroke);
      cairo_set_line_width(cr, s.stroke_width * v.scale);
      cairo_stroke(cr);
    } else {
      cairo_fill(cr);
    }
  }
  cairo_restore(cr);
}

void paint_panels(cairo_t* cr, const std::vector<figure::Drawing>& drawings, const std::vector<std::string>& labels,
                  double left, double top, double width, double height) {
  if (drawings.empty()) return;
  const double label_size = std::clamp(height * 0.05, 9.0, 14.0);
  const double panel_w = width / static_cast<double>(drawings.size());
  const double figure_h = height - label_size * 1.8;
  for (std::size_t i = 0; i < drawings.size(); ++i) {
    const double x = left + panel_w * static_cast<double>(i);
    paint(cr, drawings[i], fit(drawings[i].min, drawings[i].max, x, top, panel_w, figure_h, 0.04));
    if (i < labels.size()) centred_label(cr, labels[i], x + panel_w / 2, top + figure_h + label_size * 0.3, label_size);
  }
}

Status write_png(const figure::Drawing& d, const std::string& path, int width, int height) {
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), cairo_surface_destroy);
  Context cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  paint(cr.get(), d, fit(d.min, d.max, 0, 0, width, height));
  return save_png(surface.get(), path);
}

Status write_panels_png(const std::vector<figure::Drawing>& drawings, const std::vector<std::string>& labels,
                        const std::string& path, int width, int height) {
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height), cairo_surface_destroy);
  Context cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  paint_panels(cr.get(), drawings, labels, 0, 0, width, height);
  return save_png(surface.get(), path);
}

}  // namespace kc::render
