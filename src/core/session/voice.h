// The voice ports: what the session player and the web app's speech need from a voice. The
// espeak-ng adapter (src/adapters/voice) implements them; src/app/main.cpp chooses which is used.
#pragma once

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

// espeak-ng turning one text at a time into WAV bytes: the web app's spoken cues, for browsers
// with no voice of their own. espeak-ng is process-wide: have one at a time, on one thread.
class Synthesizer {
 public:
  virtual ~Synthesizer() = default;
  // A 16-bit mono WAV file of `text` spoken.
  virtual std::string wav(const std::string& text) = 0;
};

}  // namespace kc::voice
