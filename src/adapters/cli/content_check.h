// `kneecoach content check`: validates every kind of content in a folder.
#pragma once

#include <string>

#include "adapters/cli/app.h"

namespace kc::cli {

// Checks the content under `dir` (a content root, or an exercises folder on its own).
// In a root, every part present is checked: exercises, triage rules, measures, cues and
// poses. Prints one line per part to ctx.out; on any problem prints every "file:line:
// what is wrong; expected ..." to ctx.err and sets kExitBadInput.
void run_content_check(Context& ctx, const std::string& dir);

}  // namespace kc::cli
