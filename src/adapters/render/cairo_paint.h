// Painting figure drawings with cairo: onto any cairo context, or into a PNG file.
#pragma once

#include <cairo.h>

#include <string>
#include <vector>

#include "adapters/render/viewport.h"
#include "core/common/result.h"
#include "core/figure/drawing.h"

namespace kc::render {

// Paints every shape of `d` through `v`, clipped to the viewport's region.
void paint(cairo_t* cr, const figure::Drawing& d, const Viewport& v);

// Paints drawings side by side in equal panels filling (left, top, width, height), each
// with its label centred underneath (pango, DejaVu Sans). Drawings should share bounds.
void paint_panels(cairo_t* cr, const std::vector<figure::Drawing>& drawings, const std::vector<std::string>& labels,
                  double left, double top, double width, double height);

// Writes `d` as a `width` x `height` PNG on a white background.
Status write_png(const figure::Drawing& d, const std::string& path, int width, int height);

// Writes labelled panels (see paint_panels) as a `width` x `height` PNG.
Status write_panels_png(const std::vector<figure::Drawing>& drawings, const std::vector<std::string>& labels,
                        const std::string& path, int width, int height);

}  // namespace kc::render
