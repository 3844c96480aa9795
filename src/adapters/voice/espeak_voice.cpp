// The espeak-ng voices. espeak-ng keeps one engine per process: at most one of these lives at
// a time (the session command makes one).
#include <espeak-ng/speak_lib.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "adapters/voice/voice.h"
#include "adapters/voice/wav.h"

namespace kc::voice {
namespace {

constexpr int kWordsPerMinute = 160;
constexpr double kPauseBetweenCues = 0.35;  // seconds of silence after each cue in a WAV

class Silent final : public Voice {
 public:
  void say(const std::string& /*text*/) override {}
  Status finish() override { return Ok{}; }
};

void set_voice() {
  espeak_SetVoiceByName("en");
  espeak_SetParameter(espeakRATE, kWordsPerMinute, 0);
}

void synth(const std::string& text, void* user_data) {
  espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, user_data);
}

class Speaker final : public Voice {
 public:
  ~Speaker() override { espeak_Terminate(); }
  void say(const std::string& text) override {
    espeak_Cancel();
    synth(text, nullptr);
  }
  Status finish() override {
    espeak_Synchronize();
    return Ok{};
  }
};

// Samples collected from espeak-ng's synthesis callback (given as its user data).
struct Samples {
  std::vector<std::int16_t> samples;

  static int collect(short* wav, int count, espeak_EVENT* events) {
    if (wav == nullptr || count <= 0 || events == nullptr) return 0;
    auto* self = static_cast<Samples*>(events->user_data);
    if (self != nullptr) self->samples.insert(self->samples.end(), wav, wav + count);
    return 0;  // 0: go on synthesising
  }
};

class WavFile final : public Voice {
 public:
  WavFile(std::string path, int rate) : path_(std::move(path)), rate_(rate) {
    espeak_SetSynthCallback(&Samples::collect);
  }
  ~WavFile() override { espeak_Terminate(); }

  void say(const std::string& text) override {
    synth(text, &out_);  // synchronous: returns when every sample went through collect()
    out_.samples.insert(out_.samples.end(), static_cast<std::size_t>(kPauseBetweenCues * rate_), std::int16_t{0});
  }
  Status finish() override { return write_wav(path_, out_.samples, rate_); }

 private:
  std::string path_;
  int rate_;
  Samples out_;
};

class EspeakSynthesizer final : public Synthesizer {
 public:
  explicit EspeakSynthesizer(int rate) : rate_(rate) { espeak_SetSynthCallback(&Samples::collect); }
  ~EspeakSynthesizer() override { espeak_Terminate(); }

  std::string wav(const std::string& text) override {
    Samples out;
    synth(text, &out);
    return wav_bytes(out.samples, rate_);
  }

 private:
  int rate_;
};

bool path_exists(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::exists(p, ec);
}

}  // namespace

std::unique_ptr<Voice> silent() { return std::make_unique<Silent>(); }

bool audio_device_present() {
  if (const char* server = std::getenv("PULSE_SERVER"); server != nullptr && *server != '\0') return true;
  if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"); runtime != nullptr && *runtime != '\0') {
    const std::filesystem::path dir(runtime);
    if (path_exists(dir / "pulse" / "native") || path_exists(dir / "pipewire-0")) return true;
  }
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/snd", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("pcmC") && name.ends_with("p")) return true;  // a playback device
  }
  return false;
}

std::unique_ptr<Voice> speaker() {
  if (!audio_device_present()) return silent();
  if (espeak_Initialize(AUDIO_OUTPUT_PLAYBACK, 0, nullptr, espeakINITIALIZE_DONT_EXIT) <= 0) return silent();
  set_voice();
  return std::make_unique<Speaker>();
}

Result<std::unique_ptr<Voice>> wav_file(const std::string& path) {
  if (auto st = write_wav(path, {}, 22050); !st) return st.error();  // fail now, not at the end
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (rate <= 0) return make_error("the espeak-ng speech engine could not start (is espeak-ng-data installed?)");
  set_voice();
  return std::unique_ptr<Voice>(std::make_unique<WavFile>(path, rate));
}

Result<std::unique_ptr<Synthesizer>> synthesizer() {
  const int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
  if (rate <= 0) return make_error("the espeak-ng speech engine could not start (is espeak-ng-data installed?)");
  set_voice();
  return std::unique_ptr<Synthesizer>(std::make_unique<EspeakSynthesizer>(rate));
}

}  // namespace kc::voice
