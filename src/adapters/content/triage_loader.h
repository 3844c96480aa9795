// Loads the triage rules, content/triage/rules.yaml (format: docs/triage-rules.md).
#pragma once

#include <string>

#include "core/common/result.h"
#include "core/triage/triage.h"

namespace kc::content {

// Reads and checks one rules file. On any problem returns an Error whose message holds one
// "file:line: what is wrong; expected ..." line per problem: YAML syntax, unknown keys,
// unknown answer fields or tests, operands of the wrong type, bad levels, bad or repeated
// ids, a missing message, source or advice.
Result<RuleSet> load_rule_file(const std::string& path);

// The rules file inside a content root ("<root>/triage/rules.yaml").
std::string triage_rules_path(const std::string& content_root);

// load_rule_file(triage_rules_path(content_root)).
Result<RuleSet> load_rule_set(const std::string& content_root);

}  // namespace kc::content
