#include "adapters/content/triage_loader.h"

#include <fmt/format.h>

#include <map>
#include <regex>

#include "adapters/content/yaml_reader.h"
#include "core/common/text.h"
#include "core/triage/advice.h"

namespace kc::content {
namespace {

const std::vector<std::string> kRuleKeys{"id", "level", "condition", "message", "sources"};

std::optional<Condition> read_condition(const YAML::Node& node, const std::string& file, Diagnostics& diag,
                                        const std::string& where);

std::optional<std::vector<Condition>> read_group(MapReader& map, const std::string& key, const std::string& file,
                                                 Diagnostics& diag) {
  const YAML::Node list = map.raw(key);
  if (!list.IsSequence() || list.size() == 0) {
    map.error(key, fmt::format("'{}' must be a list of one or more conditions; expected - {{field: ...}} items",
                               map.path(key)));
    return std::nullopt;
  }
  std::vector<Condition> children;
  bool ok = true;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto child = read_condition(list[i], file, diag, fmt::format("{}[{}]", map.path(key), i + 1));
    if (child) {
      children.push_back(std::move(*child));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return children;
}

// The operand of `test` for `field`, read with the type the field needs.
std::optional<Operand> read_operand(MapReader& map, const std::string& key, TestOp test, const AnswerField* field) {
  const YAML::Node node = map.raw(key);
  if (!node.IsScalar()) {
    map.error(key, fmt::format("'{}' must be a single value; expected true/false, a number or a name", map.path(key)));
    return std::nullopt;
  }
  const std::string& text = node.Scalar();
  const bool wants_bool =
      test == TestOp::kKnown || (test == TestOp::kIs && field != nullptr && field->type == FieldType::kBoolean);
  const bool wants_number =
      test == TestOp::kAtLeast || test == TestOp::kAtMost || test == TestOp::kAbove || test == TestOp::kBelow;
  if (wants_bool) {
    if (text == "true") return Operand{true};
    if (text == "false") return Operand{false};
    map.error(key, fmt::format("'{}' is \"{}\"; expected true or false", map.path(key), text));
    return std::nullopt;
  }
  if (wants_number) {
    double value = 0;
    if (!YAML::convert<double>::decode(node, value) || text == "true" || text == "false") {
      map.error(key, fmt::format("'{}' is \"{}\"; expected a number", map.path(key), text));
      return std::nullopt;
    }
    return Operand{value};
  }
  return Operand{text};
}

std::vector<std::string> field_test_keys() {
  std::vector<std::string> keys{"field", "unknown"};
  for (const auto& t : test_names()) keys.push_back(t);
  return keys;
}

// {field: NAME, TEST: OPERAND, ..., unknown: BOOL}; several tests on one field must all hold.
std::optional<Condition> read_field_test(MapReader& map) {
  const auto name = map.text("field", true);
  const std::optional<bool> unknown = map.has("unknown") ? map.boolean("unknown", false) : std::optional<bool>(false);
  map.finish(field_test_keys());
  if (!name || !unknown) return std::nullopt;
  const AnswerField* field = find_answer_field(*name);
  if (field == nullptr) {
    map.error("field",
              fmt::format("{}: {}", map.path("field"), field_test(*name, TestOp::kIs, Operand{true}).error().message));
    return std::nullopt;
  }
  std::vector<Condition> tests;
  bool ok = true;
  const auto names = test_names();
  for (const auto& test_name : names) {
    if (!map.has(test_name)) continue;
    const TestOp test = *parse_test(test_name);
    auto operand = read_operand(map, test_name, test, field);
    if (!operand) {
      ok = false;
      continue;
    }
    auto condition = field_test(*name, test, *operand, *unknown);
    if (!condition.ok()) {
      map.error(test_name, fmt::format("{}: {}", map.path(test_name), condition.error().message));
      ok = false;
      continue;
    }
    tests.push_back(std::move(condition).value());
  }
  if (ok && tests.empty()) {
    map.error("field", fmt::format("'{}' has no test; expected one of {}", map.path("field"), join_or(names)));
    ok = false;
  }
  if (!ok) return std::nullopt;
  if (tests.size() == 1) return std::move(tests.front());
  return all_of(std::move(tests));
}

std::optional<Condition> read_condition(const YAML::Node& node, const std::string& file, Diagnostics& diag,
                                        const std::string& where) {
  MapReader map(node, file, diag, where);
  if (!map.valid()) return std::nullopt;
  std::vector<std::string> kinds;
  for (const auto& key : {"all", "any", "not", "field"})
    if (map.has(key)) kinds.emplace_back(key);
  if (kinds.size() != 1) {
    map.error("", fmt::format("'{}' {}; expected exactly one of all, any, not or field", where,
                              kinds.empty() ? "has none of all, any, not or field" : "mixes " + join_or(kinds)));
    return std::nullopt;
  }
  const std::string& kind = kinds.front();
  if (kind == "field") return read_field_test(map);
  std::optional<Condition> out;
  if (kind == "not") {
    auto child = read_condition(map.raw("not"), file, diag, map.path("not"));
    if (child) out = not_of(std::move(*child));
  } else {
    auto children = read_group(map, kind, file, diag);
    if (children) out = kind == "all" ? all_of(std::move(*children)) : any_of(std::move(*children));
  }
  map.finish({kind});
  return out;
}

std::optional<Rule> read_rule(MapReader& r, const std::string& file, Diagnostics& diag) {
  static const std::regex kId("^[a-z0-9]+(-[a-z0-9]+)*$");
  Rule rule;
  const std::size_t before = diag.size();
  if (auto id = r.text("id", true)) {
    if (!std::regex_match(*id, kId))
      r.error("id", fmt::format("'{}' is \"{}\"; expected lower-case words joined by hyphens, like hot-swollen-knee",
                                r.path("id"), *id));
    rule.id = *id;
  }
  std::vector<std::string> levels = level_names();
  levels.pop_back();  // "go": a rule that fires must raise the level
  if (auto level = r.word("level", true, levels)) rule.level = *parse_level(*level);
  if (auto message = r.text("message", true)) rule.message = *message;
  if (auto sources = r.text_list("sources", true, 1)) rule.sources = *sources;
  if (!r.has("condition")) {
    r.error("",
            fmt::format("missing field '{}'; expected a condition (see docs/triage-rules.md)", r.path("condition")));
  } else if (auto condition = read_condition(r.raw("condition"), file, diag, r.path("condition"))) {
    rule.condition = std::move(*condition);
  }
  r.finish(kRuleKeys);
  if (diag.size() != before) return std::nullopt;
  return rule;
}

void read_advice(MapReader& top, RuleSet& set) {
  auto advice = top.map("advice", true);
  if (!advice) return;
  std::vector<std::string> keys;
  for (const auto& name : level_names()) {
    keys.push_back(name);
    auto text = advice->text(name, true);
    if (!text) continue;
    if (const auto bad = unknown_placeholder(*text); !bad.empty())
      advice->error(name, fmt::format("'{}' is not a placeholder advice may hold; the one there is {}", bad,
                                      kPainMostPlaceholder));
    set.advice[static_cast<std::size_t>(*parse_level(name))] = *text;
  }
  advice->finish(keys);
}

void read_rules(MapReader& top, const std::string& file, RuleSet& set, Diagnostics& diag) {
  auto rules = top.map_list("rules", true);
  if (!rules) return;
  if (rules->empty()) top.error("rules", "'rules' is empty; expected at least one rule");
  std::map<std::string, int> first_line;
  for (auto& r : *rules) {
    auto rule = read_rule(r, file, diag);
    if (!rule) continue;
    if (auto [it, fresh] = first_line.emplace(rule->id, r.line("id")); !fresh) {
      r.error("id", fmt::format("rule id \"{}\" is used twice (first at line {}); expected every id to be unique",
                                rule->id, it->second));
      continue;
    }
    set.rules.push_back(std::move(*rule));
  }
}

}  // namespace

std::string triage_rules_path(const std::string& content_root) { return content_root + "/triage/rules.yaml"; }

Result<RuleSet> load_rule_file(const std::string& path) {
  Diagnostics diag;
  auto doc = parse_yaml_file(path, diag);
  if (!doc) return make_error(diag.str());
  MapReader top(*doc, path, diag);
  RuleSet set;
  if (top.valid()) {
    read_advice(top, set);
    read_rules(top, path, set, diag);
    top.finish({"advice", "rules"});
  }
  if (!diag.empty()) return make_error(diag.str());
  return set;
}

Result<RuleSet> load_rule_set(const std::string& content_root) {
  return load_rule_file(triage_rules_path(content_root));
}

}  // namespace kc::content
