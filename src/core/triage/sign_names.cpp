#include "core/triage/sign_names.h"

#include <algorithm>

namespace kc {

std::string sign_name(const SignNames& names, std::string_view field) {
  const auto it = names.find(std::string(field));
  if (it != names.end()) return it->second;
  std::string words(field);
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

}  // namespace kc
