// Checking the command words before CLI11 parses them: an unknown command or subcommand at any
// level of the command tree is named, with the closest commands, instead of CLI11's "A
// subcommand is required" (or the parent's help when --help follows it).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kc::cli {

// Walks `args` (argv without the program name) down `app`'s subcommands, skipping options and
// their values. Returns the message for the first word that should name a subcommand and
// does not (e.g. "'bogus' is not a command of `kneecoach measure`; ..."), or for a command
// group given no subcommand at all (unless --help or -h is among the words). std::nullopt
// when the words name commands all the way down (CLI11 then parses them as usual).
std::optional<std::string> check_command_words(CLI::App& app, const std::vector<std::string>& args);

}  // namespace kc::cli
