// The printable handout as a PDF (cairo + pango, fonts embedded): a first page with the week,
// the sessions and the safety rules, then a card per exercise with its start and end
// figures, dose, steps, form cues and cautions. Blocks never straddle a page edge.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "adapters/render/handout_model.h"
#include "core/common/result.h"

namespace kc::render {

enum class Paper { kA4, kLetter };

// "a4" or "letter".
std::optional<Paper> parse_paper(std::string_view s);

// Writes the handout to `path`.
Status write_handout_pdf(const Handout& h, Paper paper, const std::string& path);

}  // namespace kc::render
