// Loads the short names of the check-in's warning signs: content/triage/signs.yaml.
#pragma once

#include <string>

#include "core/common/result.h"
#include "core/triage/sign_names.h"

namespace kc::content {

// The file under a content root.
std::string sign_names_path(const std::string& content_root);

// Reads and checks `path`: a map `signs` naming every check-in sign (tracking::check_in_signs)
// and nothing else, each name lower case, 1 to 40 characters, no full stop. The error lists
// every problem with its file and line.
Result<SignNames> load_sign_names_file(const std::string& path);
Result<SignNames> load_sign_names(const std::string& content_root);

}  // namespace kc::content
