// Shared by the HTTP adapter's fuzz targets: one Api over the shipped content and a store in
// a fresh temporary folder, made on first use, kept for the whole run and removed at exit.
#pragma once

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "adapters/http/api.h"
#include "app/wiring.h"

namespace kc::fuzz {

struct FuzzStore {
  usecases::Ports ports = app::default_ports();
  std::string dir;
  std::unique_ptr<http::Api> api;

  FuzzStore() {
    char name[] = "/tmp/kc-fuzz-XXXXXX";
    if (mkdtemp(name) == nullptr) std::abort();
    dir = name;
    http::ApiConfig config;  // the personal server's: no shared store, no triage callback
    config.content_dir = KNEECOACH_DEFAULT_CONTENT_DIR;
    config.data_dir = dir;
    config.ports = &ports;
    auto opened = http::Api::open(config);
    if (!opened) {
      std::fprintf(stderr, "fuzz: the Api did not open: %s\n", opened.error().message.c_str());
      std::abort();
    }
    api = std::move(opened).value();
  }
  ~FuzzStore() {
    api.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  FuzzStore(const FuzzStore&) = delete;
  FuzzStore& operator=(const FuzzStore&) = delete;
};

inline http::Api& fuzz_api() {
  static FuzzStore store;
  return *store.api;
}

}  // namespace kc::fuzz
