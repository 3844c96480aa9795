// JSON renderings of the view use cases that both the CLI (--json) and the HTTP API emit
// (api/openapi.yaml: Today, ProgramInForce).
#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/exercise_json.h"
#include "usecases/program_view.h"
#include "usecases/today.h"

namespace kc::usecases {

// `kneecoach today --json` and GET /people/{id}/today: date, week (the program week of the
// day, or null), week_text, scheduled, done, the session with its exercises at the doses in
// force (dose, dose_text, reason, changed_on), next, review_due, see_clinician.
Json today_json(const TodayOutcome& t, const Catalog& catalog);

// One exercise at its dose in force: {plan_exercise, exercise, name, block, dose, dose_text,
// why, changed_on (YYYY-MM-DD or null), change_reason}.
Json dose_in_force_json(const DoseInForce& d);

// GET /people/{id}/plan's "in_force": {date, week, week_text, sessions: [{id, kind, title,
// minutes, exercises: [dose_in_force_json]}]}.
Json program_in_force_json(const ProgramInForce& p);

// A clinician's change: {id, kind, exercise, replacement, dose, limit, text, by, at, date,
// reason, override_reason, overridden_rule} (absent parts null; dose and limit are Dose JSON).
Json program_change_json(const store::ProgramChange& c);

// A clinician's message as the patient reads it: {id, by, at, text}.
Json message_json(const store::ProgramChange& c);

// The pause in force as the patient reads it: {by, at, date, reason}, or null.
Json pause_json(const std::optional<store::ProgramChange>& pause);

// What the patient's plan shows of a clinician's work: "changes" (every change but messages,
// program_change_json) and "messages" (message_json), each in order, added to `j`.
void add_program_changes(Json& j, const std::vector<store::ProgramChange>& changes);

}  // namespace kc::usecases
