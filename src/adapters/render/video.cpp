#include "adapters/render/video.h"

#include <cairo.h>

#include <memory>

#include "adapters/render/cairo_paint.h"
#include "adapters/render/y4m.h"
#include "core/figure/frames.h"

namespace kc::render {

namespace {

constexpr double kBoundsFps = 5;  // frames sampled to fix the camera for the whole video

// Bounds that hold every frame: a clean rep and, when there is one, a faulted rep.
Result<figure::Drawing> camera_bounds(const figure::ExercisePoses& poses, const figure::RepTiming& timing,
                                      const VideoRequest& request) {
  auto frames = figure::rep_drawings(poses, timing, kBoundsFps, 0);
  if (!frames) return frames.error();
  if (request.fault) {
    auto faulted = figure::rep_drawings(poses, timing, kBoundsFps, 0, request.fault);
    if (!faulted) return faulted.error();
    frames.value().insert(frames.value().end(), faulted->begin(), faulted->end());
  }
  figure::share_bounds(frames.value());
  return frames->front();
}

// The viewport as a pose-model camera.
motion::Camera camera_of(const Viewport& v, const VideoRequest& r) {
  motion::Camera c;
  c.width = r.width;
  c.height = r.height;
  c.pixels_per_metre = v.scale;
  c.centre_x = (r.width / 2.0 - v.offset_x) / v.scale;
  c.centre_y = (v.offset_y - r.height / 2.0) / v.scale;
  return c;
}

}  // namespace

Result<std::vector<figure::RepSpan>> write_video(const figure::ExercisePoses& poses, const figure::RepTiming& timing,
                                                 const VideoRequest& request, const std::string& path) {
  const auto bounds = camera_bounds(poses, timing, request);
  if (!bounds) return bounds.error();
  auto writer = Y4mWriter::open(path, request.width, request.height, request.fps);
  if (!writer) return writer.error();
  const Viewport view = fit(bounds->min, bounds->max, 0, 0, request.width, request.height);
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, request.width, request.height), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  const auto spans = figure::rep_spans(request.reps, timing, request.fps, request.fault_reps);
  std::optional<figure::Fault> previous;
  for (const figure::RepSpan& rep : spans) {
    const std::optional<figure::Fault> fault = rep.faulted ? request.fault : std::nullopt;
    for (int f = rep.first_frame; f <= rep.last_frame; ++f) {
      const double t = static_cast<double>(f - rep.first_frame) / request.fps;
      auto body = figure::body_at(poses, timing, t, fault, previous);
      if (!body) return body.error();
      if (request.landmarks != nullptr)
        request.landmarks->push_back(
            motion::figure_landmarks(*body, camera_of(view, request), f * 1000.0 / request.fps));
      cairo_set_source_rgb(cr.get(), 1, 1, 1);
      cairo_paint(cr.get());
      paint(cr.get(), figure::draw(*body, poses.props, poses.camera()), view);
      cairo_surface_flush(surface.get());
      const Status st = writer.value().write_frame(cairo_image_surface_get_data(surface.get()),
                                                   cairo_image_surface_get_stride(surface.get()));
      if (!st) return st.error();
    }
    previous = fault;
  }
  if (Status st = writer.value().close(); !st) return st.error();
  return spans;
}

}  // namespace kc::render
