// Text forms of store records for any storage back end: enum names, doses as JSON, instants
// and dates as ISO 8601. Pure; round-trips exactly (parse(format(x)) == x).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/store/records.h"

namespace kc::store {

std::string_view to_string(SessionStatus s);     // "in-progress", "finished", "quit"
std::string_view to_string(ExerciseOutcome o);   // "done", "partly", "skipped"
std::string_view to_string(DoseDecision d);      // "progress", "hold", "ease"
std::string_view to_string(ExerciseFeedback f);  // "", "too-easy", "too-hard", "hurt"
std::optional<ExerciseFeedback> parse_feedback(std::string_view s);
std::optional<SessionStatus> parse_session_status(std::string_view s);
std::optional<ExerciseOutcome> parse_outcome(std::string_view s);
std::optional<DoseDecision> parse_decision(std::string_view s);
std::string_view to_string(ChangeKind k);  // "add", "remove", "swap", "dose", "limit", "pause", "resume", "message"
std::optional<ChangeKind> parse_change_kind(std::string_view s);

// "2025-03-03T08:15:00.250Z" (UTC, milliseconds).
std::string format_instant(TimePoint t);
// Parses format_instant's form; nullopt for anything else.
std::optional<TimePoint> parse_instant(std::string_view s);

// The dose as compact JSON (the catalog's JSON form of a dose).
std::string dose_to_text(const Dose& d);
// Parses dose_to_text's form; the error names the problem.
Result<Dose> dose_from_text(std::string_view text);

// PSFS items and string lists as JSON arrays.
std::string items_to_text(const std::vector<MeasureItem>& items);
Result<std::vector<MeasureItem>> items_from_text(std::string_view text);
std::string strings_to_text(const std::vector<std::string>& items);
Result<std::vector<std::string>> strings_from_text(std::string_view text);

}  // namespace kc::store
