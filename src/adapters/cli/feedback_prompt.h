// The terminal's end-of-session question: what the person says of each exercise done ("too
// easy", "too hard", "it hurt"), which progression uses (core/tracking/feedback.h).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "core/store/records.h"
#include "usecases/log_session.h"

namespace kc::cli {

// Reads one answer: "" or "ok" (nothing to say), "e"/"too easy", "h"/"too hard", "p"/"hurt"/
// "it hurt" (any case, spaces or dashes alike); nullopt for anything else.
std::optional<store::ExerciseFeedback> read_feedback_answer(const std::string& line);

// Asks whether there is anything to say (Enter or anything but y: nothing), then about each named exercise in turn
// (`names[i]` at position `positions[i]`), repeating a question until its answer reads; stops at the end of input.
// Returns what was said, leaving out "nothing to say".
std::vector<usecases::SaidOf> ask_feedback(const std::vector<std::string>& names, const std::vector<int>& positions,
                                           std::istream& in, std::ostream& out);

// Prints the decisions the person's words led to, changed or not (a change is printed as
// print_judgements prints it).
void print_said_decisions(const std::vector<tracking::Judgement>& judgements, std::ostream& out);

}  // namespace kc::cli
