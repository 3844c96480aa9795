// Loads the illustration content: form cues (content/cues/*.yaml) and keyframe poses
// (content/poses/*.yaml), schema in docs/figure.md. Every problem is reported as
// "file:line: what is wrong; expected ...", including broken contacts and cues.
#pragma once

#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/common/result.h"
#include "core/figure/cues.h"
#include "core/figure/scene.h"

namespace kc::content {

// Reads every cue file in `dir`.
Result<std::vector<figure::Cue>> load_cues(const std::string& dir);

// Reads every pose file in `dir` and checks its fields and names (against `cues`), but not
// its geometry.
Result<std::vector<figure::ExercisePoses>> read_poses(const std::string& dir, const std::vector<figure::Cue>& cues);

// Reads every pose file in `dir`, checking names against `cues`, and the geometry of every
// keyframe (contacts, limits) and that each exercise's keyframes keep its own cues.
Result<std::vector<figure::ExercisePoses>> load_poses(const std::string& dir, const std::vector<figure::Cue>& cues);

// Cues and poses together, checked against the catalog: one pose file per exercise.
struct Illustrations {
  std::vector<figure::Cue> cues;
  std::vector<figure::ExercisePoses> poses;

  // The poses of exercise `id`, or nullptr.
  const figure::ExercisePoses* find(const std::string& id) const;
};

// Loads <root>/cues and <root>/poses and checks that every catalog exercise has poses and
// every pose file names a catalog exercise.
Result<Illustrations> load_illustrations(const std::string& content_root, const Catalog& catalog);

}  // namespace kc::content
