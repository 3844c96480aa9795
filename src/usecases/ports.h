// The outside world the surfaces reach through. Which store, clock and voice are used, and how
// the web app is served, is decided once, in src/app/main.cpp, and handed to the CLI adapter
// (which hands it on to `serve`). Tests can fill in their own.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/session/voice.h"
#include "core/store/store.h"

namespace kc::usecases {

// What `kneecoach serve` was asked for.
struct ServeRequest {
  std::string host = "127.0.0.1";
  std::vector<std::string> allow_hosts;  // more names the browser may use (Host allow-list)
  int port = 8080;
  std::string data_dir;     // the folder of the records, already resolved
  std::string web_dir;      // the built web UI (web/dist)
  std::string content_dir;  // the content root
};

struct Ports {
  // Opens (creating the folder and the store when missing) the store in folder `data_dir`.
  std::function<Result<std::unique_ptr<store::Store>>(const std::string& data_dir)> open_store;
  // The clock of a command or of the server (the real one, or a test clock).
  std::function<std::unique_ptr<Clock>()> clock;
  // Voices for the session player: the speaker (or silence when there is no audio), a WAV file
  // at `path`, and silence.
  std::function<std::unique_ptr<voice::Voice>()> speaker;
  std::function<Result<std::unique_ptr<voice::Voice>>(const std::string& path)> voice_file;
  std::function<std::unique_ptr<voice::Voice>()> silence;
  // Text to WAV bytes for the web app's spoken cues.
  std::function<Result<std::unique_ptr<voice::Synthesizer>>()> synthesizer;
  // Serves the web app and its API until SIGINT/SIGTERM; returns the process exit status.
  std::function<int(const ServeRequest& request, std::ostream& out, std::ostream& err)> serve;
};

}  // namespace kc::usecases
