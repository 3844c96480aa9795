#include "app/clinic_wiring.h"

#include "adapters/crypto/crypto.h"
#include "adapters/http/clinic_server.h"
#include "adapters/postgres/pg_clinic_store.h"
#include "adapters/postgres/pg_store.h"

namespace kc::app {

Result<usecases::ClinicBackend> open_clinic(const std::string& url, int threads, int connections,
                                            const std::string& key_file) {
  if (url.empty()) return make_error(errc::kInvalid, "db", "which database? give --db URL (or set $KNEECOACH_DB)");
  std::unique_ptr<usecases::clinic::SecretBox> secrets = std::make_unique<crypto::SodiumSecretBox>();
  if (!key_file.empty()) {
    auto loaded = crypto::load_key_file(key_file);
    if (!loaded) return loaded.error();
    secrets = std::move(loaded).value();
  }
  auto db = postgres::Database::open(url, postgres::pool_for(threads, connections));
  if (!db) return db.error();
  usecases::ClinicBackend backend;
  auto store = postgres::open_store(*db);
  if (!store) return store.error();
  backend.store = std::move(store).value();
  auto clinic = postgres::open_clinic_store(*db);
  if (!clinic) return clinic.error();
  backend.clinic = std::move(clinic).value();
  backend.hasher = std::make_unique<crypto::SodiumPasswordHasher>();
  backend.tokens = std::make_unique<crypto::SodiumTokenSource>();
  backend.totp = std::make_unique<crypto::OathTotp>();
  backend.secrets = std::move(secrets);
  return backend;
}

void add_clinic_ports(usecases::Ports& ports) {
  ports.open_clinic = open_clinic;
  ports.create_clinic_key = crypto::create_key_file;
  ports.backup_clinic = backup_clinic;
  ports.serve_clinic = [ports](const usecases::ClinicServeRequest& request, std::ostream& out, std::ostream& err) {
    return http::serve_clinic(request, ports, out, err);
  };
}

}  // namespace kc::app
