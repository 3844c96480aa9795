// Loads content/exercises/*.yaml into a validated Catalog (schema: docs/content-schema.md).
#pragma once

#include <string>

#include "adapters/content/yaml_reader.h"
#include "core/catalog/catalog.h"
#include "core/common/result.h"

namespace kc::content {

// Reads every *.yaml file in `dir` (sorted by name) and checks each record and the set as a
// whole. On any problem returns an Error whose message holds one "file:line: what is wrong;
// expected ..." line per problem. An empty or missing folder is an error.
Result<Catalog> load_catalog(const std::string& dir);

// The exercises folder inside a content root ("<root>/exercises").
std::string exercises_dir(const std::string& content_root);

}  // namespace kc::content
