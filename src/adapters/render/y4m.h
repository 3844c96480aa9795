// Writing video as YUV4MPEG2 (Y4M): 8-bit 4:2:0, full-range JPEG chroma (C420jpeg), frames
// given as cairo RGB24 images.
#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace kc::render {

class Y4mWriter {
 public:
  // Opens `path` and writes the stream header. Width and height must be even.
  static Result<Y4mWriter> open(const std::string& path, int width, int height, int fps);

  // Appends one frame from a cairo RGB24 buffer (xRGB, native-endian 32-bit pixels).
  Status write_frame(const unsigned char* rgb24, int stride);

  // Flushes and closes the file; reports a failed write.
  Status close();

 private:
  Y4mWriter(std::ofstream out, std::string path, int width, int height);

  std::ofstream out_;
  std::string path_;
  int width_;
  int height_;
  std::vector<std::uint8_t> y_;
  std::vector<std::uint8_t> u_;
  std::vector<std::uint8_t> v_;
};

// The full-range BT.601 luma and chroma of an RGB colour (JPEG/JFIF conversion).
std::uint8_t luma(int r, int g, int b);
std::uint8_t chroma_blue(int r, int g, int b);
std::uint8_t chroma_red(int r, int g, int b);

}  // namespace kc::render
