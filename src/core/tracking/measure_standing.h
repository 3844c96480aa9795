// Where a person stands on an outcome measure: the first and the latest record, the change
// between them, and whether it reaches the measure's meaningful change (content/measures,
// docs/measures.md), in plain words. One rule for every page that shows it. Pure.
#pragma once

#include <optional>
#include <string>

#include "core/store/records.h"
#include "core/tracking/judge.h"
#include "core/tracking/measures.h"

namespace kc::tracking {

struct Standing {
  std::string measure;                       // def.id: "psfs", "chair-stand" or "grc"
  std::optional<store::Measurement> first;   // the start
  std::optional<store::Measurement> latest;  // the newest record (== first when measured once)
  int count = 0;                             // records of the measure
  // latest - first; for grc the latest rating itself, which already is the change since the start.
  std::optional<double> change;
  std::optional<double> threshold;  // def.meaningful_change (points), when the content gives one
  bool meaningful = false;          // |change| >= threshold
  std::string direction;            // "better", "worse", "same", or "" while there is no change yet
  std::string summary;              // what it means, in one or two sentences
};

// The standing on `def` from the records in `h` (by def.id, in stored order). A higher value is
// better for the three measures this serves (psfs, chair-stand, grc). With no record, or one
// record of psfs or chair-stand, there is no change yet and the summary says what to do.
Standing standing_of(const MeasureDef& def, const History& h);

// The meaningful change of `def` in words: "2 points", "3 stands"; "" when the content gives none.
std::string threshold_text(const MeasureDef& def);

}  // namespace kc::tracking
