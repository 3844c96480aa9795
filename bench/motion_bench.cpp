// The camera coach's analyzer, time per frame (target: under 1 ms), on the recorded MediaPipe
// landmarks of tests/data/landmarks (decompressed with zlib's gzip reader) and on the figure's
// perfect landmarks; and the profile derivation done once per exercise.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "adapters/content/exercise_loader.h"
#include "adapters/render/pose_loader.h"
#include "core/figure/animation.h"
#include "core/motion/analyzer.h"
#include "core/motion/motion_json.h"

namespace {

using namespace kc;

struct Content {
  Catalog catalog{std::vector<Exercise>{}};
  content::Illustrations ill;
};

const Content& content_once() {
  static const Content c = [] {
    Content out;
    out.catalog = std::move(content::load_catalog(content::exercises_dir(KNEECOACH_BENCH_CONTENT_DIR))).value();
    out.ill = std::move(content::load_illustrations(KNEECOACH_BENCH_CONTENT_DIR, out.catalog)).value();
    return out;
  }();
  return c;
}

motion::MotionProfile profile(const std::string& id) {
  const Content& c = content_once();
  return std::move(motion::derive_profile(*c.catalog.find(id), *c.ill.find(id), c.ill.cues)).value();
}

std::vector<motion::LandmarkFrame> recorded(const std::string& name) {
  const std::string path = std::string(KNEECOACH_BENCH_DATA_DIR) + "/landmarks/" + name + ".jsonl.gz";
  std::vector<motion::LandmarkFrame> frames;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return frames;
  std::string line;
  char buf[65536];
  while (gzgets(f, buf, sizeof buf) != nullptr) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    auto frame = motion::parse_frame(std::string_view(line));
    if (frame) frames.push_back(std::move(frame).value());
    line.clear();
  }
  gzclose(f);
  return frames;
}

void BM_AnalyzeRecorded(benchmark::State& state, const std::string& exercise, const std::string& name) {
  const auto frames = recorded(name);
  if (frames.empty()) {
    state.SkipWithError("no recorded landmarks");
    return;
  }
  const motion::MotionProfile p = profile(exercise);
  std::size_t done = 0;
  for (auto _ : state) {
    motion::Analyzer a(p);
    for (const auto& f : frames) benchmark::DoNotOptimize(a.push(f));
    done += frames.size();
  }
  state.counters["us_per_frame"] =
      benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate | benchmark::Counter::kInvert,
                         benchmark::Counter::kIs1000);
  state.SetItemsProcessed(static_cast<int64_t>(done));
}

void BM_ParseAndAnalyze(benchmark::State& state) {
  // What the WebSocket does per message: parse the frame's JSON, analyze, write the reply.
  const auto frames = recorded("lunge-knee-past-toes");
  std::vector<std::string> lines;
  for (const auto& f : frames) lines.push_back(motion::frame_json(f).dump());
  const motion::MotionProfile p = profile("lunge");
  std::size_t done = 0;
  for (auto _ : state) {
    motion::Analyzer a(p);
    for (const auto& line : lines) {
      auto frame = motion::parse_frame(std::string_view(line));
      benchmark::DoNotOptimize(motion::frame_result_json(a.push(*frame), 0).dump());
    }
    done += lines.size();
  }
  state.counters["us_per_frame"] =
      benchmark::Counter(static_cast<double>(done), benchmark::Counter::kIsRate | benchmark::Counter::kInvert,
                         benchmark::Counter::kIs1000);
}

void BM_DeriveProfile(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(profile("step-up"));
}

BENCHMARK_CAPTURE(BM_AnalyzeRecorded, partial_squat, std::string("partial-squat"),
                  std::string("partial-squat-knee-past-toes"));
BENCHMARK_CAPTURE(BM_AnalyzeRecorded, lunge, std::string("lunge"), std::string("lunge-knee-past-toes"));
BENCHMARK_CAPTURE(BM_AnalyzeRecorded, step_up, std::string("step-up"), std::string("step-up-knee-past-toes"));
BENCHMARK_CAPTURE(BM_AnalyzeRecorded, wall_sit, std::string("wall-sit"), std::string("wall-sit-trunk-leaning"));
BENCHMARK_CAPTURE(BM_AnalyzeRecorded, bridge, std::string("bridge"), std::string("bridge-head-lifted"));
BENCHMARK(BM_ParseAndAnalyze);
BENCHMARK(BM_DeriveProfile);

}  // namespace

BENCHMARK_MAIN();
