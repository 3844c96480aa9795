// RIFF/WAVE files of 16-bit PCM mono samples.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace kc::voice {

// The bytes of a canonical 44-byte-header WAV file holding `samples` at `rate` Hz.
std::string wav_bytes(const std::vector<std::int16_t>& samples, int rate);

// Writes wav_bytes(samples, rate) to `path`; the error names the file.
Status write_wav(const std::string& path, const std::vector<std::int16_t>& samples, int rate);

}  // namespace kc::voice
