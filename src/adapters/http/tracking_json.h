// JSON forms of tracking records for the API (api/openapi.yaml: DoseChange, Review,
// Measurement, ExerciseLog, Progress).
#pragma once

#include <vector>

#include "core/catalog/catalog.h"
#include "core/catalog/exercise_json.h"
#include "core/store/records.h"
#include "core/tracking/judge.h"
#include "core/tracking/review.h"
#include "core/triage/sign_names.h"
#include "usecases/progress.h"

namespace kc::http {

// [{"exercise", "now_doing", "name", "decision", "from", "to", "reason"}] in order.
Json changes_json(const std::vector<store::DoseChange>& changes, const Catalog& catalog);

// The after-session decisions, one per exercise judged: [{"exercise" (as in the plan), "name"
// (done from now on), "decision", "rule", "reason"}], so every decision explains itself.
Json judgements_json(const std::vector<tracking::Judgement>& judgements);

// The week in brief (api/openapi.yaml WeekSummary): {"week", "first", "last", "planned",
// "planned_so_far", "done", "partly", "pain_this_week", "pain_last_week", "pain_trend",
// "dose_changes", "next": {"date", "session"} or null, "review", "lines"}.
Json week_summary_json(const tracking::WeekSummary& w, const Catalog& catalog);

// {"due", "date", "see_clinician", "message"}.
Json review_json(const tracking::PainReview& review);

// {"id", "measure", "date", "value", "items": [{"label", "value"}]}.
Json measurement_json(const store::Measurement& m);

// One exercise of a logged session: {"position", "exercise", "name", "outcome", "sets", "reps",
// "holds", "seconds", "pain" (or null), "feedback" ("too-easy", "too-hard", "hurt" or null), "camera"
// (tracking::camera_summary_json, or null when the camera was not used or its stored text cannot be read)}.
Json exercise_log_json(const store::ExerciseLog& l, const Catalog& catalog);

// Everything GET /people/{id}/progress returns (api/openapi.yaml Progress): the progress use
// case's outcome with the program's weeks and the pain bands, for the page to draw as sent; the
// check-ins' warning signs carry their short names from `sign_names`.
Json progress_json(const usecases::ProgressOutcome& p, const Catalog& catalog, const SignNames& sign_names);

}  // namespace kc::http
