// The check-in's questions as JSON, for every surface that asks them (GET /api/v1/check-in-signs;
// the web check-in page builds its form from it).
#pragma once

#include "core/catalog/exercise_json.h"
#include "core/store/records.h"
#include "core/triage/sign_names.h"

namespace kc::usecases {

// {"question": the "anything new?" question, "signs": [{"id", "prompt"}]}: the warning signs of
// tracking::check_in_signs() in the order they are asked, each with its intake question's words.
Json check_in_signs_json();

// One stored check-in with the triage outcome it produced, for the record pages:
// {"id", "date", "at", "next_morning_pain", "triage_level", "level_meaning", "refers", "stopped",
//  "signs": [{"id", "prompt", "name"}]}. The level is the one triage gave when the check-in was saved
// (stored with it); "refers" is true when that level sends the person to a clinician (an unknown
// level refers: errs on the side of referral); "signs" are the warning signs the person named, in
// the words they were asked (check_in_signs_json's prompts) and by their short names for
// sentences ("fever or feeling unwell", `names`: content/triage/signs.yaml; a sign without one by
// its field's words).
Json check_in_record_json(const store::CheckIn& check_in, const SignNames& names);

}  // namespace kc::usecases
