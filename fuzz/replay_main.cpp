// A libFuzzer target without libFuzzer, for the sanitizer build's tests: runs every file of the
// folders given, then a fixed number of deterministic mutations of each (bytes flipped, cut,
// repeated or replaced by ones parsers trip on). A crash or a sanitizer report fails the test.
// The coverage-guided search is `make fuzz` (clang, libFuzzer); this checks the targets, their
// seeds and the seeds' near neighbours on every `make test` without a second build.
//
// Usage: fuzz_replay_<name> [--mutations N] FOLDER...
#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void run(const Bytes& input) { LLVMFuzzerTestOneInput(input.data(), input.size()); }

// One mutation of `seed`, chosen and placed by `random`.
Bytes mutate(const Bytes& seed, std::mt19937& rng) {
  static constexpr std::string_view kTricky[] = {
      "\0",   "\xff",        "\"", "\\", "{", "}", "[", "]", ",", ":", "-", "1e999", "99999999999999999999",
      "null", "\xe2\x80\x8b"};
  Bytes out = seed;
  const auto at = [&](std::size_t size) {
    return size == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, size - 1)(rng);
  };
  switch (std::uniform_int_distribution<int>(0, 4)(rng)) {
    case 0:  // flip a bit
      if (!out.empty()) out[at(out.size())] ^= static_cast<std::uint8_t>(1U << (rng() % 8));
      break;
    case 1:  // cut the end off
      out.resize(at(out.size() + 1));
      break;
    case 2: {  // repeat a piece
      if (out.empty()) break;
      const std::size_t from = at(out.size());
      const std::size_t length = std::min<std::size_t>(out.size() - from, 1 + at(64));
      const Bytes piece(out.begin() + static_cast<std::ptrdiff_t>(from),
                        out.begin() + static_cast<std::ptrdiff_t>(from + length));
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(at(out.size() + 1)), piece.begin(), piece.end());
      break;
    }
    case 3: {  // drop a piece
      if (out.empty()) break;
      const std::size_t from = at(out.size());
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(from),
                out.begin() + static_cast<std::ptrdiff_t>(std::min(out.size(), from + 1 + at(16))));
      break;
    }
    default: {  // put in something parsers trip on
      const std::string_view s = kTricky[at(std::size(kTricky))];
      out.insert(out.begin() + static_cast<std::ptrdiff_t>(at(out.size() + 1)), s.begin(), s.end());
      break;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  int mutations = 200;
  std::vector<std::filesystem::path> seeds;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--mutations" && i + 1 < argc) {
      const std::string_view count = argv[++i];
      const auto [end, error] = std::from_chars(count.data(), count.data() + count.size(), mutations);
      if (error != std::errc() || end != count.data() + count.size() || mutations < 0) {
        std::fprintf(stderr, "fuzz replay: --mutations takes a whole number of 0 or more, not '%s'\n", argv[i]);
        return 2;
      }
      continue;
    }
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(arg, error)) {
      if (entry.is_regular_file()) seeds.push_back(entry.path());
    }
    if (error) {
      std::fprintf(stderr, "fuzz replay: cannot read the folder %s: %s\n", argv[i], error.message().c_str());
      return 2;
    }
  }
  if (seeds.empty()) {
    std::fprintf(stderr, "fuzz replay: no seed files; usage: %s [--mutations N] FOLDER...\n", argv[0]);
    return 2;
  }
  std::mt19937 rng(20261206);  // fixed: a failure replays the same inputs
  run({});
  for (const auto& path : seeds) {
    const Bytes seed = read_file(path);
    run(seed);
    for (int m = 0; m < mutations; ++m) run(mutate(seed, rng));
  }
  std::printf("fuzz replay: %zu seeds, %d mutations each, no crash\n", seeds.size(), mutations);
  return 0;
}
