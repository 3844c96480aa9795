// The store's tables in SQL, one step per schema version (and how a person's rows are deleted): the one source of the
// schema for every back end. SQLite runs each step as written; PostgreSQL runs it with its own words for the same types
// (postgres/store_schema.cpp). A new version appends a step; a step never changes once released. docs/store.md
// describes the tables.
#pragma once

#include <array>
#include <string_view>

namespace kc::store {

// Version 1: every record under a person id. Composite foreign keys (id, person_id) keep a
// record from pointing at another person's plan or session.
inline constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  created_at TEXT NOT NULL
);
CREATE TABLE answers (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  recorded_at TEXT NOT NULL,
  json TEXT NOT NULL,
  triage_level TEXT NOT NULL,
  UNIQUE (id, person_id)
);
CREATE TABLE plan (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  answers_id INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  start_date TEXT NOT NULL,
  weeks INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
  level TEXT NOT NULL CHECK (level IN ('go', 'caution')),
  baseline_pain INTEGER NOT NULL CHECK (baseline_pain BETWEEN 0 AND 10),
  reviews TEXT NOT NULL,
  plan_json TEXT NOT NULL,
  stopped_at TEXT,
  stop_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (id, person_id),
  FOREIGN KEY (answers_id, person_id) REFERENCES answers(id, person_id)
);
CREATE TABLE plan_session (
  plan_id INTEGER NOT NULL REFERENCES plan(id),
  session TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('strength', 'flexibility')),
  title TEXT NOT NULL,
  PRIMARY KEY (plan_id, session)
);
CREATE TABLE plan_exercise (
  plan_id INTEGER NOT NULL,
  session TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  exercise_id TEXT NOT NULL,
  block TEXT NOT NULL CHECK (block IN ('strength', 'flexibility')),
  dose TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (plan_id, session, position),
  FOREIGN KEY (plan_id, session) REFERENCES plan_session(plan_id, session)
);
CREATE TABLE plan_day (
  plan_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  week INTEGER NOT NULL CHECK (week >= 1),
  session TEXT NOT NULL,
  PRIMARY KEY (plan_id, date),
  FOREIGN KEY (plan_id, session) REFERENCES plan_session(plan_id, session)
);
CREATE TABLE session_log (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  plan_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  session TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('in-progress', 'finished', 'quit')),
  pain_during INTEGER CHECK (pain_during BETWEEN 0 AND 10),
  UNIQUE (id, person_id),
  FOREIGN KEY (plan_id, person_id) REFERENCES plan(id, person_id),
  FOREIGN KEY (plan_id, session) REFERENCES plan_session(plan_id, session)
);
CREATE TABLE exercise_log (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  exercise_id TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'skipped')),
  planned_dose TEXT NOT NULL,
  sets_done INTEGER NOT NULL CHECK (sets_done >= 0),
  reps_done INTEGER NOT NULL CHECK (reps_done >= 0),
  holds_done INTEGER NOT NULL CHECK (holds_done >= 0),
  seconds INTEGER NOT NULL CHECK (seconds >= 0),
  pain INTEGER CHECK (pain BETWEEN 0 AND 10),
  finished_at TEXT NOT NULL,
  camera_json TEXT NOT NULL DEFAULT '',
  UNIQUE (session_id, position),
  FOREIGN KEY (session_id, person_id) REFERENCES session_log(id, person_id)
);
CREATE TABLE measurement (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  measure TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  date TEXT NOT NULL,
  value REAL NOT NULL,
  items TEXT NOT NULL DEFAULT '[]',
  session_id INTEGER,
  note TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (session_id, person_id) REFERENCES session_log(id, person_id)
);
CREATE TABLE check_in (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  at TEXT NOT NULL,
  date TEXT NOT NULL,
  next_morning_pain INTEGER NOT NULL CHECK (next_morning_pain BETWEEN 0 AND 10),
  red_flags TEXT NOT NULL DEFAULT '[]',
  triage_level TEXT NOT NULL,
  stopped_program INTEGER NOT NULL CHECK (stopped_program IN (0, 1))
);
CREATE TABLE dose_change (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL,
  plan_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  date TEXT NOT NULL,
  exercise_id TEXT NOT NULL,
  now_doing TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('progress', 'hold', 'ease')),
  from_dose TEXT NOT NULL,
  to_dose TEXT NOT NULL,
  reason TEXT NOT NULL,
  FOREIGN KEY (plan_id, person_id) REFERENCES plan(id, person_id)
);
)sql";

// Version 2: indexes for the per-person reads every command makes.
inline constexpr std::string_view kSchemaV2 = R"sql(
CREATE INDEX answers_by_person ON answers(person_id, recorded_at);
CREATE INDEX plan_by_person ON plan(person_id, created_at);
CREATE INDEX session_log_by_person ON session_log(person_id, started_at);
CREATE INDEX exercise_log_by_person ON exercise_log(person_id, session_id, position);
CREATE INDEX measurement_by_person ON measurement(person_id, measure, taken_at);
CREATE INDEX check_in_by_person ON check_in(person_id, at);
CREATE INDEX dose_change_by_person ON dose_change(person_id, at);
)sql";

// Version 3: repeats and retries. A dose change names the check-in that made it (so replacing a
// check-in undoes exactly its changes; earlier changes are matched by person and instant), and
// idempotency keys keep the first reply of a POST so a retry stores nothing twice.
inline constexpr std::string_view kSchemaV3 = R"sql(
ALTER TABLE dose_change ADD COLUMN check_in_id INTEGER REFERENCES check_in(id);
UPDATE dose_change SET check_in_id = (
  SELECT c.id FROM check_in c WHERE c.person_id = dose_change.person_id AND c.at = dose_change.at
  ORDER BY c.id LIMIT 1);
CREATE INDEX dose_change_by_check_in ON dose_change(check_in_id);
CREATE TABLE idempotency_key (
  key TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 255),
  request TEXT NOT NULL,
  status INTEGER NOT NULL CHECK (status BETWEEN 200 AND 299),
  reply TEXT NOT NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";

// Version 4: what the person said of each exercise after the session (too easy, too hard, it
// hurt); progression uses it (docs/progression.md, "What the person said").
inline constexpr std::string_view kSchemaV4 = R"sql(
ALTER TABLE exercise_log ADD COLUMN feedback TEXT NOT NULL DEFAULT ''
  CHECK (feedback IN ('', 'too-easy', 'too-hard', 'hurt'));
)sql";

// Version 5: a clinician's changes to a person's program (add, remove, swap, dose, limit, pause,
// resume, message), appended and never edited; plan_id is NULL for a message.
inline constexpr std::string_view kSchemaV5 = R"sql(
CREATE TABLE program_change (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  plan_id INTEGER,
  at TEXT NOT NULL,
  date TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('add', 'remove', 'swap', 'dose', 'limit', 'pause', 'resume', 'message')),
  exercise_id TEXT NOT NULL DEFAULT '',
  replacement TEXT NOT NULL DEFAULT '',
  block TEXT NOT NULL DEFAULT '' CHECK (block IN ('', 'strength', 'flexibility')),
  dose TEXT,
  message TEXT NOT NULL DEFAULT '',
  by_name TEXT NOT NULL CHECK (length(by_name) > 0),
  reason TEXT NOT NULL DEFAULT '',
  override_reason TEXT NOT NULL DEFAULT '',
  overridden_rule TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (plan_id, person_id) REFERENCES plan(id, person_id)
);
CREATE INDEX program_change_by_person ON program_change(person_id, at);
)sql";

// Version 6: indexes for reading many persons' recent days at once (the clinic's caseload reads
// every patient's last weeks in a few statements): records by person and date, and the check-ins
// whose triage level refers the person to a clinician (a small set, kept however old).
inline constexpr std::string_view kSchemaV6 = R"sql(
CREATE INDEX session_log_by_person_date ON session_log(person_id, date);
CREATE INDEX check_in_by_person_date ON check_in(person_id, date);
CREATE INDEX check_in_referred ON check_in(person_id, at) WHERE triage_level NOT IN ('go', 'caution');
CREATE INDEX measurement_by_person_date ON measurement(person_id, measure, date);
)sql";

// Version 7: a clinician's clearance ("I have been seen and cleared"), one per plan built under
// it: who, when, the warning signs cleared and the limits, as JSON (core/triage/clearance.h).
inline constexpr std::string_view kSchemaV7 = R"sql(
CREATE TABLE clearance (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person(id),
  plan_id INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  cleared_on TEXT NOT NULL,
  json TEXT NOT NULL,
  UNIQUE (plan_id),
  FOREIGN KEY (plan_id, person_id) REFERENCES plan(id, person_id)
);
)sql";

// Version 8: the caseload's reads answered from indexes alone. A person's rows are spread over
// the whole table (everyone writes every day), so reading them row by row visited one table page
// per row: 2,000 of a caseload page's 2,650 pain ratings were on pages of their own. Each index
// below holds every column the caseload reads of its rows (postgres/caseload_records.cpp), so
// PostgreSQL answers with an index-only scan (bench/clinic/README.md); SQLite reads them the
// same way. The latest session and check-in are found by (person, started_at or at, id) without
// a sort (several may share an instant: a sort read them all).
inline constexpr std::string_view kSchemaV8 = R"sql(
DROP INDEX session_log_by_person;
CREATE INDEX session_log_by_person ON session_log(person_id, started_at, id);
DROP INDEX session_log_by_person_date;
CREATE INDEX session_log_by_person_date
  ON session_log(person_id, date, id, plan_id, session, started_at, ended_at, status, pain_during);
DROP INDEX measurement_by_person_date;
CREATE INDEX measurement_by_person_date ON measurement(person_id, measure, date, taken_at, id, value, session_id);
DROP INDEX check_in_by_person;
CREATE INDEX check_in_by_person ON check_in(person_id, at, id);
CREATE INDEX plan_day_by_plan ON plan_day(plan_id, date, week, session);
)sql";

inline constexpr std::array<std::string_view, 8> kSchemaSteps{kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4,
                                                              kSchemaV5, kSchemaV6, kSchemaV7, kSchemaV8};

// Deleting a person: every record kept under them, children before parents so the foreign keys
// hold at every step. Each statement takes the person's id as its one parameter (`?`). The
// first forgets the replies kept for idempotency keys (copies of their records) of requests to
// their routes (/api/v1/people/NAME/...) or naming them (the reply that created them): the
// request is kept as "METHOD PATH\nBODY" (adapters/http/idempotency.cpp); LIKE's wildcards in
// the name are escaped.
inline constexpr std::array<std::string_view, 14> kDeletePerson{
    R"(DELETE FROM idempotency_key WHERE EXISTS (SELECT 1 FROM (SELECT replace(replace(replace(name, '\', '\\'),
 '%', '\%'), '_', '\_') AS n FROM person WHERE id = ?) p WHERE idempotency_key.request LIKE '% /api/v1/people/' || p.n
 || '/%' ESCAPE '\' OR idempotency_key.reply LIKE '%"' || p.n || '"%' ESCAPE '\'))",
    "DELETE FROM clearance WHERE person_id = ?",
    "DELETE FROM program_change WHERE person_id = ?",
    "DELETE FROM dose_change WHERE person_id = ?",
    "DELETE FROM measurement WHERE person_id = ?",
    "DELETE FROM exercise_log WHERE person_id = ?",
    "DELETE FROM check_in WHERE person_id = ?",
    "DELETE FROM session_log WHERE person_id = ?",
    "DELETE FROM plan_day WHERE plan_id IN (SELECT id FROM plan WHERE person_id = ?)",
    "DELETE FROM plan_exercise WHERE plan_id IN (SELECT id FROM plan WHERE person_id = ?)",
    "DELETE FROM plan_session WHERE plan_id IN (SELECT id FROM plan WHERE person_id = ?)",
    "DELETE FROM plan WHERE person_id = ?",
    "DELETE FROM answers WHERE person_id = ?",
    "DELETE FROM person WHERE id = ?",
};

}  // namespace kc::store
