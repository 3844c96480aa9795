#include "adapters/render/handout_card.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "adapters/render/cairo_paint.h"
#include "core/figure/frames.h"

namespace kc::render {

using usecases::HandoutCard;

namespace {

constexpr double kTallFigure = 140;  // figure height beside the steps (points)
constexpr double kGap = 14;          // between columns
constexpr double kLabel = 16;        // room for the panel labels under the figures
const Style kCardText{8.5, false, 0.1};

struct Figures {
  std::vector<figure::Drawing> drawings;
  std::vector<std::string> labels;
  double aspect = 1;  // width / height of one drawing
};

Figures figures_of(const figure::ExercisePoses& poses) {
  Figures f;
  auto drawings = card_drawings(poses);
  if (!drawings || drawings->empty()) return f;
  f.drawings = std::move(drawings).value();
  for (std::size_t i = 0; i < f.drawings.size() && i < poses.keyframes.size(); ++i) {
    std::string name = poses.keyframes[i].name;
    if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    f.labels.push_back(name);
  }
  const figure::Drawing& d = f.drawings.front();
  f.aspect = std::max(d.max.x - d.min.x, 0.1) / std::max(d.max.y - d.min.y, 0.1);
  return f;
}

// The width tall figures take beside the text: one panel per keyframe.
double beside_width(const Figures& f) {
  return static_cast<double>(f.drawings.size()) * std::max(kTallFigure * f.aspect * 1.08, 70.0);
}

void draw_figures(Pages& p, const Figures& f, double x, double width, double height) {
  if (p.drawing()) paint_panels(p.cr(), f.drawings, f.labels, x, p.y(), width, height);
}

std::vector<std::string> cautions_of(const HandoutCard& c) {
  std::vector<std::string> items;
  for (const Caution& k : c.exercise->cautions) items.push_back(k.who + ": " + k.advice);
  return items;
}

// Two columns from the cursor: `left` at the margin, `right` beside it; the cursor ends below both.
template <typename Left, typename Right>
void two_columns(Pages& p, Left left, Right right) {
  const double half = (p.text_width() - kGap) / 2;
  const double y0 = p.y();
  left(0.0, half);
  const double left_end = p.y();
  p.move_to(y0);
  right(half + kGap, half);
  p.move_to(std::max(p.y(), left_end));
}

void steps(Pages& p, const HandoutCard& c, double indent, double width) {
  heading(p, "How to do it", 30, indent, 11);
  list(p, c.exercise->steps, true, indent, width, kCardText);
}

void cues(Pages& p, const HandoutCard& c, double indent, double width) {
  heading(p, "Form cues", 30, indent, 11);
  list(p, c.form_cues, false, indent, width, kCardText);
}

void cautions(Pages& p, const HandoutCard& c, double indent, double width) {
  if (c.exercise->cautions.empty()) return;
  heading(p, "Take care", 24, indent, 11);
  list(p, cautions_of(c), false, indent, width, kCardText);
}

void draw_card(Pages& p, const HandoutCard& c, const figure::ExercisePoses& poses) {
  if (p.drawing()) {
    cairo_set_source_rgb(p.cr(), 0.26, 0.51, 0.77);
    cairo_rectangle(p.cr(), p.left(), p.y(), p.text_width(), 2);
    cairo_fill(p.cr());
  }
  p.advance(6);
  paragraph(p, c.exercise->name, Style{14, true, 0.05}, 0, 2);
  for (const std::string& line : dose_lines(c)) paragraph(p, line, Style{10, true, 0.25}, 0, 3);
  const Figures f = figures_of(poses);
  const double top = p.y() + 4;
  p.move_to(top);
  if (!f.drawings.empty() && beside_width(f) <= p.text_width() * 0.5) {
    // Tall figures on the left with the steps beside them; then the cues and cautions.
    const double fw = beside_width(f);
    draw_figures(p, f, p.left(), fw, kTallFigure + kLabel);
    const double figures_end = top + kTallFigure + kLabel + 4;
    steps(p, c, fw + kGap, p.text_width() - fw - kGap);
    p.move_to(std::max(p.y(), figures_end));
    two_columns(
        p, [&](double x, double w) { cues(p, c, x, w); }, [&](double x, double w) { cautions(p, c, x, w); });
  } else {
    // Wide figures across the card; the steps, then the cues and cautions beside them.
    if (!f.drawings.empty()) {
      const double panel = p.text_width() / static_cast<double>(f.drawings.size());
      const double height = std::clamp(panel / f.aspect * 1.05, 90.0, 110.0) + kLabel;
      draw_figures(p, f, p.left(), p.text_width(), height);
      p.advance(height + 4);
    }
    two_columns(
        p, [&](double x, double w) { steps(p, c, x, w); },
        [&](double x, double w) {
          cues(p, c, x, w);
          cautions(p, c, x, w);
        });
  }
  const Style small{8.5, false, 0.3};
  p.advance(2);
  if (!c.start_easier.empty()) paragraph(p, "Start easier: " + c.start_easier, small, 0, 2);
  if (!c.harder.empty()) paragraph(p, "Next step up, when it feels easy: " + c.harder + ".", small, 0, 2);
  if (!c.said.empty()) paragraph(p, c.said, small, 0, 2);
  paragraph(p, "Why: " + c.reason, small, 0, 10);
}

}  // namespace

Result<std::vector<figure::Drawing>> card_drawings(const figure::ExercisePoses& poses) {
  auto keyframes = figure::keyframe_drawings(poses);
  if (!keyframes) return keyframes.error();
  return figure::zoom_to_focus(poses, std::move(keyframes).value());
}

double card_height(const Pages& p, const HandoutCard& c, const figure::ExercisePoses& poses) {
  Pages dry = p.dry();
  const double start = dry.y();
  draw_card(dry, c, poses);
  return dry.y() - start;
}

void place_card(Pages& p, const HandoutCard& c, const figure::ExercisePoses& poses) {
  const double needed = card_height(p, c, poses);
  if (needed <= p.page_room()) p.keep(needed);
  draw_card(p, c, poses);
}

}  // namespace kc::render
