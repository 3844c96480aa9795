// The `kneecoach clinic ...` commands, one file a group (clinic_serve.cpp, clinic_accounts.cpp).
#pragma once

#include <string>

#include "adapters/cli/app.h"

namespace CLI {
class App;
}

namespace kc::cli {

// Adds the required --db URL option (a PostgreSQL URL; $KNEECOACH_DB when not given).
void add_db_option(CLI::App& cmd, std::string& url);

// Adds the --key-file FILE option ($KNEECOACH_CLINIC_KEY when not given): the server's key that
// seals TOTP secrets, kept outside the database (docs/deploy.md, "The key file").
void add_key_option(CLI::App& cmd, std::string& path);

// clinic serve, clinic backup (clinic_serve.cpp).
void add_clinic_serve(CLI::App& clinic, Context& ctx);
void add_clinic_backup(CLI::App& clinic, Context& ctx);
// clinic init, clinic clinician add|list|disable, clinic password-reset, clinic purge-audit
// (clinic_accounts.cpp).
void add_clinic_accounts(CLI::App& clinic, Context& ctx);

}  // namespace kc::cli
