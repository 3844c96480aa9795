#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/clinic_wiring.h"

extern char** environ;  // NOLINT(readability-redundant-declaration): posix_spawn's environment

namespace kc::app {
namespace {

std::string pg_dump_program() {
  const char* versioned = "/usr/lib/postgresql/15/bin/pg_dump";
  return std::filesystem::exists(versioned) ? versioned : "pg_dump";
}

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Status backup_clinic(const std::string& url, const std::string& file) {
  if (url.empty()) return make_error(errc::kInvalid, "db", "which database? give --db URL (or set $KNEECOACH_DB)");
  const std::string partial = file + ".partial";
  const std::string errors = file + ".errors";
  std::vector<std::string> args{pg_dump_program(), "--format=custom", "--no-password", "--file=" + partial,
                                "--dbname=" + url};
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    std::remove(errors.c_str());
    return make_error(errc::kFailed, "",
                      fmt::format("cannot run {}: {}; install postgresql-client-15", args[0], std::strerror(spawned)));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  const std::string said = read_all(errors);
  std::remove(errors.c_str());
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::remove(partial.c_str());
    return make_error(errc::kFailed, "", fmt::format("pg_dump failed; the backup {} was not written: {}", file, said));
  }
  std::error_code ec;
  std::filesystem::rename(partial, file, ec);
  if (ec) return make_error(errc::kFailed, "", fmt::format("cannot move the backup to {}: {}", file, ec.message()));
  return Ok{};
}

}  // namespace kc::app
