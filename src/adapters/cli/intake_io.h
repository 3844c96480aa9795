// Reading answers and triaging them, for every command that starts from an answers file
// (`triage`, `plan`, `export`).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "adapters/cli/app.h"
#include "adapters/cli/triage_view.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/triage/level.h"
#include "core/triage/triage.h"

namespace kc::cli {

// Reads and parses the answers document at `path` ("-" reads `stdin_stream`). The error
// names the file (or "standard input") and, per problem, the field and what was expected.
Result<Answers> read_answers(const std::string& path, std::istream& stdin_stream);

// An answers document, with the fields it gives (its keys but "version", in the file's order).
struct AnswersFile {
  Answers answers;
  std::vector<std::string> given;
};
// As read_answers, keeping which fields the document gives.
Result<AnswersFile> read_answers_file(const std::string& path, std::istream& stdin_stream);

// Loads <content_dir>/triage/rules.yaml (same as content::load_rule_set).
Result<RuleSet> load_rule_set(const std::string& content_dir);

// Answers that were read and triaged.
struct Screened {
  Answers answers;
  TriageResult triage;
};

// Reads the answers at `path` ("-" = ctx.in), loads the rules from ctx.content_dir and
// triages. On unreadable/invalid answers or rules: prints the problems to ctx.err, sets
// ctx.exit_code = kExitBadInput and returns std::nullopt. Prints nothing on success and
// leaves ctx.exit_code alone: callers decide (see may_start_program and report_referral).
std::optional<Screened> read_and_triage(const std::string& path, Context& ctx);

// For a result that does not allow a program: prints it (text, or JSON when `json`) to
// ctx.out and sets ctx.exit_code = kExitSeeClinician. Requires !may_start_program(result.level).
void report_referral(const TriageResult& result, bool json, Context& ctx);

// may_start_program(Level) — true for go and caution — comes from core/triage/level.h.

}  // namespace kc::cli
