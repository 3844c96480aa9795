// Speaking the session's cues: through the espeak-ng library to the audio device, into a
// WAV file (for tests), or not at all.
#pragma once

#include <memory>
#include <string>

#include "core/common/result.h"

namespace kc::voice {

class Voice {
 public:
  virtual ~Voice() = default;
  // Says `text`, cutting short whatever is still being said (the newest cue matters most).
  virtual void say(const std::string& text) = 0;
  // Lets the last cue finish (playback) or writes the file (WAV). Call once, at the end.
  virtual Status finish() = 0;
};

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

// espeak-ng turning one text at a time into WAV bytes: the web app's spoken cues, for browsers
// with no voice of their own. espeak-ng is process-wide: have one at a time, on one thread.
class Synthesizer {
 public:
  virtual ~Synthesizer() = default;
  // A 16-bit mono WAV file of `text` spoken.
  virtual std::string wav(const std::string& text) = 0;
};

// Starts espeak-ng for synthesis; fails when it cannot start.
Result<std::unique_ptr<Synthesizer>> synthesizer();

}  // namespace kc::voice
