#include "app/clinic_wiring.h"

#include "adapters/http/clinic_server.h"

namespace kc::app {

Result<usecases::ClinicBackend> open_clinic(const std::string& url, int /*connections*/) {
  return make_error(errc::kFailed, "db", "the clinic's PostgreSQL store is not built in yet: " + url);
}

void add_clinic_ports(usecases::Ports& ports) {
  ports.open_clinic = open_clinic;
  ports.backup_clinic = backup_clinic;
  ports.serve_clinic = [ports](const usecases::ClinicServeRequest& request, std::ostream& out, std::ostream& err) {
    return http::serve_clinic(request, ports, out, err);
  };
}

}  // namespace kc::app
