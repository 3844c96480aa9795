// Loads the measures, content/measures/*.yaml (format: docs/measures.md).
#pragma once

#include <string>

#include "core/common/result.h"
#include "core/tracking/measures.h"

namespace kc::content {

// Reads one measure file; the error lists every "file:line: problem; expected ..." line.
Result<tracking::MeasureDef> load_measure_file(const std::string& path);

// Every *.yaml in <content_root>/measures, sorted by id; pain, psfs, chair-stand and grc
// must all be there. The error lists every problem in every file.
Result<tracking::MeasureSet> load_measures(const std::string& content_root);

}  // namespace kc::content
