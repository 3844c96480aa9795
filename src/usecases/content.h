// The content a use case reads (content/: the exercises, the triage rules), loaded and checked by
// an adapter (adapters/content) at start-up and passed in. A plain aggregate of references to
// core types, so building one per request costs nothing; the content must outlive the call.
#pragma once

#include "core/catalog/catalog.h"
#include "core/triage/triage.h"

namespace kc::usecases {

struct Content {
  const Catalog& catalog;          // the exercises
  const RuleSet* rules = nullptr;  // the triage rules: required by check_in (warning signs)
};

}  // namespace kc::usecases
