#include "app/wiring.h"

#include <fmt/format.h>

#include <filesystem>

#include "adapters/http/server.h"
#include "adapters/platform/platform.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/voice/voice.h"

namespace kc::app {
namespace {

// Opens kneecoach.db in `data_dir`, creating the folder when missing.
Result<std::unique_ptr<store::Store>> open_sqlite_store(const std::string& data_dir) {
  const std::filesystem::path dir = data_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return make_error(errc::kFailed, "data_dir",
                      fmt::format("cannot create the data folder {}: {}; choose another with --data-dir", dir.string(),
                                  ec.message()));
  }
  return sqlite::open_store((dir / "kneecoach.db").string());
}

}  // namespace

usecases::Ports default_ports() {
  usecases::Ports ports;
  ports.open_store = open_sqlite_store;
  ports.clock = platform::clock_from_environment;
  ports.speaker = voice::speaker;
  ports.voice_file = voice::wav_file;
  ports.silence = voice::silent;
  ports.synthesizer = voice::synthesizer;
  // The server gets the same ports (a copy: the functions hold no state).
  ports.serve = [ports](const usecases::ServeRequest& request, std::ostream& out, std::ostream& err) {
    return http::serve(request, ports, out, err);
  };
  return ports;
}

}  // namespace kc::app
