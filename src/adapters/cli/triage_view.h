// Showing a triage result to people (text) and to programs (JSON).
#pragma once

#include <iosfwd>

#include "core/triage/triage.h"

namespace kc::cli {

// The level in plain words, every reason, the advice (whom to see, how soon) and the
// reminder that kneecoach does not replace a clinician. Ends with a newline.
void print_triage(const TriageResult& result, std::ostream& out);

// Exactly {"level": ..., "reasons": [{"rule": ..., "message": ...}], "advice": ...} and a newline.
void print_triage_json(const TriageResult& result, std::ostream& out);

}  // namespace kc::cli
