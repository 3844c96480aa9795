#include "adapters/render/svg.h"

#include <fmt/format.h>

#include <map>

#include "adapters/render/viewport.h"
#include "core/common/text.h"

namespace kc::render {

namespace {

std::string colour(figure::Rgb c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }

std::string points(const std::vector<figure::Point2>& pts, const Viewport& v) {
  std::string out;
  for (const figure::Point2& p : pts) {
    const figure::Point2 q = v.map(p);
    if (!out.empty()) out += ' ';
    out += fmt::format("{:.1f},{:.1f}", q.x, q.y);
  }
  return out;
}

std::string header(int width, int height, const std::string& title) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\">\n"
      "<title>{2}</title>\n<rect width=\"{0}\" height=\"{1}\" fill=\"#ffffff\"/>\n",
      width, height, kc::xml_escape(title));
}

std::string style(const figure::Shape& s, const Viewport& v) {
  if (s.stroke_width <= 0) return fmt::format("fill=\"{}\"", colour(s.fill));
  return fmt::format("fill=\"{}\" stroke=\"{}\" stroke-width=\"{:.2f}\" stroke-linejoin=\"round\"", colour(s.fill),
                     colour(s.stroke), s.stroke_width * v.scale);
}

}  // namespace

std::string svg_still(const figure::Drawing& d, int width, int height, const std::string& title) {
  const Viewport v = fit(d.min, d.max, 0, 0, width, height);
  std::string out = header(width, height, title);
  for (const figure::Shape& s : d.shapes) {
    if (s.points.size() < 3) continue;
    out +=
        fmt::format("<polygon id=\"{}\" {} points=\"{}\"/>\n", kc::xml_escape(s.id), style(s, v), points(s.points, v));
  }
  return out + "</svg>\n";
}

std::string svg_animated(const std::vector<figure::Drawing>& frames, double seconds, int width, int height,
                         const std::string& title) {
  if (frames.empty()) return header(width, height, title) + "</svg>\n";
  const Viewport v = fit(frames.front().min, frames.front().max, 0, 0, width, height);
  std::string out = header(width, height, title);
  for (const figure::Shape& s : frames.front().shapes) {
    std::vector<std::string> values;
    bool moves = false;
    for (const figure::Drawing& f : frames) {
      for (const figure::Shape& t : f.shapes)
        if (t.id == s.id) values.push_back(points(t.points, v));
      moves = moves || (values.size() > 1 && values.back() != values.front());
    }
    if (values.size() != frames.size()) continue;  // not in every frame: cannot be animated
    out += fmt::format("<polygon id=\"{}\" {} points=\"{}\"", kc::xml_escape(s.id), style(s, v), values.front());
    if (!moves) {
      out += "/>\n";
      continue;
    }
    std::string joined;
    for (const std::string& value : values) joined += (joined.empty() ? "" : ";") + value;
    out += fmt::format(
        ">\n  <animate attributeName=\"points\" dur=\"{:.2f}s\" repeatCount=\"indefinite\" values=\"{}\"/>\n"
        "</polygon>\n",
        seconds, joined);
  }
  return out + "</svg>\n";
}

}  // namespace kc::render
