// http/: the web server (RESTinio) and the /api/v1 routes: parse requests, render replies.
// `kneecoach serve`: the HTTP server (RESTinio over asio, one thread, asynchronous I/O).
// /api/... goes to the JSON API, everything else to the built web UI.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "usecases/ports.h"

namespace kc::http {

// Opens the store (through `ports`) and the content, binds host:port, prints the URL to `out` and serves until
// SIGINT or SIGTERM, then closes cleanly. Returns 0 after a clean shutdown, 1 when the store
// or content cannot be opened or the address cannot be bound (the reason on `err`).
int serve(const usecases::ServeRequest& options, const usecases::Ports& ports, std::ostream& out, std::ostream& err);

}  // namespace kc::http
