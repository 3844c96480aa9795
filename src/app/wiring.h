// app/: the one place where the product is put together. It chooses the store (SQLite in the
// data folder), the clock, the voice (espeak-ng), the handout renderer (cairo) and the web
// server (RESTinio), and hands them to the command line. Nothing else in src/ decides which implementation is used.
#pragma once

#include "usecases/ports.h"

namespace kc::app {

// The ports of the shipped product: SQLite store kneecoach.db in the data folder, the real (or
// $KNEECOACH_FAKE_TIME) clock, espeak-ng voices, the cairo PDF handout, and the HTTP adapter's server.
usecases::Ports default_ports();

}  // namespace kc::app
