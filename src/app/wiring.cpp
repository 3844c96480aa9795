#include "app/wiring.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "adapters/http/server.h"
#include "adapters/platform/platform.h"
#include "adapters/render/handout_pdf.h"
#include "adapters/render/pose_loader.h"
#include "adapters/sqlite/health.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/voice/voice.h"
#include "app/clinic_wiring.h"

namespace kc::app {
namespace {

// The store file in folder `data_dir`.
std::string store_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "kneecoach.db").string();
}

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
  const std::string path = store_path(data_dir);
  // The automatic backup (`kneecoach doctor` restores it): refreshed when the store is closed,
  // when a day old, from a store that passes a quick check.
  return sqlite::open_store_backed_up(path, std::chrono::hours(24));
}

// "2026-12-06 08:15" (UTC) for a time point of the system clock.
std::string utc_minutes(std::chrono::system_clock::time_point t) {
  return fmt::format("{:%Y-%m-%d %H:%M}", std::chrono::floor<std::chrono::minutes>(t));
}

usecases::StoreFileHealth check_sqlite_store(const std::string& data_dir) {
  const std::string path = store_path(data_dir);
  const sqlite::FileCheck check = sqlite::check_file(path);
  usecases::StoreFileHealth health{path, check.exists, check.bytes, check.version, check.problems, "", ""};
  std::error_code ec;
  const std::string backup = sqlite::backup_path(path);
  const auto written = std::filesystem::last_write_time(backup, ec);
  if (!ec && sqlite::check_file(backup).problems.empty()) {
    health.backup = backup;
    health.backup_written = utc_minutes(std::chrono::file_clock::to_sys(written)) + " UTC";
  }
  return health;
}

Result<std::string> repair_sqlite_store(const std::string& data_dir, bool restore) {
  const std::string path = store_path(data_dir);
  const std::string stamp =
      fmt::format("{:%Y%m%dT%H%M%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  if (restore) {
    auto kept = sqlite::restore_backup(path, stamp);
    if (!kept) return kept.error();
    return fmt::format("The damaged store was set aside as {}, and the backup {} restored in its place.", *kept,
                       sqlite::backup_path(path));
  }
  auto kept = sqlite::set_aside(path, stamp);
  if (!kept) return kept.error();
  return fmt::format("The damaged store was set aside as {}. Run `kneecoach init` to start again.", *kept);
}

bool has_sqlite_store(const std::string& data_dir) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::path(data_dir) / "kneecoach.db", ec);
}

// The handout drawn by cairo + pango (src/adapters/render), with the content's figures.
class PdfHandoutPrinter final : public usecases::HandoutPrinter {
 public:
  explicit PdfHandoutPrinter(content::Illustrations pictures) : pictures_(std::move(pictures)) {}
  Status print(const usecases::Handout& handout, const std::string& paper, const std::string& path) const override {
    const auto chosen = render::parse_paper(paper);
    if (!chosen) return make_error(errc::kInvalid, "paper", fmt::format("paper: \"{}\"; expected a4 or letter", paper));
    return render::write_handout_pdf(handout, pictures_, *chosen, path);
  }

 private:
  content::Illustrations pictures_;
};

Result<std::unique_ptr<usecases::HandoutPrinter>> pdf_handout_printer(const std::string& content_dir,
                                                                      const Catalog& catalog) {
  auto pictures = content::load_illustrations(content_dir, catalog);
  if (!pictures) return make_error(errc::kContent, "", pictures.error().message);
  return std::unique_ptr<usecases::HandoutPrinter>(new PdfHandoutPrinter(std::move(pictures).value()));
}

}  // namespace

usecases::Ports default_ports() {
  usecases::Ports ports;
  ports.open_store = open_sqlite_store;
  ports.has_store = has_sqlite_store;
  ports.check_store = check_sqlite_store;
  ports.repair_store = repair_sqlite_store;
  ports.clock = platform::clock_from_environment;
  ports.speaker = voice::speaker;
  ports.voice_file = voice::wav_file;
  ports.silence = voice::silent;
  ports.synthesizer = voice::synthesizer;
  ports.handout_printer = pdf_handout_printer;
  // The server gets the same ports (a copy: the functions hold no state).
  ports.serve = [ports](const usecases::ServeRequest& request, std::ostream& out, std::ostream& err) {
    return http::serve(request, ports, out, err);
  };
  add_clinic_ports(ports);
  return ports;
}

}  // namespace kc::app
