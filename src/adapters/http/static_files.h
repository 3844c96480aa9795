// The built web UI as static files from one folder, refusing anything outside it.
#pragma once

#include <string>

#include "adapters/http/http_types.h"

namespace kc::http {

// The Content-Type for a file name by its extension ("application/octet-stream" when unknown).
std::string content_type_for(const std::string& file_name);

class StaticFiles {
 public:
  // Serves files under `root` (which may not exist: then "/" explains how to build the UI).
  explicit StaticFiles(std::string root);

  // Whether `root` holds an index.html.
  bool built() const;

  // GET a file: "/" is index.html; a path without a file extension that is not a file also gets
  // index.html (the UI's own routes). Paths with "..", "." or empty segments (raw or
  // percent-encoded), backslashes or NUL are refused with 400 bad_path; missing files give 404;
  // methods other than GET and HEAD give 405. Errors are JSON.
  Response serve(const Request& request) const;

 private:
  std::string root_;
};

}  // namespace kc::http
