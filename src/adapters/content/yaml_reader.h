// content/: content/*.yaml read into core types, every problem reported as file:line.
// Reading typed fields out of YAML maps with precise, actionable diagnostics.
// Every problem is recorded as "file:line: what is wrong; expected what" and reading
// goes on, so one run reports every problem in a file.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kc::content {

// An ordered list of "file:line: message" problems.
class Diagnostics {
 public:
  void add(const std::string& file, int line, const std::string& message);
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<std::string>& items() const { return items_; }
  // All problems, one per line.
  std::string str() const;

 private:
  std::vector<std::string> items_;
};

// 1-based line of a node (0 when unknown).
int line_of(const YAML::Node& node);

// Parses a whole YAML file. Syntax errors are recorded and yield std::nullopt.
std::optional<YAML::Node> parse_yaml_file(const std::string& path, Diagnostics& diag);

// Reads fields from one YAML map. Keys read are remembered so that finish()
// can report unknown keys (usually typos), with the closest known key.
class MapReader {
 public:
  // `where` names the map in messages, e.g. "dose" -> "dose.sets".
  MapReader(const YAML::Node& map, std::string file, Diagnostics& diag, std::string where = "");

  bool valid() const { return valid_; }
  int line() const { return line_of(map_); }
  int line(const std::string& key) const;
  bool has(const std::string& key) const;

  std::optional<std::string> text(const std::string& key, bool required);
  std::optional<bool> boolean(const std::string& key, bool required);
  std::optional<int> integer(const std::string& key, bool required, int min, int max);
  // A list of non-empty strings; std::nullopt when missing (and required) or malformed.
  std::optional<std::vector<std::string>> text_list(const std::string& key, bool required, std::size_t min_items = 0);
  // A string from a closed vocabulary; the message lists the valid names.
  std::optional<std::string> word(const std::string& key, bool required, const std::vector<std::string>& allowed);
  // A list of words from a closed vocabulary.
  std::optional<std::vector<std::string>> word_list(const std::string& key, bool required,
                                                    const std::vector<std::string>& allowed);
  // A nested map; std::nullopt when missing (and required) or not a map.
  std::optional<MapReader> map(const std::string& key, bool required);
  // A list of maps.
  std::optional<std::vector<MapReader>> map_list(const std::string& key, bool required);
  // The raw node (marked as read); null node when missing.
  YAML::Node raw(const std::string& key);

  // Records an error at `key` (or at the map when key is empty).
  void error(const std::string& key, const std::string& message);
  // Reports every key that was never read.
  void finish(const std::vector<std::string>& known_keys);

  std::string path(const std::string& key) const;  // "dose.sets"

 private:
  YAML::Node map_;
  std::string file_;
  Diagnostics* diag_;
  std::string where_;
  bool valid_ = true;
  std::set<std::string> read_;
};

}  // namespace kc::content
