// The ranges of the measures a person records by hand (kneecoach measure, POST measures): one
// rule for the terminal and the API. The next-morning and during-session pain ratings are not
// among them; the check-in and the session log record those.
#pragma once

#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/store/records.h"

namespace kc::tracking {

inline constexpr int kMaxChairStands = 80;  // more than 2.5 stands a second is not humanly possible
inline constexpr int kPsfsMaxItems = 5;     // PSFS: up to 5 activities (docs/measures.md)
inline constexpr std::size_t kMaxLabel = 200;
// The one item a chair stand may carry: the norm it was compared with (fewer stands is below
// average for the person's age and sex, CDC STEADI), e.g. {"below-average-under", 11}.
inline constexpr const char* kBelowAverageUnder = "below-average-under";

// The measure ids recorded by hand: pain-now, pain-worst-24h, chair-stand, grc, psfs.
const std::vector<std::string>& recordable_measures();

// Checks one measurement: a recordable measure (errc::kInvalid, field "measure"); for psfs, 1 to
// kPsfsMaxItems items (field "items") each with a label of 1-200 characters and a whole value 0-10 (field
// "items[i].value"), and `value` is ignored (it is their mean); otherwise no items (a chair stand
// may carry its norm item, kBelowAverageUnder 0-80) and a whole `value` in range (field "value"):
// pain 0-10, chair-stand 0-80, grc -7 to +7.
Status check_measurement(const store::Measurement& m);

// The value stored for `m`: the mean of the items for psfs, else m.value.
double measurement_value(const store::Measurement& m);

}  // namespace kc::tracking
