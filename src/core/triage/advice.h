// A triage level's advice (content/triage/rules.yaml) with the person's acceptable pain filled in.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/common/pain.h"
#include "core/triage/triage.h"

namespace kc {

// What a level's advice may hold for the most pain acceptable during exercise.
inline constexpr std::string_view kPainMostPlaceholder = "{pain_most}";

// The advice of `level` with every {pain_most} replaced by `limit.most` (the usual 5/10, or the
// ceiling of the clinician who cleared the person), then each of `notes` after a space.
std::string level_advice(const RuleSet& rules, Level level, const std::vector<std::string>& notes,
                         const PainLimit& limit = {});

// The first "{...}" in `advice` other than {pain_most} (a misspelt placeholder), or empty.
std::string unknown_placeholder(std::string_view advice);

}  // namespace kc
