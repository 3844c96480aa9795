// The printable handout as a PDF, drawn from the handout use case's model (cairo + pango, fonts embedded): a first page
// with the week, the sessions and the safety rules, then a card per exercise with its start and end figures, dose,
// steps, form cues and cautions. Blocks never straddle a page edge.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "adapters/render/pose_loader.h"
#include "core/common/result.h"
#include "usecases/handout.h"

namespace kc::render {

enum class Paper { kA4, kLetter };

// "a4" or "letter".
std::optional<Paper> parse_paper(std::string_view s);

// Draws the handout model (usecases/handout.h) with each card's figures from `pictures` into a
// PDF at `path`. Errors: an exercise without poses, or the file cannot be written.
Status write_handout_pdf(const usecases::Handout& h, const content::Illustrations& pictures, Paper paper,
                         const std::string& path);

}  // namespace kc::render
