#include "adapters/content/yaml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/common/text.h"

namespace kc::content {

void Diagnostics::add(const std::string& file, int line, const std::string& message) {
  items_.push_back(line > 0 ? fmt::format("{}:{}: {}", file, line, message) : fmt::format("{}: {}", file, message));
}

std::string Diagnostics::str() const {
  std::string out;
  for (const auto& item : items_) out += item + "\n";
  return out;
}

int line_of(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const YAML::Mark mark = node.Mark();
  return mark.line < 0 ? 0 : mark.line + 1;
}

std::optional<YAML::Node> parse_yaml_file(const std::string& path, Diagnostics& diag) {
  std::ifstream in(path);
  if (!in) {
    diag.add(path, 0, "cannot open the file; check that it exists and is readable");
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    return YAML::Load(buffer.str());
  } catch (const YAML::ParserException& e) {
    diag.add(path, e.mark.line + 1,
             fmt::format("YAML syntax error: {}; expected valid YAML (check indentation, colons and quotes)", e.msg));
    return std::nullopt;
  }
}

namespace {

std::string type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return fmt::format("\"{}\"", node.Scalar());
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "an undefined value";
  }
}

}  // namespace

MapReader::MapReader(const YAML::Node& map, std::string file, Diagnostics& diag, std::string where)
    : map_(map), file_(std::move(file)), diag_(&diag), where_(std::move(where)) {
  if (!map_.IsMap()) {
    valid_ = false;
    diag_->add(file_, line_of(map_),
               fmt::format("{} is {}; expected a map of fields (key: value)", where_.empty() ? "the document" : where_,
                           type_name(map_)));
  }
}

std::string MapReader::path(const std::string& key) const { return where_.empty() ? key : where_ + "." + key; }

bool MapReader::has(const std::string& key) const { return valid_ && map_[key].IsDefined() && !map_[key].IsNull(); }

int MapReader::line(const std::string& key) const {
  if (!valid_) return line_of(map_);
  const YAML::Node node = map_[key];
  return node.IsDefined() ? line_of(node) : line_of(map_);
}

void MapReader::error(const std::string& key, const std::string& message) {
  diag_->add(file_, key.empty() ? line() : line(key), message);
}

YAML::Node MapReader::raw(const std::string& key) {
  read_.insert(key);
  if (!valid_) return YAML::Node();
  return map_[key];
}

std::optional<std::string> MapReader::text(const std::string& key, bool required) {
  const YAML::Node node = raw(key);
  if (!valid_) return std::nullopt;
  if (!node.IsDefined() || node.IsNull()) {
    if (required) error("", fmt::format("missing field '{}'; expected a text value", path(key)));
    return std::nullopt;
  }
  if (!node.IsScalar() || node.Scalar().empty()) {
    error(key, fmt::format("'{}' is {}; expected non-empty text", path(key), type_name(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<bool> MapReader::boolean(const std::string& key, bool required) {
  const YAML::Node node = raw(key);
  if (!valid_) return std::nullopt;
  if (!node.IsDefined() || node.IsNull()) {
    if (required) error("", fmt::format("missing field '{}'; expected true or false", path(key)));
    return std::nullopt;
  }
  const std::string s = node.IsScalar() ? node.Scalar() : "";
  if (s == "true") return true;
  if (s == "false") return false;
  error(key, fmt::format("'{}' is {}; expected true or false", path(key), type_name(node)));
  return std::nullopt;
}

std::optional<int> MapReader::integer(const std::string& key, bool required, int min, int max) {
  const YAML::Node node = raw(key);
  if (!valid_) return std::nullopt;
  if (!node.IsDefined() || node.IsNull()) {
    if (required)
      error("", fmt::format("missing field '{}'; expected a whole number from {} to {}", path(key), min, max));
    return std::nullopt;
  }
  int value = 0;
  if (!node.IsScalar() || !YAML::convert<int>::decode(node, value)) {
    error(key, fmt::format("'{}' is {}; expected a whole number from {} to {}", path(key), type_name(node), min, max));
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(key,
          fmt::format("'{}' is {}, out of range; expected a whole number from {} to {}", path(key), value, min, max));
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> MapReader::text_list(const std::string& key, bool required,
                                                             std::size_t min_items) {
  const YAML::Node node = raw(key);
  if (!valid_) return std::nullopt;
  if (!node.IsDefined() || node.IsNull()) {
    if (required) error("", fmt::format("missing field '{}'; expected a list", path(key)));
    return std::nullopt;
  }
  if (!node.IsSequence()) {
    error(key, fmt::format("'{}' is {}; expected a list (- item per line, or [a, b])", path(key), type_name(node)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node item = node[i];
    if (!item.IsScalar() || item.Scalar().empty()) {
      diag_->add(file_, line_of(item),
                 fmt::format("'{}' item {} is {}; expected non-empty text", path(key), i + 1, type_name(item)));
      ok = false;
      continue;
    }
    out.push_back(item.Scalar());
  }
  if (ok && out.size() < min_items) {
    error(key, fmt::format("'{}' has {} item(s); expected at least {}", path(key), out.size(), min_items));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return out;
}

namespace {

std::string unknown_word_message(const std::string& where, const std::string& value,
                                 const std::vector<std::string>& allowed) {
  const auto near = kc::closest_matches(value, allowed, 1);
  std::string message = fmt::format("'{}' has unknown value \"{}\"; expected {}", where, value, kc::join_or(allowed));
  if (!near.empty()) message += fmt::format(" (did you mean \"{}\"?)", near.front());
  return message;
}

}  // namespace

std::optional<std::string> MapReader::word(const std::string& key, bool required,
                                           const std::vector<std::string>& allowed) {
  const YAML::Node node = raw(key);
  if (!valid_) return std::nullopt;
  if (!node.IsDefined() || node.IsNull()) {
    if (required) error("", fmt::format("missing field '{}'; expected {}", path(key), kc::join_or(allowed)));
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    error(key, fmt::format("'{}' is {}; expected {}", path(key), type_name(node), kc::join_or(allowed)));
    return std::nullopt;
  }
  if (std::find(allowed.begin(), allowed.end(), node.Scalar()) == allowed.end()) {
    error(key, unknown_word_message(path(key), node.Scalar(), allowed));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::vector<std::string>> MapReader::word_list(const std::string& key, bool required,
                                                             const std::vector<std::string>& allowed) {
  auto items = text_list(key, required);
  if (!items) return std::nullopt;
  bool ok = true;
  const YAML::Node node = map_[key];
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string& item = (*items)[i];
    if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
      diag_->add(file_, line_of(node[i]), unknown_word_message(path(key), item, allowed));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return items;
}

std::optional<MapReader> MapReader::map(const std::string& key, bool required) {
  const YAML::Node node = raw(key);
  if (!valid_) return std::nullopt;
  if (!node.IsDefined() || node.IsNull()) {
    if (required) error("", fmt::format("missing field '{}'; expected a map of fields", path(key)));
    return std::nullopt;
  }
  MapReader child(node, file_, *diag_, path(key));
  if (!child.valid()) return std::nullopt;
  return child;
}

std::optional<std::vector<MapReader>> MapReader::map_list(const std::string& key, bool required) {
  const YAML::Node node = raw(key);
  if (!valid_) return std::nullopt;
  if (!node.IsDefined() || node.IsNull()) {
    if (required) error("", fmt::format("missing field '{}'; expected a list of maps", path(key)));
    return std::nullopt;
  }
  if (!node.IsSequence()) {
    error(key, fmt::format("'{}' is {}; expected a list of maps", path(key), type_name(node)));
    return std::nullopt;
  }
  std::vector<MapReader> out;
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    MapReader child(node[i], file_, *diag_, fmt::format("{}[{}]", path(key), i + 1));
    if (!child.valid()) ok = false;
    out.push_back(std::move(child));
  }
  if (!ok) return std::nullopt;
  return out;
}

void MapReader::finish(const std::vector<std::string>& known_keys) {
  if (!valid_) return;
  for (const auto& entry : map_) {
    const std::string key = entry.first.as<std::string>("");
    if (std::find(known_keys.begin(), known_keys.end(), key) != known_keys.end()) continue;
    const auto near = kc::closest_matches(key, known_keys, 1);
    std::string message = fmt::format("unknown field '{}'", path(key));
    message += near.empty() ? fmt::format("; expected one of {}", kc::join(known_keys))
                            : fmt::format("; did you mean '{}'?", near.front());
    diag_->add(file_, line_of(entry.first), message);
  }
}

}  // namespace kc::content
