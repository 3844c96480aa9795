// The outside world the surfaces reach through. Which store, clock, voice and handout renderer
// are used, and how the web app is served, is decided once, in src/app/main.cpp, and handed to the CLI adapter
// (which hands it on to `serve`). Tests can fill in their own.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "core/clinic/clinic_store.h"
#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/session/voice.h"
#include "core/store/store.h"
#include "usecases/clinic/crypto_ports.h"
#include "usecases/handout.h"

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

// What `kneecoach clinic serve` was asked for (README "Clinic server", docs/deploy.md).
struct ClinicServeRequest {
  std::string db_url;  // the PostgreSQL database (libpq URL)
  std::string host = "127.0.0.1";
  std::vector<std::string> allow_hosts;  // the clinic's public names (Host allow-list)
  int port = 8443;
  int threads = 8;            // request threads
  int connections = 0;        // pooled database connections (0: one for each request thread)
  std::string tls_cert;       // PEM certificate chain; with tls_key, the server speaks only HTTPS
  std::string tls_key;        // PEM private key
  std::string trusted_proxy;  // a reverse proxy's address whose X-Forwarded-For is believed
  std::string key_file;       // the server's key, sealing TOTP secrets (required; clinic init makes it)
  std::string web_dir;
  std::string content_dir;
};

// The clinic's database and crypto, opened once and shared by every request thread (each
// object is thread-safe).
struct ClinicBackend {
  std::unique_ptr<store::Store> store;              // the clinical records (store::Store on PostgreSQL)
  std::unique_ptr<kc::clinic::ClinicStore> clinic;  // accounts, sessions, invites, caseloads, audit
  std::unique_ptr<clinic::PasswordHasher> hasher;
  std::unique_ptr<clinic::TokenSource> tokens;
  std::unique_ptr<clinic::Totp> totp;
  std::unique_ptr<clinic::SecretBox> secrets;  // under the key file's key; without one, seals nothing
};

// Prints the handout model (usecases/handout.h) as a PDF file.
class HandoutPrinter {
 public:
  virtual ~HandoutPrinter() = default;
  // Writes `handout` at `path` on `paper` ("a4" or "letter"). Errors: errc::kInvalid with field
  // "paper" for any other paper; errc::kFailed when an exercise has no figure or the file
  // cannot be written.
  virtual Status print(const Handout& handout, const std::string& paper, const std::string& path) const = 0;
};

// A store file's health, as the store adapter sees it without changing it (`kneecoach doctor`).
struct StoreFileHealth {
  std::string path;  // the store file
  bool exists = false;
  std::uintmax_t bytes = 0;
  int version = 0;                    // the schema version, when it could be read
  std::vector<std::string> problems;  // what is wrong, in plain words; empty when healthy
  std::string backup;                 // the automatic backup's file, or "" when there is none
  std::string backup_written;         // when the backup was written (UTC, "YYYY-MM-DD HH:MM"), or ""
};

struct Ports {
  // Opens (creating the folder and the store when missing) the store in folder `data_dir`.
  std::function<Result<std::unique_ptr<store::Store>>(const std::string& data_dir)> open_store;
  // Whether folder `data_dir` holds a store (damaged or not), without creating anything. Unset:
  // taken as true.
  std::function<bool(const std::string& data_dir)> has_store;
  // The health of the store file in folder `data_dir` (never changes it).
  std::function<StoreFileHealth(const std::string& data_dir)> check_store;
  // Sets the store in folder `data_dir` aside (kept, renamed) and, with `restore`, copies the
  // automatic backup in its place. Returns what it did, in plain words.
  std::function<Result<std::string>(const std::string& data_dir, bool restore)> repair_store;
  // The clock of a command or of the server (the real one, or a test clock).
  std::function<std::unique_ptr<Clock>()> clock;
  // Voices for the session player: the speaker (or silence when there is no audio), a WAV file
  // at `path`, and silence.
  std::function<std::unique_ptr<voice::Voice>()> speaker;
  std::function<Result<std::unique_ptr<voice::Voice>>(const std::string& path)> voice_file;
  std::function<std::unique_ptr<voice::Voice>()> silence;
  // The handout printer for the content at `content_dir` (its figures) and `catalog`.
  std::function<Result<std::unique_ptr<HandoutPrinter>>(const std::string& content_dir, const Catalog& catalog)>
      handout_printer;
  // Text to WAV bytes for the web app's spoken cues.
  std::function<Result<std::unique_ptr<voice::Synthesizer>>()> synthesizer;
  // Serves the web app and its API until SIGINT/SIGTERM; returns the process exit status.
  std::function<int(const ServeRequest& request, std::ostream& out, std::ostream& err)> serve;

  // The clinic server. Opens the database at `url` (migrating its schema to the current version)
  // with `connections` pooled connections for `threads` threads (fewer connections than threads
  // keep a quarter of them for reads: postgres::pool_for), and the crypto with the key in
  // `key_file` ("": no key; the secrets box then fails). A bad key file is errc::kInvalid (field
  // "key-file"), checked before the database is opened.
  std::function<Result<ClinicBackend>(const std::string& url, int threads, int connections,
                                      const std::string& key_file)>
      open_clinic;
  // Creates the key file at `path` (random, mode 0600); errc::kConflict when it exists.
  std::function<Status(const std::string& path)> create_clinic_key;
  // Serves the clinic until SIGINT/SIGTERM; returns the process exit status (2: refused options).
  std::function<int(const ClinicServeRequest& request, std::ostream& out, std::ostream& err)> serve_clinic;
  // Writes a backup of the database at `url` to `file` (pg_dump, custom format).
  std::function<Status(const std::string& url, const std::string& file)> backup_clinic;
};

}  // namespace kc::usecases
