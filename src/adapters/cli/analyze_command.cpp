// `kneecoach analyze LANDMARKS.jsonl --exercise ID`: the camera coach's analyzer on a file of
// recorded landmark frames (docs/camera.md).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "adapters/cli/app.h"
#include "adapters/cli/catalog_access.h"
#include "adapters/cli/illustration_commands.h"
#include "core/common/text.h"
#include "core/motion/motion_json.h"

namespace kc::cli {
namespace {

struct AnalyzeArgs {
  std::string file;
  std::string exercise;
  std::string output = "text";  // text | json | events
  bool show_profile = false;
};

void fail(Context& ctx, int code, const std::string& message) {
  ctx.err << "kneecoach: " << message << "\n";
  ctx.exit_code = code;
}

std::optional<motion::MotionProfile> profile_or_report(Context& ctx, const std::string& id) {
  auto catalog = load_catalog_or_report(ctx);
  if (!catalog) return std::nullopt;
  const Exercise* e = catalog->find(id);
  if (e == nullptr) {
    report_unknown_exercise(ctx, *catalog, id);
    return std::nullopt;
  }
  const auto ill = load_illustrations_or_report(ctx, *catalog);
  if (!ill) return std::nullopt;
  auto profile = motion::derive_profile(*e, *ill->find(id), ill->cues);
  if (!profile) {
    fail(ctx, kExitBadInput, "--exercise: " + profile.error().message);
    return std::nullopt;
  }
  return std::move(profile).value();
}

void print_event(Context& ctx, const motion::Event& e) {
  using K = motion::Event::Kind;
  const std::string at = fmt::format("{:7.2f} s  ", e.t_ms / 1000);
  switch (e.kind) {
    case K::kRep:
      ctx.out << at << fmt::format("rep {}{}\n", e.rep, e.faults.empty() ? ": good form" : ": " + join(e.faults, ", "));
      break;
    case K::kFault:
      ctx.out << at << fmt::format("rep {} fault {}: \"{}\"\n", e.rep, e.fault, e.text);
      break;
    case K::kHoldDone:
      ctx.out << at << fmt::format("rep {} hold done\n", e.rep);
      break;
    case K::kOutOfFrame:
      ctx.out << at << "out of the picture: " << e.text << "\n";
      break;
    case K::kInFrame:
      ctx.out << at << "back in the picture\n";
      break;
    case K::kView:
      ctx.out << at << fmt::format("camera view {}: {}\n", motion::to_string(e.view), e.text);
      break;
    case K::kClose:
      ctx.out << at << fmt::format("rep {} close to {}: \"{}\"\n", e.rep, e.fault, e.text);
      break;
    case K::kHold:
      break;
  }
}

void run_analyze(Context& ctx, const AnalyzeArgs& args) {
  if (args.file.empty() && !args.show_profile)
    return fail(ctx, kExitBadInput,
                "analyze: which landmarks file? expected LANDMARKS.jsonl (or - for standard input)");
  auto profile = profile_or_report(ctx, args.exercise);
  if (!profile) return;
  if (args.show_profile) {
    ctx.out << motion::profile_json(*profile).dump(2) << "\n";
    return;
  }
  std::ifstream file;
  if (args.file != "-") {
    file.open(args.file, std::ios::binary);
    if (!file)
      return fail(ctx, kExitBadInput, fmt::format("cannot read {}; expected a landmarks file (JSONL)", args.file));
  }
  std::istream& in = args.file == "-" ? ctx.in : file;
  motion::Analyzer analyzer(*profile);
  std::string line;
  int number = 0;
  double last_t = -1e300;
  double seconds = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto frame = motion::parse_frame(std::string_view(line));
    if (!frame) return fail(ctx, kExitBadInput, fmt::format("{}:{}: {}", args.file, number, frame.error().message));
    if (frame->t_ms < last_t)
      return fail(ctx, kExitBadInput,
                  fmt::format("{}:{}: \"t\" goes back from {} to {}; expected frames in time order", args.file, number,
                              last_t, frame->t_ms));
    last_t = frame->t_ms;
    const auto started = std::chrono::steady_clock::now();
    const motion::FrameResult r = analyzer.push(*frame);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (args.output == "trace") {
      nlohmann::json j = motion::frame_result_json(r, profile->hold_seconds);
      nlohmann::json values = nlohmann::json::array();
      for (const auto& v : r.cue_values) values.push_back(v ? nlohmann::json(std::round(*v * 1000) / 1000) : nullptr);
      j["cue_values"] = values;
      ctx.out << j.dump() << "\n";
    }
    if (args.output == "events")
      for (const motion::Event& e : r.events) ctx.out << motion::event_json(e).dump() << "\n";
    if (args.output == "text")
      for (const motion::Event& e : r.events) print_event(ctx, e);
  }
  const motion::Summary s = analyzer.summary();
  if (args.output == "json") {
    nlohmann::json j = motion::summary_json(s);
    j["analyzer_us_per_frame"] = s.frames > 0 ? seconds * 1e6 / s.frames : 0.0;
    ctx.out << j.dump(2) << "\n";
  } else if (args.output == "text") {
    int faulted = 0;
    for (const motion::RepRecord& r : s.rep_records) faulted += r.faults.empty() ? 0 : 1;
    ctx.out << fmt::format("{}: {} reps, {} with a form fault; {} of {} frames in view\n", profile->name, s.reps,
                           faulted, s.frames_in_view, s.frames);
    if (!s.view_ok)
      ctx.out << fmt::format("camera seen {}, form not judged: {}\n", motion::to_string(s.view), s.view_advice);
  }
}

}  // namespace

void add_analyze_commands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<AnalyzeArgs>();
  auto* cmd = app.add_subcommand(
      "analyze",
      "Count reps and find form faults in recorded pose landmarks (JSONL, one frame per line, as the camera coach "
      "records them)");
  cmd->add_option("LANDMARKS", args->file, "The landmarks file (JSONL), or - for standard input");
  cmd->add_option("--exercise", args->exercise, "Exercise id, e.g. lunge")->required();
  cmd->add_option(
         "--output", args->output,
         "text (default), json (the summary), events (JSONL), or trace (every frame's state and cue measures, JSONL)")
      ->check(CLI::IsMember({"text", "json", "events", "trace"}));
  cmd->add_flag("--profile", args->show_profile,
                "Print what the analyzer looks for in this exercise (signal, thresholds, cue limits) and stop");
  cmd->callback([&ctx, args] { run_analyze(ctx, *args); });
}

}  // namespace kc::cli
