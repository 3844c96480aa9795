#include "adapters/render/y4m.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kc::render {

namespace {

std::uint8_t clamp_byte(double v) { return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L)); }

// cairo's RGB24 pixel: 32 bits, native endian, 0x00RRGGBB.
void pixel(const unsigned char* row, int x, int& r, int& g, int& b) {
  std::uint32_t p = 0;
  std::memcpy(&p, row + std::ptrdiff_t{4} * x, 4);
  r = static_cast<int>((p >> 16) & 0xff);
  g = static_cast<int>((p >> 8) & 0xff);
  b = static_cast<int>(p & 0xff);
}

}  // namespace

std::uint8_t luma(int r, int g, int b) { return clamp_byte(0.299 * r + 0.587 * g + 0.114 * b); }
std::uint8_t chroma_blue(int r, int g, int b) { return clamp_byte(128 - 0.168736 * r - 0.331264 * g + 0.5 * b); }
std::uint8_t chroma_red(int r, int g, int b) { return clamp_byte(128 + 0.5 * r - 0.418688 * g - 0.081312 * b); }

Y4mWriter::Y4mWriter(std::ofstream out, std::string path, int width, int height)
    : out_(std::move(out)),
      path_(std::move(path)),
      width_(width),
      height_(height),
      y_(static_cast<std::size_t>(width * height)),
      u_(static_cast<std::size_t>(width * height / 4)),
      v_(static_cast<std::size_t>(width * height / 4)) {}

Result<Y4mWriter> Y4mWriter::open(const std::string& path, int width, int height, int fps) {
  if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)
    return make_error(fmt::format("video size {}x{}: width and height must be even and positive", width, height));
  std::ofstream out(path, std::ios::binary);
  if (!out) return make_error("cannot write " + path);
  out << fmt::format("YUV4MPEG2 W{} H{} F{}:1 Ip A1:1 C420jpeg XYSCSS=420JPEG\n", width, height, fps);
  return Y4mWriter(std::move(out), path, width, height);
}

Status Y4mWriter::write_frame(const unsigned char* rgb24, int stride) {
  const int cw = width_ / 2;
  for (int y = 0; y < height_; y += 2) {
    const unsigned char* rows[2] = {rgb24 + static_cast<std::ptrdiff_t>(y) * stride,
                                    rgb24 + static_cast<std::ptrdiff_t>(y + 1) * stride};
    for (int x = 0; x < width_; x += 2) {
      int sr = 0;
      int sg = 0;
      int sb = 0;
      for (int dy = 0; dy < 2; ++dy)
        for (int dx = 0; dx < 2; ++dx) {
          int r = 0;
          int g = 0;
          int b = 0;
          pixel(rows[dy], x + dx, r, g, b);
          y_[static_cast<std::size_t>(y + dy) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x + dx)] =
              luma(r, g, b);
          sr += r;
          sg += g;
          sb += b;
        }
      // 2x2 average: the chroma sample sits between the four luma samples (JPEG siting).
      const std::size_t c =
          static_cast<std::size_t>(y / 2) * static_cast<std::size_t>(cw) + static_cast<std::size_t>(x / 2);
      u_[c] = chroma_blue((sr + 2) / 4, (sg + 2) / 4, (sb + 2) / 4);
      v_[c] = chroma_red((sr + 2) / 4, (sg + 2) / 4, (sb + 2) / 4);
    }
  }
  out_ << "FRAME\n";
  for (const auto* plane : {&y_, &u_, &v_})
    out_.write(reinterpret_cast<const char*>(plane->data()), static_cast<std::streamsize>(plane->size()));
  if (!out_) return make_error("cannot write " + path_);
  return Ok{};
}

Status Y4mWriter::close() {
  out_.close();
  if (!out_) return make_error("cannot write " + path_);
  return Ok{};
}

}  // namespace kc::render
