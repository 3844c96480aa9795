// Shared by the HTTP adapter's fuzz targets: one Api over the shipped content and a store in
// a fresh temporary folder, made on first use and kept for the whole run.
#pragma once

#include <stdlib.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "adapters/http/api.h"

namespace kc::fuzz {

inline http::Api& fuzz_api() {
  static const std::unique_ptr<http::Api> api = [] {
    char dir[] = "/tmp/kc-fuzz-XXXXXX";
    if (mkdtemp(dir) == nullptr) std::abort();
    auto opened = http::Api::open(http::ApiConfig{KNEECOACH_DEFAULT_CONTENT_DIR, dir});
    if (!opened) std::abort();
    return std::move(opened).value();
  }();
  return *api;
}

}  // namespace kc::fuzz
