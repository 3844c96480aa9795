// The adapters the FHIR tests' fixture (fhir_test_support.h) needs: the shipped content
// (KNEECOACH_TEST_CONTENT_DIR) and the SQLite store.
#include "adapters/content/exercise_loader.h"
#include "adapters/content/triage_loader.h"
#include "adapters/sqlite/sqlite_store.h"
#include "usecases/fhir_test_support.h"

namespace kc::usecases {

Result<Catalog> fhir_test_catalog() {
  return content::load_catalog(content::exercises_dir(KNEECOACH_TEST_CONTENT_DIR));
}

Result<RuleSet> fhir_test_rules() { return content::load_rule_set(KNEECOACH_TEST_CONTENT_DIR); }

Result<std::unique_ptr<store::Store>> fhir_test_store(const std::string& path) { return sqlite::open_store(path); }

}  // namespace kc::usecases
