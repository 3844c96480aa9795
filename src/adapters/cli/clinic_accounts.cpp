// `kneecoach clinic init`, `clinic clinician add|list|disable`, `clinic password-reset`,
// `clinic purge-audit`: the clinic's accounts and audit retention from the server's shell, as the host operator (an
// admin that never sees clinical data; every change is in the audit trail). Passwords are read from standard input, one
// line, never from the command line (other users could read it in the process list).
#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "adapters/cli/clinic_commands.h"
#include "adapters/terminal/terminal.h"
#include "core/clinic/records.h"
#include "core/store/codec.h"
#include "usecases/clinic/accounts.h"
#include "usecases/clinic/audit_log.h"
#include "usecases/clinic/two_factor.h"

namespace kc::cli {
namespace {

namespace uc = usecases::clinic;

// Reads one line after `prompt`; the terminal does not echo it when standard input is one.
std::string read_secret(Context& ctx, const std::string& prompt) {
  ctx.out << prompt << std::flush;
  const bool tty = terminal::is_terminal(STDIN_FILENO) && &ctx.in == &std::cin;
  termios saved{};
  if (tty && tcgetattr(STDIN_FILENO, &saved) == 0) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(ctx.in, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    ctx.out << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The admin file: JSON {"username": ..., "password": ...}, or key=value lines (username=,
// password=; blank lines and # comments skipped).
Result<uc::NewAccount> read_admin_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(errc::kInvalid, "admin-file", fmt::format("--admin-file {}: cannot read it", path));
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  uc::NewAccount account;
  const auto first = all.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && all[first] == '{') {
    const auto doc = nlohmann::json::parse(all, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("username") || !doc.contains("password") ||
        !doc["username"].is_string() || !doc["password"].is_string()) {
      return make_error(
          errc::kInvalid, "admin-file",
          fmt::format("--admin-file {}: expected JSON {{\"username\": \"...\", \"password\": \"...\"}}", path));
    }
    return uc::NewAccount{doc["username"].get<std::string>(), doc["password"].get<std::string>()};
  }
  std::istringstream lines(all);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    const std::string key = line.substr(0, eq);
    if (eq == std::string::npos || (key != "username" && key != "password")) {
      return make_error(errc::kInvalid, "admin-file",
                        fmt::format("{}:{}: expected username=NAME or password=SECRET", path, number));
    }
    (key == "username" ? account.username : account.password) = line.substr(eq + 1);
  }
  if (account.username.empty() || account.password.empty()) {
    return make_error(errc::kInvalid, "admin-file",
                      fmt::format("{}: needs both a username=NAME line and a password=SECRET line", path));
  }
  return account;
}

// Opens the clinic at `url` (with the key in `key_file`, "" for commands that never touch
// secrets) and runs `body` over it; sets the exit status from its result.
void with_clinic(Context& ctx, const std::string& url, const std::function<Status(uc::Clinic&)>& body,
                 const std::string& key_file = "") {
  auto backend = ctx.ports.open_clinic(url, 1, 1, key_file);
  if (!backend) {
    ctx.err << "kneecoach: " << backend.error().message << "\n";
    ctx.exit_code = backend.error().field == "key-file" ? kExitBadInput : kExitFailure;
    return;
  }
  const auto clock = ctx.ports.clock();
  uc::Clinic clinic{*backend->clinic, *backend->store,   *clock, *backend->hasher, *backend->tokens,
                    *backend->totp,   *backend->secrets, {}};
  const Status done = body(clinic);
  if (!done) {
    ctx.err << "kneecoach: " << done.error().message << "\n";
    const auto& code = done.error().code;
    ctx.exit_code = code == errc::kFailed ? kExitFailure : kExitBadInput;
  }
}

// The key file of `clinic init`: made when missing (said on `out`), else kept as it is.
Status make_key(Context& ctx, const std::string& path) {
  if (path.empty()) {
    return make_error(errc::kInvalid, "key-file",
                      "give --key-file FILE (or set $KNEECOACH_CLINIC_KEY): where to keep the server's key that "
                      "seals two-factor secrets, outside the database (e.g. /etc/kneecoach/clinic.key)");
  }
  const Status made = ctx.ports.create_clinic_key(path);
  if (made) {
    ctx.out << fmt::format(
        "Made the key file {} (mode 0600). Back it up apart from the database: without it no "
        "two-factor secret can be read (docs/deploy.md).\n",
        path);
    return Ok{};
  }
  return made.error().code == errc::kConflict ? Ok{} : made;
}

void add_init(CLI::App& clinic, Context& ctx) {
  auto url = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto key = std::make_shared<std::string>();
  CLI::App* cmd = clinic.add_subcommand(
      "init",
      "Create (or bring up to date) the clinic's schema in the database, and its first admin account.\n"
      "Asks for the admin's username and password, or reads them from --admin-file. Makes the key file when it is "
      "missing.\nRun again: only migrates, and seals any two-factor secret still stored in clear.");
  add_db_option(*cmd, *url);
  add_key_option(*cmd, *key);
  cmd->add_option("--admin-file", *file,
                  "The first admin: JSON {\"username\": ..., \"password\": ...} or the lines username=NAME and "
                  "password=SECRET");
  cmd->callback([url, file, key, &ctx] {
    if (const Status made = make_key(ctx, *key); !made) {
      ctx.err << "kneecoach: " << made.error().message << "\n";
      ctx.exit_code = made.error().code == errc::kFailed ? kExitFailure : kExitBadInput;
      return;
    }
    with_clinic(
        ctx, *url,
        [&](uc::Clinic& c) -> Status {
          auto sealed = uc::seal_plain_totp_secrets(c);
          if (!sealed) return sealed.error();
          if (*sealed > 0) ctx.out << fmt::format("Sealed {} two-factor secrets stored in clear.\n", *sealed);
          auto admins = uc::list_accounts(c, uc::host_operator(), clinic::Role::kAdmin);
          if (!admins) return admins.error();
          if (!admins->empty()) {
            ctx.out << "The clinic's schema is up to date; it has an admin already (no new one made).\n";
            return Ok{};
          }
          uc::NewAccount account;
          if (!file->empty()) {
            auto read = read_admin_file(*file);
            if (!read) return read.error();
            account = std::move(read).value();
          } else {
            ctx.out << "The first admin's username: " << std::flush;
            std::getline(ctx.in, account.username);
            account.password = read_secret(ctx, "Password (10 to 128 characters): ");
          }
          auto made = uc::create_first_admin(c, account);
          if (!made) return made.error();
          ctx.out << fmt::format(
              "The clinic is ready; admin \"{}\" created. Add clinicians with `kneecoach clinic "
              "clinician add`, then start `kneecoach clinic serve`.\n",
              made->username);
          return Ok{};
        },
        *key);
  });
}

void add_clinician_commands(CLI::App& clinic, Context& ctx) {
  CLI::App* group = clinic.add_subcommand("clinician", "Add, list or disable clinicians' accounts");
  group->require_subcommand(1);
  auto url = std::make_shared<std::string>();
  auto username = std::make_shared<std::string>();

  CLI::App* add = group->add_subcommand("add", "Add a clinician; their first password is read from standard input");
  add_db_option(*add, *url);
  add->add_option("username", *username, "The clinician's username (3-64 of a-z 0-9 . _ @ + -)")->required();
  add->callback([url, username, &ctx] {
    with_clinic(ctx, *url, [&](uc::Clinic& c) -> Status {
      const std::string password = read_secret(ctx, "Password (10 to 128 characters): ");
      auto made = uc::create_clinician(c, uc::host_operator(), {*username, password});
      if (!made) return made.error();
      ctx.out << fmt::format("Clinician \"{}\" added.\n", made->username);
      return Ok{};
    });
  });

  CLI::App* list = group->add_subcommand("list", "List the clinicians: username, state, two-factor, created");
  add_db_option(*list, *url);
  list->callback([url, &ctx] {
    with_clinic(ctx, *url, [&](uc::Clinic& c) -> Status {
      auto all = uc::list_accounts(c, uc::host_operator(), clinic::Role::kClinician);
      if (!all) return all.error();
      for (const auto& a : *all) {
        ctx.out << fmt::format("{}\t{}\t{}\n", a.username, clinic::account_state_name(a.state),
                               a.totp_enabled ? "totp" : "password");
      }
      return Ok{};
    });
  });

  CLI::App* disable = group->add_subcommand("disable", "Disable an account: it cannot sign in; its sessions end");
  add_db_option(*disable, *url);
  disable->add_option("username", *username, "The account's username")->required();
  disable->callback([url, username, &ctx] {
    with_clinic(ctx, *url, [&](uc::Clinic& c) -> Status {
      if (auto done = uc::disable_account(c, uc::host_operator(), *username); !done) return done;
      ctx.out << fmt::format("\"{}\" is disabled; its sessions have ended.\n", *username);
      return Ok{};
    });
  });
}

void add_password_reset(CLI::App& clinic, Context& ctx) {
  auto url = std::make_shared<std::string>();
  auto username = std::make_shared<std::string>();
  auto clear_totp = std::make_shared<bool>(false);
  CLI::App* cmd = clinic.add_subcommand(
      "password-reset", "Set a new password for an account (read from standard input); its sessions end");
  add_db_option(*cmd, *url);
  cmd->add_option("username", *username, "The account's username")->required();
  cmd->add_flag("--clear-totp", *clear_totp, "Also turn two-factor sign-in off (a lost phone)");
  cmd->callback([url, username, clear_totp, &ctx] {
    with_clinic(ctx, *url, [&](uc::Clinic& c) -> Status {
      const std::string password = read_secret(ctx, "New password (10 to 128 characters): ");
      if (auto done = uc::reset_password(c, uc::host_operator(), *username, password, *clear_totp); !done) return done;
      ctx.out << fmt::format("The password of \"{}\" is set; its sessions have ended.\n", *username);
      return Ok{};
    });
  });
}

void add_purge_audit(CLI::App& clinic, Context& ctx) {
  auto url = std::make_shared<std::string>();
  auto days = std::make_shared<int>(static_cast<int>(uc::ClinicConfig{}.audit_retention.count()));
  CLI::App* cmd = clinic.add_subcommand(
      "purge-audit",
      "The audit trail's retention: delete audit rows older than --older-than days, the only way rows leave it.\n"
      "The purge is itself recorded in the audit trail (how many rows, before when). Run it from a daily timer.");
  add_db_option(*cmd, *url);
  cmd->add_option("--older-than", *days,
                  fmt::format("Keep the audit rows of the last DAYS days (default {}, about six years)", *days))
      ->check(CLI::Range(1, 36600));
  cmd->callback([url, days, &ctx] {
    with_clinic(ctx, *url, [&](uc::Clinic& c) -> Status {
      c.config.audit_retention = std::chrono::days{*days};
      auto purged = uc::purge_audit(c, uc::host_operator());
      if (!purged) return purged.error();
      const TimePoint before = c.clock.now() - c.config.audit_retention;
      ctx.out << fmt::format(
          "Purged {} audit rows from before {} (older than {} days); the purge is in the audit trail.\n", *purged,
          store::format_instant(before), *days);
      return Ok{};
    });
  });
}

}  // namespace

void add_clinic_accounts(CLI::App& clinic, Context& ctx) {
  add_init(clinic, ctx);
  add_clinician_commands(clinic, ctx);
  add_password_reset(clinic, ctx);
  add_purge_audit(clinic, ctx);
}

}  // namespace kc::cli
