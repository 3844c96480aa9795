// The content a use case reads (content/: exercises, ...), loaded and validated by an adapter
// at start and passed in. A plain aggregate of core types; it owns nothing.
#pragma once

#include "core/catalog/catalog.h"

namespace kc::usecases {

struct Content {
  const Catalog& catalog;  // the exercises
};

}  // namespace kc::usecases
