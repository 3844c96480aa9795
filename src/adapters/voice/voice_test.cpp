#include "adapters/voice/voice.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "adapters/voice/wav.h"

namespace kc::voice {
namespace {

std::uint32_t u32_at(const std::string& b, std::size_t i) {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(b[i + k])) << (8 * k);
  return v;
}

TEST(Wav, HeaderDescribesSixteenBitMonoPcm) {
  const std::string b = wav_bytes({0, 1000, -1000}, 22050);
  ASSERT_EQ(b.size(), 44u + 6u);
  EXPECT_EQ(b.substr(0, 4), "RIFF");
  EXPECT_EQ(u32_at(b, 4), 36u + 6u);
  EXPECT_EQ(b.substr(8, 8), "WAVEfmt ");
  EXPECT_EQ(u32_at(b, 24), 22050u);
  EXPECT_EQ(u32_at(b, 28), 44100u);
  EXPECT_EQ(b.substr(36, 4), "data");
  EXPECT_EQ(u32_at(b, 40), 6u);
  EXPECT_EQ(static_cast<unsigned char>(b[46]), 1000 & 0xFF);
}

TEST(Voice, WavFileHoldsTheSpokenCues) {
  const auto path =
      std::filesystem::temp_directory_path() / ("kneecoach_voice_test_" + std::to_string(getpid()) + ".wav");
  auto voice = wav_file(path.string());
  ASSERT_TRUE(voice.ok()) << voice.error().message;
  (*voice)->say("Lift, hold, lower");
  (*voice)->say("Switch to your left leg");
  ASSERT_TRUE((*voice)->finish().ok());
  voice = make_error("closed");  // ends the espeak-ng engine before the next test starts one
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  ASSERT_GT(bytes.size(), 44u + 22050u);  // well over half a second of speech
  EXPECT_EQ(bytes.substr(0, 4), "RIFF");
  EXPECT_EQ(u32_at(bytes, 40), bytes.size() - 44);
  bool sound = false;
  for (std::size_t i = 44; i + 1 < bytes.size() && !sound; i += 2) sound = bytes[i + 1] != 0 && bytes[i + 1] != -1;
  EXPECT_TRUE(sound);
}

TEST(Voice, SilentSaysNothingAndFinishes) {
  auto voice = silent();
  voice->say("anything");
  EXPECT_TRUE(voice->finish().ok());
}

}  // namespace
}  // namespace kc::voice
