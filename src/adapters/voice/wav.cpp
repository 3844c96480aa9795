#include "adapters/voice/wav.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace kc::voice {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFFu);
}

void put_u16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v & 0xFFu);
  out += static_cast<char>((v >> 8) & 0xFFu);
}

}  // namespace

std::string wav_bytes(const std::vector<std::int16_t>& samples, int rate) {
  const auto data_size = static_cast<std::uint32_t>(samples.size() * 2);
  const auto sample_rate = static_cast<std::uint32_t>(rate);
  std::string out;
  out.reserve(44 + data_size);
  out += "RIFF";
  put_u32(out, 36 + data_size);
  out += "WAVE";
  out += "fmt ";
  put_u32(out, 16);  // fmt chunk size
  put_u16(out, 1);   // PCM
  put_u16(out, 1);   // mono
  put_u32(out, sample_rate);
  put_u32(out, sample_rate * 2);  // byte rate
  put_u16(out, 2);                // block align
  put_u16(out, 16);               // bits per sample
  out += "data";
  put_u32(out, data_size);
  for (std::int16_t s : samples) put_u16(out, static_cast<std::uint16_t>(s));
  return out;
}

Status write_wav(const std::string& path, const std::vector<std::int16_t>& samples, int rate) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return make_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  const std::string bytes = wav_bytes(samples, rate);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return make_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  return Ok{};
}

}  // namespace kc::voice
