// Reading stored records back from any back end's result rows, so that SQLite and PostgreSQL
// decode them by one set of rules. A Row has int64, integer, real, text, view (the text without a
// copy, valid while the row is), opt_text, opt_int and is_null, each taking a 0-based column
// index (sqlite::Stmt and postgres::Row do). The column lists name the columns each reader
// expects, in order.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/common/result.h"
#include "core/store/codec.h"
#include "core/store/records.h"

namespace kc::store {

inline std::string iso(CivilDate d) { return to_iso(d); }

inline Result<CivilDate> date_from(std::string_view text) {
  if (auto d = parse_iso_date(text)) return *d;
  return make_error(fmt::format("store: a stored date is malformed: \"{}\"", text));
}

inline Result<TimePoint> instant_from(std::string_view text) {
  if (auto t = parse_instant(text)) return *t;
  return make_error(fmt::format("store: a stored time is malformed: \"{}\"", text));
}

template <typename Row>
Result<Person> read_person(const Row& s) {
  auto at = instant_from(s.view(2));
  if (!at) return at.error();
  return Person{s.int64(0), s.text(1), *at};
}

inline constexpr const char* kSessionColumns =
    "id, person_id, plan_id, date, session, started_at, ended_at, status, pain_during";

template <typename Row>
Result<SessionLog> read_session(const Row& s) {
  SessionLog log;
  log.id = s.int64(0);
  log.person = s.int64(1);
  log.plan = s.int64(2);
  auto d = date_from(s.view(3));
  if (!d) return d.error();
  log.date = *d;
  log.session = s.text(4);
  auto started = instant_from(s.view(5));
  if (!started) return started.error();
  log.started_at = *started;
  if (auto ended = s.opt_text(6)) {
    auto e = instant_from(*ended);
    if (!e) return e.error();
    log.ended_at = *e;
  }
  auto status = parse_session_status(s.text(7));
  if (!status) return make_error(fmt::format("store: unknown session status \"{}\"", s.text(7)));
  log.status = *status;
  log.pain_during = s.opt_int(8);
  return log;
}

inline constexpr const char* kExerciseLogColumns =
    "id, session_id, person_id, position, exercise_id, outcome, planned_dose, sets_done, reps_done, holds_done, "
    "seconds, pain, finished_at, camera_json, feedback";

template <typename Row>
Result<ExerciseLog> read_exercise_log(const Row& s) {
  ExerciseLog log;
  log.id = s.int64(0);
  log.session = s.int64(1);
  log.person = s.int64(2);
  log.position = s.integer(3);
  log.exercise_id = s.text(4);
  auto outcome = parse_outcome(s.text(5));
  if (!outcome) return make_error(fmt::format("store: unknown exercise outcome \"{}\"", s.text(5)));
  log.outcome = *outcome;
  auto dose = dose_from_text(s.view(6));
  if (!dose) return dose.error();
  log.planned = *dose;
  log.sets_done = s.integer(7);
  log.reps_done = s.integer(8);
  log.holds_done = s.integer(9);
  log.seconds = s.integer(10);
  log.pain = s.opt_int(11);
  auto at = instant_from(s.view(12));
  if (!at) return at.error();
  log.finished_at = *at;
  log.camera_json = s.text(13);
  auto feedback = parse_feedback(s.text(14));
  if (!feedback) return make_error(fmt::format("store: unknown exercise feedback \"{}\"", s.text(14)));
  log.feedback = *feedback;
  return log;
}

inline constexpr const char* kMeasurementColumns =
    "id, person_id, measure, taken_at, date, value, items, session_id, note";

template <typename Row>
Result<Measurement> read_measurement(const Row& s) {
  Measurement m;
  m.id = s.int64(0);
  m.person = s.int64(1);
  m.measure = s.text(2);
  auto at = instant_from(s.view(3));
  if (!at) return at.error();
  m.taken_at = *at;
  auto d = date_from(s.view(4));
  if (!d) return d.error();
  m.date = *d;
  m.value = s.real(5);
  auto items = items_from_text(s.view(6));
  if (!items) return items.error();
  m.items = *items;
  if (!s.is_null(7)) m.session = s.int64(7);
  m.note = s.text(8);
  return m;
}

inline constexpr const char* kCheckInColumns =
    "id, person_id, at, date, next_morning_pain, red_flags, triage_level, stopped_program";

template <typename Row>
Result<CheckIn> read_check_in(const Row& s) {
  CheckIn c;
  c.id = s.int64(0);
  c.person = s.int64(1);
  auto at = instant_from(s.view(2));
  if (!at) return at.error();
  c.at = *at;
  auto d = date_from(s.view(3));
  if (!d) return d.error();
  c.date = *d;
  c.next_morning_pain = s.integer(4);
  auto flags = strings_from_text(s.view(5));
  if (!flags) return flags.error();
  c.red_flags = *flags;
  c.triage_level = s.text(6);
  c.stopped_program = s.integer(7) != 0;
  return c;
}

inline constexpr const char* kDoseChangeColumns =
    "id, person_id, plan_id, at, date, exercise_id, now_doing, decision, from_dose, to_dose, reason, "
    "coalesce(check_in_id, 0)";

template <typename Row>
Result<DoseChange> read_dose_change(const Row& s) {
  DoseChange c;
  c.id = s.int64(0);
  c.person = s.int64(1);
  c.plan = s.int64(2);
  auto at = instant_from(s.view(3));
  if (!at) return at.error();
  c.at = *at;
  auto d = date_from(s.view(4));
  if (!d) return d.error();
  c.date = *d;
  c.exercise_id = s.text(5);
  c.now_doing = s.text(6);
  auto decision = parse_decision(s.text(7));
  if (!decision) return make_error(fmt::format("store: unknown dose decision \"{}\"", s.text(7)));
  c.decision = *decision;
  auto from = dose_from_text(s.view(8));
  if (!from) return from.error();
  c.from = *from;
  auto to = dose_from_text(s.view(9));
  if (!to) return to.error();
  c.to = *to;
  c.reason = s.text(10);
  c.check_in = s.int64(11);
  return c;
}

inline constexpr const char* kProgramChangeColumns =
    "id, person_id, coalesce(plan_id, 0), at, date, kind, exercise_id, replacement, block, dose, message, by_name, "
    "reason, override_reason, overridden_rule";

template <typename Row>
Result<ProgramChange> read_program_change(const Row& s) {
  ProgramChange c;
  c.id = s.int64(0);
  c.person = s.int64(1);
  c.plan = s.int64(2);
  auto at = instant_from(s.view(3));
  if (!at) return at.error();
  c.at = *at;
  auto d = date_from(s.view(4));
  if (!d) return d.error();
  c.date = *d;
  auto kind = parse_change_kind(s.text(5));
  if (!kind) return make_error(fmt::format("store: unknown program change \"{}\"", s.text(5)));
  c.kind = *kind;
  c.exercise = s.text(6);
  c.replacement = s.text(7);
  c.block = s.text(8);
  if (auto text = s.opt_text(9)) {
    auto dose = dose_from_text(*text);
    if (!dose) return dose.error();
    c.dose = *dose;
  }
  c.text = s.text(10);
  c.by = s.text(11);
  c.reason = s.text(12);
  c.override_reason = s.text(13);
  c.overridden_rule = s.text(14);
  return c;
}

inline constexpr const char* kPlanColumns =
    "id, person_id, answers_id, created_at, start_date, weeks, level, baseline_pain, reviews, plan_json, "
    "stopped_at, stop_reason";

// The plan's own row; its sessions, exercises and calendar are read separately.
template <typename Row>
Result<PlanRecord> read_plan(const Row& s) {
  PlanRecord p;
  p.id = s.int64(0);
  p.person = s.int64(1);
  p.answers = s.int64(2);
  auto created = instant_from(s.view(3));
  if (!created) return created.error();
  p.created_at = *created;
  auto start = date_from(s.view(4));
  if (!start) return start.error();
  p.start = *start;
  p.weeks = s.integer(5);
  p.level = s.text(6);
  p.baseline_pain = s.integer(7);
  auto reviews = strings_from_text(s.view(8));
  if (!reviews) return reviews.error();
  for (const auto& r : *reviews) {
    auto d = date_from(r);
    if (!d) return d.error();
    p.reviews.push_back(*d);
  }
  p.plan_json = s.text(9);
  if (auto stopped = s.opt_text(10)) {
    auto t = instant_from(*stopped);
    if (!t) return t.error();
    p.stopped_at = *t;
  }
  p.stop_reason = s.text(11);
  return p;
}

// One scheduled day of a plan: columns date, week, session.
template <typename Row>
Result<PlanDay> read_plan_day(const Row& s) {
  auto d = date_from(s.view(0));
  if (!d) return d.error();
  return PlanDay{*d, s.integer(1), s.text(2)};
}

inline constexpr const char* kClearanceColumns = "id, person_id, plan_id, recorded_at, cleared_on, json";

template <typename Row>
Result<ClearanceRecord> read_clearance(const Row& s) {
  auto at = instant_from(s.view(3));
  if (!at) return at.error();
  auto on = date_from(s.view(4));
  if (!on) return on.error();
  return ClearanceRecord{s.int64(0), s.int64(1), s.int64(2), *at, *on, s.text(5)};
}

}  // namespace kc::store
