#include "adapters/content/sign_names_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "adapters/content/yaml_reader.h"
#include "core/tracking/check_in_signs.h"

namespace kc::content {
namespace {

constexpr std::size_t kMaxName = 40;

// Why `name` cannot be a sign's short name, or "" when it can.
std::string name_problem(const std::string& name) {
  if (name.empty() || name.size() > kMaxName) return fmt::format("expected 1 to {} characters", kMaxName);
  if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return std::isupper(c) != 0; })) {
    return "expected lower case (it is read inside a sentence)";
  }
  if (name.back() == '.') return "expected no full stop at the end (it is read inside a sentence)";
  return "";
}

}  // namespace

std::string sign_names_path(const std::string& content_root) { return content_root + "/triage/signs.yaml"; }

Result<SignNames> load_sign_names_file(const std::string& path) {
  Diagnostics diag;
  auto doc = parse_yaml_file(path, diag);
  if (!doc) return make_error(diag.str());
  MapReader top(*doc, path, diag);
  SignNames names;
  if (top.valid()) {
    if (auto signs = top.map("signs", true)) {
      for (const auto& field : tracking::check_in_signs()) {
        auto name = signs->text(field, true);
        if (!name) continue;
        if (const std::string why = name_problem(*name); !why.empty()) {
          signs->error(field, fmt::format("\"{}\": {}", *name, why));
          continue;
        }
        names[field] = *name;
      }
      signs->finish(tracking::check_in_signs());
    }
    top.finish({"signs"});
  }
  if (!diag.empty()) return make_error(diag.str());
  return names;
}

Result<SignNames> load_sign_names(const std::string& content_root) {
  return load_sign_names_file(sign_names_path(content_root));
}

}  // namespace kc::content
