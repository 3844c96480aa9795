// Record a measure: pain ratings, the PSFS, the chair stand, the global rating of change
// (docs/measures.md). The terminal asks the questions; the API takes the answers in a body.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/store/store.h"

namespace kc::usecases {

// What was measured: `measure` (tracking::recordable_measures), `value`, `items` (psfs) and a
// `note`; the person, the day and the instant are filled in by record_measures.
struct MeasureRequest {
  std::string person;                            // the person's name (the API's person id)
  std::optional<CivilDate> date;                 // the day measured; default today
  std::vector<store::Measurement> measurements;  // one or more, saved together
};

struct MeasureOutcome {
  std::vector<store::Measurement> saved;  // with their ids; psfs value = the mean of its items
};

// Checks each measurement (tracking::check_measurement; with several, field and message are
// prefixed "measurements[i]."; a note of at most 1000 characters, errc::kOutOfRange), finds the
// person (find_program's errors, kStopped included) and saves them all in one transaction at the
// day of request.date. errc::kMissing when there is none; kFailed when the store fails.
Result<MeasureOutcome> record_measures(store::Store& store, const Clock& clock, const MeasureRequest& request);

}  // namespace kc::usecases
