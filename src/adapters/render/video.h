// Ground-truth video of the figure doing an exercise: consecutive reps at the exercise's
// timing, chosen reps showing a form fault, written as Y4M.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/figure/animation.h"
#include "core/motion/landmarks.h"

namespace kc::render {

struct VideoRequest {
  int reps = 1;
  int fps = 30;
  int width = 640;
  int height = 480;
  std::optional<figure::Fault> fault;  // shown on `fault_reps`
  std::vector<int> fault_reps;         // 1-based
  // When set, receives the landmarks a perfect pose model would report on each frame.
  std::vector<motion::LandmarkFrame>* landmarks = nullptr;
};

// Renders and writes the video; returns each rep's frames and whether it is faulted.
Result<std::vector<figure::RepSpan>> write_video(const figure::ExercisePoses& poses, const figure::RepTiming& timing,
                                                 const VideoRequest& request, const std::string& path);

}  // namespace kc::render
