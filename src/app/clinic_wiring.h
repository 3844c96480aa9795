// The clinic server's part of the wiring (wiring.h): its database (PostgreSQL: store::Store and
// clinic::ClinicStore sharing one pool), its crypto (libsodium, liboath), its server, and
// backups with pg_dump.
#pragma once

#include <string>

#include "usecases/ports.h"

namespace kc::app {

// Opens the clinic's database at `url` with `connections` pooled connections for `threads`
// request threads (postgres::pool_for), migrating it, and the crypto ports, with the key file
// `key_file` ("": none) loaded first (Ports::open_clinic).
Result<usecases::ClinicBackend> open_clinic(const std::string& url, int threads, int connections,
                                            const std::string& key_file);

// Runs pg_dump (PostgreSQL 15's, else the one on PATH) on `url` in the custom format, into
// `file` (written as file.partial, then renamed: a failed backup never replaces a good one).
// errc::kFailed with pg_dump's own words when it fails.
Status backup_clinic(const std::string& url, const std::string& file);

// Adds the clinic's ports to `ports`.
void add_clinic_ports(usecases::Ports& ports);

}  // namespace kc::app
