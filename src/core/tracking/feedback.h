// What the person said of an exercise after a session ("too easy", "too hard", "it hurt") and
// how the progression rules use it. Pure. The branches and their sources are in
// docs/progression.md ("What the person said").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/catalog/catalog.h"
#include "core/store/records.h"
#include "core/tracking/progression.h"

namespace kc::tracking {

// "too-easy", "too-hard", "hurt" (the stored and API words) -> the feedback; nullopt otherwise.
// "" is no feedback (kNone).
std::optional<store::ExerciseFeedback> feedback_from_word(const std::string& word);

// The words a person reads for it: "too easy", "too hard", "it hurt" ("" for none).
std::string feedback_words(store::ExerciseFeedback said);

// One thing a person said of an exercise after a session.
struct Said {
  store::Id session = 0;
  CivilDate date;           // the session's date
  int position = 0;         // the exercise's place in the session
  std::string exercise_id;  // the exercise done
  store::ExerciseFeedback feedback = store::ExerciseFeedback::kNone;
};

// Everything said in `logs` (none of kNone), oldest session first, in session order; a log whose
// session is not in `sessions` is left out.
std::vector<Said> everything_said(const std::vector<store::SessionLog>& sessions,
                                  const std::vector<store::ExerciseLog>& logs);

// "You said \"too hard\" after the session of Mon 7 Dec." for a handout or a note.
std::string said_sentence(const Said& said);

// The decision for one exercise once what the person said of it (evidence.feedback) is taken
// into account; `base` is decide(evidence, ...) for the same evidence and moment.
//  - "it hurt" never lets a dose rise: after the session it eases one step (as pain above the
//    acceptable `limit` does, Thomeé 1997), at the check-in a step up becomes a hold.
//  - "too hard" eases one step after the session (GLA:D: a level is kept only with good
//    control); at the check-in a step up becomes a hold.
//  - "too easy" never lowers the safety rules: after the session it waits for the check-in;
//    at the check-in, when the only reason to hold was the week between steps, it steps up.
// `limit`: the person's acceptable pain (acceptable_pain), which the words quote.
// Every decision it makes names its rule and says why in plain words.
Decision with_feedback(const Decision& base, const ExerciseEvidence& evidence, Moment moment, const PainLimit& limit,
                       const Catalog& catalog, const CanDo& can_do);

}  // namespace kc::tracking
