#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "adapters/render/svg.h"
#include "adapters/render/y4m.h"
#include "core/figure/frames.h"

namespace kc::render {
namespace {
namespace fs = std::filesystem;

TEST(RenderY4m, ConvertsColoursWithFullRangeBt601) {
  EXPECT_EQ(luma(255, 255, 255), 255);
  EXPECT_EQ(luma(0, 0, 0), 0);
  EXPECT_EQ(chroma_blue(128, 128, 128), 128);
  EXPECT_EQ(chroma_red(255, 0, 0), 255);
}

TEST(RenderY4m, WritesAHeaderAndWholeFrames) {
  const fs::path path = fs::temp_directory_path() / "kc_render_test.y4m";
  auto w = Y4mWriter::open(path.string(), 4, 2, 25);
  ASSERT_TRUE(w.ok());
  const unsigned char white[4 * 4 * 2] = {255, 255, 255, 0, 255, 255, 255, 0, 255, 255, 255, 0, 255, 255, 255, 0,
                                          255, 255, 255, 0, 255, 255, 255, 0, 255, 255, 255, 0, 255, 255, 255, 0};
  ASSERT_TRUE(w.value().write_frame(white, 16).ok());
  ASSERT_TRUE(w.value().close().ok());
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string header = "YUV4MPEG2 W4 H2 F25:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n";
  ASSERT_EQ(data.size(), header.size() + 6 + 8 + 2 + 2);
  EXPECT_EQ(data.substr(0, header.size()), header);
  EXPECT_EQ(static_cast<unsigned char>(data[header.size() + 6]), 255);  // white luma
  fs::remove(path);
}

TEST(RenderY4m, RefusesOddSizes) { EXPECT_FALSE(Y4mWriter::open("/tmp/x.y4m", 5, 4, 25).ok()); }

TEST(RenderSvg, AnimatesOnlyTheShapesThatMove) {
  figure::Drawing a;
  a.min = {0, 0};
  a.max = {1, 1};
  a.shapes.push_back({"still", {{0, 0}, {1, 0}, {0, 1}}, {1, 2, 3}, {0, 0, 0}, 0.01});
  a.shapes.push_back({"moving", {{0, 0}, {0.5, 0}, {0, 0.5}}, {4, 5, 6}, {0, 0, 0}, 0.01});
  figure::Drawing b = a;
  b.shapes[1].points[1] = {0.9, 0};
  const std::string svg = svg_animated({a, b, a}, 2.0, 100, 100, "A & B");
  EXPECT_NE(svg.find("<title>A &amp; B</title>"), std::string::npos);
  EXPECT_EQ(svg.find("<animate", svg.find("id=\"still\"")), svg.find("<animate"));
  EXPECT_NE(svg.find("dur=\"2.00s\" repeatCount=\"indefinite\""), std::string::npos);
  EXPECT_LT(svg.find("id=\"still\""), svg.find("<animate"));
}

}  // namespace
}  // namespace kc::render
