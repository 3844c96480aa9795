// voice/: spoken cues through espeak-ng: to the speaker, into a WAV file, or as WAV bytes.
// Speaking the session's cues: through the espeak-ng library to the audio device, into a
// WAV file (for tests), or not at all.
#pragma once

#include <memory>
#include <string>

#include "core/common/result.h"
#include "core/session/voice.h"

namespace kc::voice {

// Says nothing.
std::unique_ptr<Voice> silent();

// True when an audio output looks usable: a sound card playback device under /dev/snd or a
// PulseAudio/PipeWire server socket.
bool audio_device_present();

// espeak-ng speaking to the audio device; silent() when there is no audio device or
// espeak-ng cannot start (the session goes on without a voice, as promised).
std::unique_ptr<Voice> speaker();

// espeak-ng synthesising every cue, one after another with a short pause between them,
// into a 16-bit mono WAV file at `path`, written by finish(). Fails when espeak-ng cannot
// start; finish() fails when the file cannot be written.
Result<std::unique_ptr<Voice>> wav_file(const std::string& path);

// Starts espeak-ng for synthesis; fails when it cannot start.
Result<std::unique_ptr<Synthesizer>> synthesizer();

}  // namespace kc::voice
