// Drawings of an exercise ready to render: its keyframes, and the frames of one animated rep,
// all sharing the same bounds so they line up.
#pragma once

#include <optional>
#include <vector>

#include "core/common/result.h"
#include "core/figure/animation.h"
#include "core/figure/drawing.h"

namespace kc::figure {

// One drawing per keyframe, each with the bounds of them all.
Result<std::vector<Drawing>> keyframe_drawings(const ExercisePoses& poses, int outline_points = 0);

// Frames of one rep sampled at `fps`, from 0 to the rep's end inclusive (so the last frame
// matches the first), each with the bounds of them all.
Result<std::vector<Drawing>> rep_drawings(const ExercisePoses& poses, const RepTiming& timing, double fps,
                                          int outline_points, const std::optional<Fault>& fault = std::nullopt);

// Gives every drawing the union of their bounds.
void share_bounds(std::vector<Drawing>& drawings);

// The region a picture of `poses` shows when it has a `focus`: the box round those landmarks in
// every keyframe (the motion's extremes), with kFocusMargin metres on each side, never more than
// the drawings' own bounds. nullopt without a focus. Errors: an unknown landmark, as place's.
inline constexpr double kFocusMargin = 0.05;
Result<std::optional<std::pair<Point2, Point2>>> focus_bounds(const ExercisePoses& poses);

// `drawings` with every bounds set to the focus (a picture zoomed to it); without a focus, unchanged.
Result<std::vector<Drawing>> zoom_to_focus(const ExercisePoses& poses, std::vector<Drawing> drawings);

}  // namespace kc::figure
