// The content a use case reads: the exercise catalog and the triage rules, loaded and checked by
// an adapter (adapters/content) at start-up. A plain aggregate of references to core types, so
// building one per request costs nothing; the referenced content must outlive the call.
#pragma once

#include "core/catalog/catalog.h"
#include "core/triage/triage.h"

namespace kc::usecases {

struct Content {
  const Catalog& catalog;
  const RuleSet& rules;
};

}  // namespace kc::usecases
