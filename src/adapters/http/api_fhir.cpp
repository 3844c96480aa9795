// GET /api/v1/people/{id}/fhir[?type=transaction]: the person's records as a FHIR R4 Bundle
// (usecases/fhir_export.h; docs/fhir.md).
#include "adapters/http/api_routes.h"
#include "usecases/fhir_export.h"

namespace kc::http {

Response get_fhir(ApiState& s, const Request& r, const std::string& id) {
  auto type = usecases::BundleType::kCollection;
  if (const auto it = r.query.find("type"); it != r.query.end()) {
    if (it->second == "transaction") {
      type = usecases::BundleType::kTransaction;
    } else if (it->second != "collection") {
      return error_response(400, "bad_query", "type: expected collection or transaction", "type");
    }
  }
  auto bundle = usecases::export_fhir(*s.store, *s.clock, {s.catalog, s.rules}, id, type);
  if (!bundle) return error_reply(bundle.error());
  Response reply;
  reply.content_type = "application/fhir+json; charset=utf-8";
  reply.body = bundle->dump();
  return reply;
}

}  // namespace kc::http
