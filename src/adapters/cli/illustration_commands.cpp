#include "adapters/cli/illustration_commands.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <fstream>

#include "adapters/cli/catalog_access.h"
#include "adapters/render/cairo_paint.h"
#include "adapters/render/exercise_picture.h"
#include "adapters/render/svg.h"
#include "adapters/render/video.h"
#include "core/catalog/exercise_json.h"
#include "core/common/text.h"
#include "core/figure/check.h"
#include "core/figure/frames.h"
#include "core/motion/motion_json.h"

namespace kc::cli {

namespace {

using render::height_for;
using render::kLoopMaxHold;

bool write_text(Context& ctx, const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    ctx.err << fmt::format("kneecoach: cannot write {}\n", path);
    ctx.exit_code = kExitFailure;
    return false;
  }
  return true;
}

void write_svg(Context& ctx, const Exercise& e, const figure::ExercisePoses& poses, const std::string& path) {
  auto svg = render::exercise_svg(e, poses, false);
  if (!svg) {
    ctx.err << "kneecoach: " << svg.error().message << "\n";
    ctx.exit_code = kExitFailure;
    return;
  }
  if (write_text(ctx, path, *svg)) {
    ctx.out << fmt::format("wrote {} ({} s loop)\n", path, figure::rep_timing(e.dose, kLoopMaxHold).total());
  }
}

void write_png(Context& ctx, const figure::ExercisePoses& poses, const std::string& path) {
  auto keyframes = figure::keyframe_drawings(poses);
  auto drawings = keyframes ? figure::zoom_to_focus(poses, std::move(keyframes).value()) : keyframes;
  if (!drawings) {
    ctx.err << "kneecoach: " << drawings.error().message << "\n";
    ctx.exit_code = kExitFailure;
    return;
  }
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < poses.keyframes.size(); ++i)
    labels.push_back(fmt::format("{}. {}", i + 1, poses.keyframes[i].name));
  const int panel = 360;
  const int width = panel * static_cast<int>(drawings->size());
  const int height = height_for(drawings->front(), panel, 220, 560) + 30;
  const Status st = render::write_panels_png(*drawings, labels, path, width, height);
  if (!st) {
    ctx.err << "kneecoach: " << st.error().message << "\n";
    ctx.exit_code = kExitFailure;
    return;
  }
  ctx.out << fmt::format("wrote {}\n", path);
}

}  // namespace

void add_illustration_options(CLI::App& show, IllustrationFiles& files) {
  show.add_option("--svg", files.svg, "Write an animated SVG of one repetition to FILE")->type_name("FILE");
  show.add_option("--png", files.png, "Write a PNG of the start, middle and end positions to FILE")->type_name("FILE");
}

std::optional<content::Illustrations> load_illustrations_or_report(Context& ctx, const Catalog& catalog) {
  auto ill = content::load_illustrations(ctx.content_dir, catalog);
  if (!ill) {
    ctx.err << ill.error().message;
    if (ill.error().message.empty() || ill.error().message.back() != '\n') ctx.err << "\n";
    ctx.err << "kneecoach: the illustration content has problems (listed above); see docs/figure.md\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  return std::move(ill).value();
}

void write_illustrations(Context& ctx, const Catalog& catalog, const std::string& id, const IllustrationFiles& files) {
  const Exercise* e = catalog.find(id);
  if (e == nullptr) return;
  const auto ill = load_illustrations_or_report(ctx, catalog);
  if (!ill) return;
  const figure::ExercisePoses* poses = ill->find(id);
  if (poses == nullptr) return;  // load_illustrations guarantees poses for every exercise
  if (!files.svg.empty()) write_svg(ctx, *e, *poses, files.svg);
  if (!files.png.empty() && ctx.exit_code == kExitOk) write_png(ctx, *poses, files.png);
}

namespace {

struct AnimateArgs {
  std::string id;
  int reps = 1;
  int fps = 30;
  std::string size = "640x480";
  std::string fault;
  std::vector<int> fault_reps;
  std::string output;
  std::string landmarks;  // optional: perfect-model landmarks, JSONL
};

void bad_input(Context& ctx, const std::string& message) {
  ctx.err << "kneecoach: " << message << "\n";
  ctx.exit_code = kExitBadInput;
}

// "640x480" with even sides from 64 to 3840.
std::optional<std::pair<int, int>> parse_size(const std::string& text) {
  const auto x = text.find('x');
  if (x == std::string::npos) return std::nullopt;
  try {
    std::size_t used_w = 0;
    std::size_t used_h = 0;
    const int w = std::stoi(text.substr(0, x), &used_w);
    const int h = std::stoi(text.substr(x + 1), &used_h);
    if (used_w != x || used_h != text.size() - x - 1) return std::nullopt;
    if (w < 64 || h < 64 || w > 3840 || h > 3840 || w % 2 != 0 || h % 2 != 0) return std::nullopt;
    return std::make_pair(w, h);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// The exercise's own use of the cue named by a fault id (or a cue id).
std::optional<figure::Fault> find_fault(Context& ctx, const content::Illustrations& ill,
                                        const figure::ExercisePoses& poses, const std::string& name) {
  std::vector<std::string> known;
  for (const figure::CueUse& use : poses.cues) {
    const figure::Cue* cue = figure::find_cue(ill.cues, use.cue);
    if (cue == nullptr) continue;
    known.push_back(cue->fault);
    if (cue->fault == name || cue->id == name) return figure::Fault{*cue, use};
  }
  std::string message = fmt::format("--fault: exercise '{}' has no form cue with fault '{}'", poses.exercise, name);
  message += known.empty() ? "; it has no checkable form cues" : fmt::format("; expected {}", join_or(known));
  bad_input(ctx, message);
  return std::nullopt;
}

std::string sidecar_path(const std::string& video) {
  const auto dot = video.rfind('.');
  const auto slash = video.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return video + ".json";
  return video.substr(0, dot) + ".json";
}

Json sidecar(const AnimateArgs& args, const std::vector<figure::RepSpan>& spans, const std::string& fault) {
  Json reps = Json::array();
  for (const figure::RepSpan& s : spans) {
    Json faults = Json::array();
    if (s.faulted) faults.push_back(fault);
    reps.push_back(Json{{"start_frame", s.first_frame}, {"end_frame", s.last_frame}, {"faults", faults}});
  }
  return Json{{"exercise", args.id}, {"fps", args.fps}, {"reps", reps}};
}

void run_animate(Context& ctx, const AnimateArgs& args) {
  const auto size = parse_size(args.size);
  if (!size)
    return bad_input(
        ctx, fmt::format("--size: \"{}\" is not a size; expected WxH with even sides from 64 to 3840, e.g. 640x480",
                         args.size));
  for (int r : args.fault_reps)
    if (r < 1 || r > args.reps)
      return bad_input(ctx, fmt::format("--fault-reps: rep {} is not one of the {} reps; expected numbers from 1 to {}",
                                        r, args.reps, args.reps));
  if (!args.fault_reps.empty() && args.fault.empty())
    return bad_input(ctx, "--fault-reps needs --fault CUE: which fault to show");
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return;
  const Exercise* e = catalog->find(args.id);
  if (e == nullptr) return report_unknown_exercise(ctx, *catalog, args.id);
  const auto ill = load_illustrations_or_report(ctx, *catalog);
  if (!ill) return;
  const figure::ExercisePoses* poses = ill->find(args.id);
  render::VideoRequest request{args.reps, args.fps, size->first, size->second, std::nullopt, args.fault_reps};
  if (!args.fault.empty()) {
    request.fault = find_fault(ctx, *ill, *poses, args.fault);
    if (!request.fault) return;
    if (request.fault_reps.empty())
      for (int r = 1; r <= args.reps; ++r) request.fault_reps.push_back(r);
  }
  const figure::RepTiming timing = figure::rep_timing(e->dose, 1e9);
  std::vector<motion::LandmarkFrame> landmarks;
  if (!args.landmarks.empty()) request.landmarks = &landmarks;
  const auto spans = render::write_video(*poses, timing, request, args.output);
  if (!spans) {
    ctx.err << "kneecoach: " << spans.error().message << "\n";
    ctx.exit_code = kExitFailure;
    return;
  }
  const std::string fault_id = request.fault ? request.fault->cue.fault : "";
  const std::string json_path = sidecar_path(args.output);
  if (!write_text(ctx, json_path, sidecar(args, *spans, fault_id).dump(2) + "\n")) return;
  if (!args.landmarks.empty()) {
    std::string lines;
    for (const motion::LandmarkFrame& f : landmarks) lines += motion::frame_json(f).dump() + "\n";
    if (!write_text(ctx, args.landmarks, lines)) return;
  }
  ctx.out << fmt::format("wrote {} ({} frames at {} fps) and {}\n", args.output, spans->back().last_frame + 1, args.fps,
                         json_path);
}

}  // namespace

void add_animate_command(CLI::App& exercises, Context& ctx) {
  auto args = std::make_shared<AnimateArgs>();
  auto* cmd = exercises.add_subcommand(
      "animate",
      "Write a video (Y4M) of the figure doing N reps at the exercise's tempo, with a form fault on chosen reps, "
      "and a JSON sidecar (same name, .json) saying which frames hold which rep and fault");
  cmd->add_option("ID", args->id, "Exercise id, e.g. lunge")->required();
  cmd->add_option("--reps", args->reps, "How many reps (1-100)")->required()->check(CLI::Range(1, 100));
  cmd->add_option("--fps", args->fps, "Frames a second (1-120, default 30)")->check(CLI::Range(1, 120));
  cmd->add_option("--size", args->size, "Frame size WxH, even sides (default 640x480)");
  cmd->add_option("--fault", args->fault, "Show this form fault (a fault id such as knee-past-toes, or its cue id)");
  cmd->add_option("--fault-reps", args->fault_reps, "Which reps show the fault, e.g. 2,4 (default: all)")
      ->delimiter(',');
  cmd->add_option("-o,--output", args->output, "The video file to write (.y4m)")->required();
  cmd->add_option("--landmarks", args->landmarks,
                  "Also write the pose landmarks of every frame, as a perfect pose model would see them (JSONL)");
  cmd->callback([&ctx, args] { run_animate(ctx, *args); });
}

}  // namespace kc::cli
