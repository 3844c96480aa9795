// Record a measure: pain ratings, the PSFS, the chair stand, the global rating of change
// (docs/measures.md). The terminal asks the questions; the API takes the answers in a body.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/common/clock.h"
#include "core/common/result.h"
#include "core/store/store.h"
#include "core/tracking/measure_standing.h"
#include "core/tracking/measures.h"

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

// One measure as a person's page shows it: its definition, where they stand, and what the next
// entry needs: the PSFS activities to rate again (the first record's, in order; empty the first
// time), the chair-stand norm band for their stored age (nullopt outside 60-94).
struct MeasureStanding {
  const tracking::MeasureDef* def = nullptr;
  tracking::Standing standing;
  std::vector<std::string> activities;     // psfs
  std::optional<tracking::NormBand> norm;  // chair-stand
};

struct MeasureStandings {
  int age = 0;                            // from the stored answers; 0 when none
  std::vector<MeasureStanding> measures;  // psfs, chair-stand, grc, in that order
};

// Where the person `person` stands on psfs, chair-stand and grc (tracking::standing_of over the
// program's history). A stopped program is shown too. Errors: load_program's, errc::kInvalid when
// `measures` lacks one of the three (content is checked when loaded, so only with broken content).
Result<MeasureStandings> measure_standings(store::Store& store, const tracking::MeasureSet& measures,
                                           const std::string& person);

}  // namespace kc::usecases
