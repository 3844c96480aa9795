// The page-filling primitives of the PDF handout (pango text on a cairo PDF surface): a cursor
// that runs top to bottom and starts a new page when a block would not fit, paragraphs, lists
// and headings. A dry Pages measures without drawing, so a block's height is known before it is
// placed and blocks never straddle a page edge.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

namespace kc::render {

inline constexpr double kMargin = 42;  // points (1/72 inch)
inline constexpr double kBody = 9.5;

using Layout = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

struct Style {
  double size = kBody;
  bool bold = false;
  double grey = 0.1;  // text colour
};

class Pages {
 public:
  Pages(cairo_t* cr, double width, double height) : cr_(cr), width_(width), height_(height), y_(kMargin) {}

  // A Pages that measures: same width, endless height, draws nothing.
  Pages dry() const;
  bool drawing() const { return !dry_; }

  cairo_t* cr() const { return cr_; }
  double left() const { return kMargin; }
  double text_width() const { return width_ - 2 * kMargin; }
  double y() const { return y_; }
  double room() const { return height_ - kMargin - y_; }
  double page_room() const { return height_ - 2 * kMargin; }
  bool at_top() const { return y_ <= kMargin; }
  void advance(double dy) { y_ += dy; }
  void move_to(double y) { y_ = y; }

  // Starts a new page unless `needed` points still fit on this one.
  void keep(double needed);
  void new_page();

  // Text laid out `width` wide in style `s` (DejaVu Sans, wrapped at words).
  Layout layout(const std::string& text, const Style& s, double width) const;
  static double height_of(const Layout& l);
  // Draws `l` with its top left at (x, y), unless dry.
  void show(const Layout& l, double x, double y, double grey) const;

 private:
  cairo_t* cr_;
  double width_;
  double height_;
  double y_;
  bool dry_ = false;
};

// A paragraph at the left margin plus `indent`, `width` wide (0: to the right margin), kept whole.
void paragraph(Pages& p, const std::string& text, const Style& s, double indent = 0, double after = 4,
               double width = 0);

// Items with a bullet (or a number) hanging at `indent`, `width` wide (0: to the right margin).
void list(Pages& p, const std::vector<std::string>& items, bool numbered, double indent = 0, double width = 0,
          const Style& s = Style{});

// A bold heading kept on the page with `keep_with_next` points of what follows.
void heading(Pages& p, const std::string& text, double keep_with_next = 40, double indent = 0, double size = 12);

}  // namespace kc::render
