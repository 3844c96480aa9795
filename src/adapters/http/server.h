// `kneecoach serve`: the HTTP server (RESTinio over asio, one thread, asynchronous I/O).
// /api/... goes to the JSON API, everything else to the built web UI.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kc::http {

struct ServeOptions {
  std::string host = "127.0.0.1";
  std::vector<std::string> allow_hosts;  // more names the browser may use (Host allow-list)
  int port = 8080;
  std::string data_dir;     // empty: the CLI's default data folder
  std::string web_dir;      // the built web UI (web/dist)
  std::string content_dir;  // the content root
};

// Opens the store and content, binds host:port, prints the URL to `out` and serves until
// SIGINT or SIGTERM, then closes cleanly. Returns 0 after a clean shutdown, 1 when the store
// or content cannot be opened or the address cannot be bound (the reason on `err`).
int serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace kc::http
