// One exercise card of the PDF handout: name and dose, every keyframe as a figure (start, any
// middle, end), steps, form cues, cautions, when to make it harder and why it is in the plan.
// Tall figures stand beside the steps, wide (lying) figures run across the card above them, so
// two cards usually share a page.
#pragma once

#include "adapters/render/handout_pages.h"
#include "core/figure/frames.h"
#include "core/figure/scene.h"
#include "usecases/handout.h"

namespace kc::render {

// The height `c` takes when drawn by place_card on `p`'s page width.
double card_height(const Pages& p, const usecases::HandoutCard& c, const figure::ExercisePoses& poses);

// The figures a card draws: one per keyframe, zoomed to the pose file's `focus` when it has one
// (figure::zoom_to_focus, as the browser's figures and PNGs). Errors: keyframe_drawings'.
Result<std::vector<figure::Drawing>> card_drawings(const figure::ExercisePoses& poses);

// Draws the card at the cursor, on a new page unless it fits in what is left of this one.
void place_card(Pages& p, const usecases::HandoutCard& c, const figure::ExercisePoses& poses);

}  // namespace kc::render
