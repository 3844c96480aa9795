// The printable handout as a PDF, drawn from the handout use case's model (cairo + pango, fonts
// embedded): the week, the sessions, when to make an exercise harder and the review date; the
// safety rules on a page of their own; a tick-box log of every planned session by week; then the
// exercise cards, two to a page where they fit (handout_card.h), and where the exercises come from.
// Blocks never straddle a page edge.
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
