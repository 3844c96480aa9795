// Loads the FHIR Questionnaires we publish, content/fhir/questionnaires/*.json (docs/fhir.md),
// and checks them against what the export writes: each names its canonical URL and version,
// the intake's items are the intake questions (same linkIds, matching types) and the check-in's
// are the next-morning pain and the warning signs.
#pragma once

#include <string>

#include "core/common/result.h"

namespace kc::content {

// <content_root>/fhir/questionnaires.
std::string fhir_questionnaires_dir(const std::string& content_root);

// Checks intake, check-in, psfs and grc; returns how many were read. The error lists every
// problem as "file: what; expected ...".
Result<int> load_fhir_questionnaires(const std::string& content_root);

}  // namespace kc::content
