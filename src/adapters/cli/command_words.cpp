#include "adapters/cli/command_words.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>

#include "core/common/text.h"

namespace kc::cli {
namespace {

std::vector<std::string> subcommand_names(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

// "kneecoach measure": the command line up to `app`.
std::string command_path(const CLI::App* app) {
  std::vector<std::string> names{app->get_name()};
  for (const CLI::App* p = app->get_parent(); p != nullptr; p = p->get_parent())
    names.insert(names.begin(), p->get_name());
  return join(names, " ");
}

bool takes_value(CLI::App& app, const std::string& word) {
  if (word.find('=') != std::string::npos) return false;
  for (CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    if (const CLI::Option* opt = a->get_option_no_throw(word)) return opt->get_items_expected_min() > 0;
  }
  return false;
}

std::string unknown(CLI::App& group, const std::string& word) {
  const auto names = subcommand_names(group);
  const std::string path = command_path(&group);
  std::string message = group.get_parent() == nullptr ? fmt::format("'{}' is not a kneecoach command.", word)
                                                      : fmt::format("'{}' is not a command of `{}`.", word, path);
  const auto near = closest_matches(word, names, 1);
  if (!near.empty()) message += fmt::format(" Did you mean `{} {}`?", path, near.front());
  return message + fmt::format(" Expected {}; `{} --help` says what each does.", join_or(names), path);
}

}  // namespace

std::optional<std::string> check_command_words(CLI::App& app, const std::vector<std::string>& args) {
  const bool help = std::any_of(args.begin(), args.end(),
                                [](const std::string& a) { return a == "--help" || a == "-h" || a == "--version"; });
  CLI::App* at = &app;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") return std::nullopt;
    if (word.size() > 1 && word[0] == '-') {
      if (takes_value(*at, word)) ++i;
      continue;
    }
    if (subcommand_names(*at).empty()) return std::nullopt;  // a command: its own words follow
    const auto subs = at->get_subcommands([&](CLI::App* sub) { return sub->check_name(word); });
    if (subs.empty()) return unknown(*at, word);
    at = subs.front();
  }
  if (!help && at->get_require_subcommand_min() > 0) {
    const std::string path = command_path(at);
    return fmt::format("`{}` needs a command: {}. `{} --help` says what each does.", path,
                       join_or(subcommand_names(*at)), path);
  }
  return std::nullopt;
}

}  // namespace kc::cli
