#include "adapters/cli/intake_io.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "adapters/content/triage_loader.h"
#include "core/intake/parse.h"

namespace kc::cli {
namespace {

// Every line of `problems`, prefixed with `where: `.
std::string prefixed(const std::string& where, const std::string& problems) {
  std::istringstream lines(problems);
  std::string line;
  std::string out;
  while (std::getline(lines, line))
    if (!line.empty()) out += fmt::format("{}: {}\n", where, line);
  if (!out.empty()) out.pop_back();
  return out;
}

void print_problems(std::ostream& err, const std::string& problems) {
  err << problems;
  if (problems.empty() || problems.back() != '\n') err << "\n";
}

}  // namespace

Result<AnswersFile> read_answers_file(const std::string& path, std::istream& stdin_stream) {
  std::ostringstream text;
  std::string where = path;
  if (path == "-") {
    where = "standard input";
    text << stdin_stream.rdbuf();
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
      return make_error(fmt::format("{}: is a folder; expected an answers file (JSON, intake format version 1)", path));
    std::ifstream file(path, std::ios::binary);
    if (!file) return make_error(fmt::format("{}: cannot open the file; check that it exists and is readable", path));
    text << file.rdbuf();
  }
  auto answers = parse_answers(text.str());
  if (!answers.ok()) return make_error(prefixed(where, answers.error().message));
  AnswersFile out{std::move(answers).value(), {}};
  // parse_answers accepted it, so it is a JSON object of known fields.
  const auto doc = nlohmann::ordered_json::parse(text.str(), nullptr, false);
  out.given.reserve(doc.size());
  for (const auto& [key, value] : doc.items())
    if (key != "version") out.given.push_back(key);
  return out;
}

Result<Answers> read_answers(const std::string& path, std::istream& stdin_stream) {
  auto file = read_answers_file(path, stdin_stream);
  if (!file) return file.error();
  return std::move(file).value().answers;
}

Result<RuleSet> load_rule_set(const std::string& content_dir) { return content::load_rule_set(content_dir); }

std::optional<Screened> read_and_triage(const std::string& path, Context& ctx) {
  auto answers = read_answers(path, ctx.in);
  if (!answers.ok()) {
    print_problems(ctx.err, answers.error().message);
    ctx.err << "kneecoach: these answers cannot be used; fix the problems above, or create a new answers file "
               "with 'kneecoach intake'.\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  auto rules = load_rule_set(ctx.content_dir);
  if (!rules.ok()) {
    print_problems(ctx.err, rules.error().message);
    ctx.err << "kneecoach: the triage rules have problems (listed above); the format is in docs/triage-rules.md.\n";
    ctx.exit_code = kExitBadInput;
    return std::nullopt;
  }
  Screened screened{std::move(answers).value(), {}};
  screened.triage = evaluate(screened.answers, *rules);
  return screened;
}

void report_referral(const TriageResult& result, bool json, Context& ctx) {
  if (json) {
    print_triage_json(result, ctx.out);
  } else {
    print_triage(result, ctx.out);
  }
  ctx.exit_code = kExitSeeClinician;
}

}  // namespace kc::cli
