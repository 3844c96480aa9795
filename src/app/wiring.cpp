#include "app/wiring.h"

#include <fmt/format.h>

#include <filesystem>

#include "adapters/http/server.h"
#include "adapters/platform/platform.h"
#include "adapters/render/handout_pdf.h"
#include "adapters/render/pose_loader.h"
#include "adapters/sqlite/sqlite_store.h"
#include "adapters/voice/voice.h"
#include "app/clinic_wiring.h"

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
