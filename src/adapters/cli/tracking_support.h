// Shared pieces of the tracking commands: loading a person's history, what they can do,
// showing dose changes, and asking for numbers at a prompt.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "adapters/cli/app.h"
#include "core/catalog/catalog.h"
#include "core/catalog/exercise_json.h"
#include "core/common/result.h"
#include "core/intake/answers.h"
#include "core/store/store.h"
#include "core/tracking/judge.h"
#include "core/tracking/review.h"
#include "core/tracking/today.h"
#include "usecases/program.h"

namespace kc::cli {

// Prints each changed judgement ("Wall sit: eased to 2 x 20 s holds — because ...") under a
// heading; prints nothing when there is no change. `show_holds` also lists kept doses.
void print_judgements(const std::vector<tracking::Judgement>& judgements, bool show_holds, std::ostream& out);

// Asks `prompt` until a whole number in [min, max] is typed; a wrong answer is explained and
// the question asked again. nullopt when the input ends.
std::optional<int> ask_number(std::istream& in, std::ostream& out, const std::string& prompt, int min, int max);

// Asks a yes/no question the same way.
std::optional<bool> ask_yes_no(std::istream& in, std::ostream& out, const std::string& prompt);

// Asks for a line of text; "" when the person just presses Enter; nullopt at end of input.
std::optional<std::string> ask_line(std::istream& in, std::ostream& out, const std::string& prompt);

// Reports "the input ended before ... was answered; nothing was saved" and sets kExitBadInput.
void report_input_ended(Context& ctx, const std::string& what);

// Reports a store error (kExitFailure).
void report_store_error(Context& ctx, const Error& error);

// Reports a use case's coded error with the exit status its code calls for: kExitSeeClinician
// for a stopped program, kExitBadInput for bad input or a conflict, kExitTooLittle, else
// kExitFailure.
void report_use_case_error(Context& ctx, const Error& error);

}  // namespace kc::cli
