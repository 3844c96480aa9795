#include "adapters/postgres/pg_store.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "adapters/postgres/migrations.h"
#include "adapters/postgres/row.h"
#include "core/store/codec.h"
#include "core/store/rows.h"
#include "core/store/schema_sql.h"

namespace kc::postgres {
namespace {

using namespace kc::store;  // NOLINT(google-build-using-namespace): records are this file's subject
using Tx = pqxx::transaction_base;

std::string str(std::string_view text) { return std::string(text); }

// An SQLite statement with one `?` parameter in PostgreSQL's form ($1).
std::string with_dollar_one(std::string_view sql) {
  std::string out(sql);
  if (auto q = out.find('?'); q != std::string::npos) out.replace(q, 1, "$1");
  return out;
}

// The first key of the advisory locks Store::once takes for idempotency keys ("kcid").
constexpr int kKeyLocks = 0x6b636964;

// Locks the person's row until the transaction ends: their writes that read before writing
// (stopping the active plan, replacing a check-in) run one at a time. Other people's do not wait.
void lock_person(Tx& tx, PersonId person) { exec(tx, "SELECT 1 FROM person WHERE id = $1 FOR NO KEY UPDATE", person); }

Id insert_id(Tx& tx, std::string_view sql, const auto&... args) { return exec1(tx, sql, args...)[0].template as<Id>(); }

// Dose changes as a JSON array for jsonb_to_recordset (kDoseChangesFrom).
std::string dose_changes_json(const std::vector<DoseChange>& changes) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& c : changes) {
    rows.push_back({{"person_id", c.person},
                    {"plan_id", c.plan},
                    {"at", format_instant(c.at)},
                    {"date", iso(c.date)},
                    {"exercise_id", c.exercise_id},
                    {"now_doing", c.now_doing},
                    {"decision", str(to_string(c.decision))},
                    {"from_dose", dose_to_text(c.from)},
                    {"to_dose", dose_to_text(c.to)},
                    {"reason", c.reason},
                    {"check_in_id", c.check_in == 0 ? nlohmann::json(nullptr) : nlohmann::json(c.check_in)}});
  }
  return rows.dump();
}

// Exercise logs as a JSON array for jsonb_to_recordset; a later log of a position replaces an
// earlier one, as log_exercise does.
std::string exercise_logs_json(const std::vector<ExerciseLog>& logs) {
  std::map<int, const ExerciseLog*> by_position;
  for (const auto& log : logs) by_position[log.position] = &log;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [position, log] : by_position) {
    rows.push_back({{"person_id", log->person},
                    {"position", position},
                    {"exercise_id", log->exercise_id},
                    {"outcome", str(to_string(log->outcome))},
                    {"planned_dose", dose_to_text(log->planned)},
                    {"sets_done", log->sets_done},
                    {"reps_done", log->reps_done},
                    {"holds_done", log->holds_done},
                    {"seconds", log->seconds},
                    {"pain", log->pain ? nlohmann::json(*log->pain) : nlohmann::json(nullptr)},
                    {"finished_at", format_instant(log->finished_at)},
                    {"camera_json", log->camera_json},
                    {"feedback", str(to_string(log->feedback))}});
  }
  return rows.dump();
}

// The dose changes of JSON parameter `param` (dose_changes_json); check_in_id from `check_in`
// (an SQL expression) when given, else from the JSON.
std::string dose_changes_from(int param, std::string_view check_in) {
  return fmt::format(
      "INSERT INTO dose_change (person_id, plan_id, at, date, exercise_id, now_doing, decision, from_dose, to_dose, "
      "reason, check_in_id) SELECT d.person_id, d.plan_id, d.at, d.date, d.exercise_id, d.now_doing, d.decision, "
      "d.from_dose, d.to_dose, d.reason, {} FROM jsonb_to_recordset(${}::jsonb) AS d(person_id bigint, plan_id "
      "bigint, at text, date text, exercise_id text, now_doing text, decision text, from_dose text, to_dose text, "
      "reason text, check_in_id bigint)",
      check_in.empty() ? "d.check_in_id" : check_in, param);
}

// A whole session in one statement (Store::save_session): the log, its exercise logs ($10), its
// pain-during rating when it ended with one, and its dose changes ($11); returns the log's id.
const std::string& save_session_sql() {
  static const std::string sql = fmt::format(
      "WITH s AS (INSERT INTO session_log (person_id, plan_id, date, session, started_at, ended_at, status, "
      "pain_during) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, person_id, date), "
      "e AS (INSERT INTO exercise_log (session_id, person_id, position, exercise_id, outcome, planned_dose, "
      "sets_done, reps_done, holds_done, seconds, pain, finished_at, camera_json, feedback) SELECT s.id, "
      "x.person_id, x.position, x.exercise_id, x.outcome, x.planned_dose, x.sets_done, x.reps_done, x.holds_done, "
      "x.seconds, x.pain, x.finished_at, x.camera_json, x.feedback FROM s, jsonb_to_recordset($10::jsonb) AS "
      "x(person_id bigint, position bigint, exercise_id text, outcome text, planned_dose text, sets_done bigint, "
      "reps_done bigint, holds_done bigint, seconds bigint, pain bigint, finished_at text, camera_json text, "
      "feedback text)), "
      "m AS (INSERT INTO measurement (person_id, measure, taken_at, date, value, session_id) SELECT s.person_id, "
      "$9::text, "
      "$6, s.date, $8::double precision, s.id FROM s WHERE $6::text IS NOT NULL AND $8::bigint IS NOT NULL), "
      "d AS ({}) SELECT id FROM s",
      dose_changes_from(11, ""));
  return sql;
}

// A check-in that stops nothing, in one statement (Store::save_check_in): the check-in, its
// next-morning pain rating ($8-$12) and its dose changes ($13, with its id); returns its id.
const std::string& save_check_in_sql() {
  static const std::string sql = fmt::format(
      "WITH c AS (INSERT INTO check_in (person_id, at, date, next_morning_pain, red_flags, triage_level, "
      "stopped_program) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id), "
      "m AS (INSERT INTO measurement (person_id, measure, taken_at, date, value, items, session_id, note) "
      "VALUES ($1, $8, $9, $10, $11, $12, NULL, '')), "
      "d AS ({}) SELECT id FROM c",
      dose_changes_from(13, "(SELECT id FROM c)"));
  return sql;
}

class PgStore final : public Store {
 public:
  explicit PgStore(std::shared_ptr<Database> db) : db_(std::move(db)) {}

  Result<Person> ensure_person(const std::string& name, TimePoint now) override {
    if (name.empty()) return make_error("a person needs a name");
    return db_->write<Person>([&](Tx& tx) -> Result<Person> {
      auto made =
          exec(tx, "INSERT INTO person (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id",
               name, format_instant(now));
      if (!made.empty()) return Person{made[0][0].as<Id>(), name, now};
      auto found = select_person(tx, name);
      if (!found) return found.error();
      if (!*found) return make_error("store: the person \"" + name + "\" vanished while being looked up");
      return **found;
    });
  }

  Result<std::optional<Person>> find_person(const std::string& name) override {
    return db_->read_one<std::optional<Person>>([&](Tx& tx) { return select_person(tx, name); });
  }

  Result<std::optional<Person>> find_person_by_id(PersonId person) override {
    return db_->read_one<std::optional<Person>>([&](Tx& tx) { return select_person_where(tx, "id = $1", person); });
  }

  Result<std::vector<Person>> people() override {
    return db_->read_one<std::vector<Person>>([&](Tx& tx) {
      return collect<Person>(exec(tx, "SELECT id, name, created_at FROM person ORDER BY id"), read_person<Row>);
    });
  }

  Result<Person> create_person(const std::string& name, TimePoint now) override {
    if (name.empty()) return make_error(errc::kInvalid, "person", "a person needs a name");
    return db_->write<Person>([&](Tx& tx) -> Result<Person> {
      auto made =
          exec(tx, "INSERT INTO person (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING id",
               name, format_instant(now));
      if (made.empty()) return make_error(errc::kConflict, "person", "a person named \"" + name + "\" already exists");
      return Person{made[0][0].as<Id>(), name, now};
    });
  }

  Status delete_person(PersonId person) override {
    return db_->write([&](Tx& tx) -> Status {
      for (const std::string_view sql : kDeletePerson) exec(tx, with_dollar_one(sql), person);
      return Ok{};
    });
  }

  Result<Setup> save_setup(const Setup& setup) override {
    return db_->write<Setup>([&](Tx& tx) {
      lock_person(tx, setup.answers.person);
      return insert_setup(tx, setup);
    });
  }

  Result<NewPerson> create_person_with_setup(const std::string& name, TimePoint now, Setup setup) override {
    if (name.empty()) return make_error("a person needs a name");
    return db_->write<NewPerson>([&](Tx& tx) -> Result<NewPerson> {
      auto found = select_person(tx, name);
      if (!found) return found.error();
      if (*found) return make_error("store: a person named \"" + name + "\" already exists");
      const Person person{insert_id(tx, "INSERT INTO person (name, created_at) VALUES ($1, $2) RETURNING id", name,
                                    format_instant(now)),
                          name, now};
      Setup mine = setup;
      mine.answers.person = person.id;
      if (mine.plan) mine.plan->person = person.id;
      auto saved = insert_setup(tx, mine);
      if (!saved) return saved.error();
      return NewPerson{person, std::move(saved).value()};
    });
  }

  Result<Person> create_person_with_records(const std::string& name, TimePoint now,
                                            const PersonRecords& records) override {
    if (name.empty()) return make_error("a person needs a name");
    return db_->write<Person>([&](Tx& tx) -> Result<Person> {
      auto found = select_person(tx, name);
      if (!found) return found.error();
      if (*found) return make_error(errc::kConflict, "name", "store: a person named \"" + name + "\" already exists");
      const Person person{insert_id(tx, "INSERT INTO person (name, created_at) VALUES ($1, $2) RETURNING id", name,
                                    format_instant(now)),
                          name, now};
      if (auto st = insert_history(tx, person.id, records); !st) return st.error();
      return person;
    });
  }

  Result<std::optional<AnswersRecord>> latest_answers(PersonId person) override {
    return db_->read_one<std::optional<AnswersRecord>>([&](Tx& tx) -> Result<std::optional<AnswersRecord>> {
      auto rows = exec(tx,
                       "SELECT id, person_id, recorded_at, json, triage_level FROM answers WHERE person_id = $1 "
                       "ORDER BY recorded_at DESC, id DESC LIMIT 1",
                       person);
      if (rows.empty()) return std::optional<AnswersRecord>{};
      const Row r(rows[0]);
      auto at = instant_from(r.text(2));
      if (!at) return at.error();
      return std::optional<AnswersRecord>{AnswersRecord{r.int64(0), r.int64(1), *at, r.text(3), r.text(4)}};
    });
  }

  Result<std::optional<PlanRecord>> active_plan(PersonId person) override {
    return db_->read<std::optional<PlanRecord>>([&](Tx& tx) { return select_plan(tx, person, true); });
  }

  Result<std::optional<PlanRecord>> latest_plan(PersonId person) override {
    return db_->read<std::optional<PlanRecord>>([&](Tx& tx) { return select_plan(tx, person, false); });
  }

  Status move_plan_day(PersonId person, Id plan, CivilDate from, CivilDate to, int week) override {
    return db_->write([&](Tx& tx) -> Status {
      lock_person(tx, person);
      const auto planned = [&](CivilDate day) {
        return tx
            .exec_params1(
                "SELECT count(*) FROM plan_day d JOIN plan p ON p.id = d.plan_id "
                "WHERE d.plan_id = $1 AND p.person_id = $2 AND d.date = $3",
                plan, person, iso(day))[0]
            .as<long long>();
      };
      if (planned(from) == 0) {
        return make_error(errc::kNotFound, "from", fmt::format("from: no session is planned on {}", iso(from)));
      }
      if (planned(to) > 0) {
        return make_error(errc::kConflict, "to", fmt::format("to: a session is already planned on {}", iso(to)));
      }
      tx.exec_params("UPDATE plan_day SET date = $1, week = $2 WHERE plan_id = $3 AND date = $4", iso(to), week, plan,
                     iso(from));
      return Ok{};
    });
  }

  Result<SessionLog> begin_session(const SessionLog& session) override {
    return db_->write_one<SessionLog>([&](Tx& tx) { return insert_session(tx, session); });
  }

  Result<ExerciseLog> log_exercise(const ExerciseLog& log) override {
    return db_->write_one<ExerciseLog>([&](Tx& tx) { return upsert_exercise_log(tx, log); });
  }

  Status end_session(Id session, SessionStatus status, TimePoint ended_at, std::optional<int> pain_during) override {
    return db_->write_one([&](Tx& tx) { return finish_session(tx, session, status, ended_at, pain_during); });
  }

  Result<SessionLog> save_session(const SessionLog& session, const std::vector<ExerciseLog>& logs,
                                  const std::vector<DoseChange>& changes) override {
    std::optional<std::string> ended;
    if (session.ended_at) ended = format_instant(*session.ended_at);
    return db_->write_one<SessionLog>([&](Tx& tx) -> Result<SessionLog> {
      SessionLog saved = session;
      saved.id = insert_id(tx, save_session_sql(), session.person, session.plan, iso(session.date), session.session,
                           format_instant(session.started_at), ended, str(to_string(session.status)),
                           session.pain_during, kPainDuring, exercise_logs_json(logs), dose_changes_json(changes));
      return saved;
    });
  }

  Result<std::vector<SessionLog>> sessions(PersonId person) override {
    return db_->read_one<std::vector<SessionLog>>([&](Tx& tx) {
      return collect<SessionLog>(
          exec(tx,
               fmt::format("SELECT {} FROM session_log WHERE person_id = $1 ORDER BY started_at, id", kSessionColumns),
               person),
          read_session<Row>);
    });
  }

  Result<std::vector<ExerciseLog>> exercise_logs(PersonId person) override {
    return db_->read_one<std::vector<ExerciseLog>>([&](Tx& tx) {
      return collect<ExerciseLog>(
          exec(tx,
               fmt::format("SELECT {} FROM exercise_log WHERE person_id = $1 ORDER BY session_id, position",
                           kExerciseLogColumns),
               person),
          read_exercise_log<Row>);
    });
  }

  Result<Measurement> add_measurement(const Measurement& m) override {
    return db_->write_one<Measurement>([&](Tx& tx) -> Result<Measurement> { return insert_measurement(tx, m); });
  }

  Result<std::vector<Measurement>> add_measurements(const std::vector<Measurement>& ms) override {
    return db_->write<std::vector<Measurement>>([&](Tx& tx) -> Result<std::vector<Measurement>> {
      std::vector<Measurement> saved;
      saved.reserve(ms.size());
      for (const auto& m : ms) saved.push_back(insert_measurement(tx, m));
      return saved;
    });
  }

  Result<std::vector<Measurement>> measurements(PersonId person, const std::string& measure) override {
    return db_->read_one<std::vector<Measurement>>([&](Tx& tx) {
      return collect<Measurement>(
          exec(tx,
               fmt::format("SELECT {} FROM measurement WHERE person_id = $1 AND ($2 = '' OR measure = $2) "
                           "ORDER BY taken_at, id",
                           kMeasurementColumns),
               person, measure),
          read_measurement<Row>);
    });
  }

  Result<CheckIn> save_check_in(const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                const std::string& stop_reason) override {
    if (!check_in.stopped_program) {
      return db_->write_one<CheckIn>(
          [&](Tx& tx) -> Result<CheckIn> { return insert_plain_check_in(tx, check_in, changes); });
    }
    return db_->write<CheckIn>([&](Tx& tx) -> Result<CheckIn> {
      lock_person(tx, check_in.person);
      return insert_check_in(tx, check_in, changes, stop_reason);
    });
  }

  Result<CheckIn> replace_check_in(Id replaced, const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                   const std::string& stop_reason) override {
    return db_->write<CheckIn>([&](Tx& tx) -> Result<CheckIn> {
      lock_person(tx, check_in.person);
      auto old = exec(tx, "SELECT at FROM check_in WHERE id = $1 AND person_id = $2", replaced, check_in.person);
      if (old.empty()) {
        return make_error(errc::kNotFound, "check_in", fmt::format("store: no check-in {} to replace", replaced));
      }
      const std::string at = old[0][0].c_str();
      exec(tx, "DELETE FROM measurement WHERE person_id = $1 AND measure = $2 AND taken_at = $3", check_in.person,
           kPainNextMorning, at);
      exec(tx, "DELETE FROM dose_change WHERE person_id = $1 AND check_in_id = $2", check_in.person, replaced);
      exec(tx, "DELETE FROM check_in WHERE id = $1 AND person_id = $2", replaced, check_in.person);
      return insert_check_in(tx, check_in, changes, stop_reason);
    });
  }

  Result<std::vector<CheckIn>> check_ins(PersonId person) override {
    return db_->read_one<std::vector<CheckIn>>([&](Tx& tx) {
      return collect<CheckIn>(
          exec(tx, fmt::format("SELECT {} FROM check_in WHERE person_id = $1 ORDER BY at, id", kCheckInColumns),
               person),
          read_check_in<Row>);
    });
  }

  Result<std::vector<DoseChange>> add_dose_changes(const std::vector<DoseChange>& changes) override {
    return db_->write<std::vector<DoseChange>>([&](Tx& tx) -> Result<std::vector<DoseChange>> {
      std::vector<DoseChange> saved;
      saved.reserve(changes.size());
      for (const auto& c : changes) {
        saved.push_back(c);
        saved.back().id = insert_dose_change(tx, c);
      }
      return saved;
    });
  }

  Result<std::vector<DoseChange>> dose_changes(PersonId person) override {
    return db_->read_one<std::vector<DoseChange>>([&](Tx& tx) {
      return collect<DoseChange>(
          exec(tx, fmt::format("SELECT {} FROM dose_change WHERE person_id = $1 ORDER BY at, id", kDoseChangeColumns),
               person),
          read_dose_change<Row>);
    });
  }

  Result<ProgramChange> add_program_change(const ProgramChange& c) override {
    return db_->write<ProgramChange>([&](Tx& tx) -> Result<ProgramChange> {
      ProgramChange saved = c;
      saved.id = insert_id(tx,
                           "INSERT INTO program_change (person_id, plan_id, at, date, kind, exercise_id, replacement, "
                           "block, dose, message, by_name, reason, override_reason, overridden_rule) VALUES ($1, $2, "
                           "$3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
                           c.person, c.plan == 0 ? std::optional<Id>{} : std::optional<Id>{c.plan},
                           format_instant(c.at), iso(c.date), str(to_string(c.kind)), c.exercise, c.replacement,
                           c.block, c.dose ? std::optional<std::string>{dose_to_text(*c.dose)} : std::nullopt, c.text,
                           c.by, c.reason, c.override_reason, c.overridden_rule);
      return saved;
    });
  }

  Result<std::optional<ClearanceRecord>> clearance_of_plan(PersonId person, Id plan) override {
    return db_->read<std::optional<ClearanceRecord>>([&](Tx& tx) -> Result<std::optional<ClearanceRecord>> {
      auto rows = collect<ClearanceRecord>(
          tx.exec_params(
              fmt::format("SELECT {} FROM clearance WHERE person_id = $1 AND plan_id = $2", kClearanceColumns), person,
              plan),
          read_clearance<Row>);
      if (!rows) return rows.error();
      if (rows->empty()) return std::optional<ClearanceRecord>{};
      return std::optional<ClearanceRecord>{rows->front()};
    });
  }

  Result<std::vector<ProgramChange>> program_changes(PersonId person) override {
    return db_->read<std::vector<ProgramChange>>([&](Tx& tx) {
      return collect<ProgramChange>(
          tx.exec_params(
              fmt::format("SELECT {} FROM program_change WHERE person_id = $1 ORDER BY at, id", kProgramChangeColumns),
              person),
          read_program_change<Row>);
    });
  }

  Result<KeptReply> once(const std::string& key, const std::string& request, const KeyedWrite& write) override {
    std::optional<KeptReply> not_kept;  // a reply other than 2xx: returned, but its writes rolled back
    auto result = db_->write<KeptReply>([&](Tx& tx) -> Result<KeptReply> {
      not_kept.reset();
      // Requests with the same key wait for each other; the later one then finds the kept reply.
      // The lock is in a key space of its own (two int4 keys: kKeyLocks, the key's hash), so no
      // key sent by a client can be the lock of the schema migrations (one bigint key).
      exec(tx, "SELECT pg_advisory_xact_lock($1, hashtext($2))", kKeyLocks, key);
      auto kept = exec(tx, "SELECT request, status, reply FROM idempotency_key WHERE key = $1", key);
      if (!kept.empty()) {
        const Row r(kept[0]);
        if (r.text(0) != request) {
          return key_reused();
        }
        return KeptReply{r.integer(1), r.text(2), true};
      }
      auto reply = write();
      if (!reply) return reply;
      if (reply->status < 200 || reply->status > 299) {
        not_kept = *reply;
        return make_error("not kept");  // rolls back
      }
      exec(tx, "INSERT INTO idempotency_key (key, request, status, reply) VALUES ($1, $2, $3, $4)", key, request,
           reply->status, reply->body);
      return reply;
    });
    if (not_kept) return *not_kept;
    return result;
  }

 private:
  static Result<std::optional<Person>> select_person(Tx& tx, const std::string& name) {
    return select_person_where(tx, "name = $1", name);
  }

  // The person matching `where` (its $1 bound to `key`), or nullopt.
  template <typename Key>
  static Result<std::optional<Person>> select_person_where(Tx& tx, const char* where, const Key& key) {
    auto rows = collect<Person>(exec(tx, fmt::format("SELECT id, name, created_at FROM person WHERE {}", where), key),
                                read_person<Row>);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Person>{};
    return std::optional<Person>{rows->front()};
  }

  // The body of save_setup, inside the caller's transaction.
  static Result<Setup> insert_setup(Tx& tx, const Setup& setup) {
    Setup saved = setup;
    const auto& a = setup.answers;
    saved.answers.id = insert_id(
        tx, "INSERT INTO answers (person_id, recorded_at, json, triage_level) VALUES ($1, $2, $3, $4) RETURNING id",
        a.person, format_instant(a.recorded_at), a.json, a.triage_level);
    if (!setup.plan && setup.clearance) {
      return make_error("store: a clearance is saved only with the plan built under it");
    }
    if (!setup.plan) return saved;
    if (setup.plan->person != a.person) return make_error("store: a plan must belong to the person who answered");
    exec(tx,
         "UPDATE plan SET stopped_at = $1, stop_reason = 'replaced by a new plan' "
         "WHERE person_id = $2 AND stopped_at IS NULL",
         format_instant(setup.plan->created_at), a.person);
    PlanRecord plan = *setup.plan;
    plan.answers = saved.answers.id;
    plan.id = insert_plan(tx, plan);
    saved.plan = std::move(plan);
    if (setup.clearance) {
      ClearanceRecord c = *setup.clearance;
      c.person = saved.plan->person;
      c.plan = saved.plan->id;
      c.id = insert_id(tx,
                       "INSERT INTO clearance (person_id, plan_id, recorded_at, cleared_on, json) "
                       "VALUES ($1, $2, $3, $4, $5) RETURNING id",
                       c.person, c.plan, format_instant(c.recorded_at), iso(c.cleared_on), c.json);
      saved.clearance = std::move(c);
    }
    return saved;
  }

  static Id insert_plan(Tx& tx, const PlanRecord& p) {
    std::vector<std::string> reviews;
    reviews.reserve(p.reviews.size());
    for (const auto& r : p.reviews) reviews.push_back(iso(r));
    const Id id = insert_id(tx,
                            "INSERT INTO plan (person_id, answers_id, created_at, start_date, weeks, level, "
                            "baseline_pain, reviews, plan_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                            "RETURNING id",
                            p.person, p.answers, format_instant(p.created_at), iso(p.start), p.weeks, p.level,
                            p.baseline_pain, strings_to_text(reviews), p.plan_json);
    for (const auto& session : p.sessions) {
      exec(tx, "INSERT INTO plan_session (plan_id, session, kind, title) VALUES ($1, $2, $3, $4)", id, session.id,
           session.kind, session.title);
      int position = 0;
      for (const auto& e : session.exercises) {
        exec(tx,
             "INSERT INTO plan_exercise (plan_id, session, position, exercise_id, block, dose, reason) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7)",
             id, session.id, position++, e.exercise_id, e.block, dose_to_text(e.dose), e.reason);
      }
    }
    for (const auto& day : p.calendar) {
      exec(tx, "INSERT INTO plan_day (plan_id, date, week, session) VALUES ($1, $2, $3, $4)", id, iso(day.date),
           day.week, day.session);
    }
    return id;
  }

  static Result<std::optional<PlanRecord>> select_plan(Tx& tx, PersonId person, bool active_only) {
    auto rows =
        exec(tx,
             fmt::format("SELECT {} FROM plan WHERE person_id = $1 {} ORDER BY created_at DESC, id DESC LIMIT 1",
                         kPlanColumns, active_only ? "AND stopped_at IS NULL" : ""),
             person);
    if (rows.empty()) return std::optional<PlanRecord>{};
    auto read = read_plan(Row(rows[0]));
    if (!read) return read.error();
    PlanRecord p = std::move(read).value();
    if (auto st = load_plan_parts(tx, p); !st) return st.error();
    return std::optional<PlanRecord>{std::move(p)};
  }

  static Status load_plan_parts(Tx& tx, PlanRecord& p) {
    std::map<std::string, std::size_t> index;
    for (const auto& r : exec(tx,
                              "SELECT session, kind, title FROM plan_session WHERE plan_id = $1 "
                              "ORDER BY session",
                              p.id)) {
      const Row row(r);
      index[row.text(0)] = p.sessions.size();
      p.sessions.push_back(PlanSession{row.text(0), row.text(1), row.text(2), {}});
    }
    for (const auto& r : exec(tx,
                              "SELECT session, exercise_id, block, dose, reason FROM plan_exercise "
                              "WHERE plan_id = $1 ORDER BY session, position",
                              p.id)) {
      const Row row(r);
      auto dose = dose_from_text(row.text(3));
      if (!dose) return dose.error();
      p.sessions[index.at(row.text(0))].exercises.push_back(PlanExercise{row.text(1), row.text(2), *dose, row.text(4)});
    }
    auto days =
        collect<PlanDay>(exec(tx, "SELECT date, week, session FROM plan_day WHERE plan_id = $1 ORDER BY date", p.id),
                         read_plan_day<Row>);
    if (!days) return days.error();
    p.calendar = std::move(days).value();
    return Ok{};
  }

  // The body of create_person_with_records after the person row: the records' own keys
  // (SessionLog::id, CheckIn::id) are mapped to the ids the rows get.
  static Status insert_history(Tx& tx, PersonId person, const PersonRecords& r) {
    Setup setup{r.answers, r.plan};
    setup.answers.person = person;
    setup.plan->person = person;
    auto saved = insert_setup(tx, setup);
    if (!saved) return saved.error();
    const Id plan = saved->plan->id;
    if (r.plan.stopped_at) {
      exec(tx, "UPDATE plan SET stopped_at = $1, stop_reason = $2 WHERE id = $3", format_instant(*r.plan.stopped_at),
           r.plan.stop_reason, plan);
    }
    std::map<Id, Id> sessions;  // key in `r` -> stored id
    for (SessionLog s : r.sessions) {
      const Id key = s.id;
      s.person = person;
      s.plan = plan;
      auto row = insert_session(tx, s);
      if (!row) return row.error();
      sessions[key] = row->id;
    }
    auto stored = [](const std::map<Id, Id>& ids, Id key, const char* what) -> Result<Id> {
      const auto it = ids.find(key);
      if (it == ids.end()) return make_error(fmt::format("store: no {} {} among the records", what, key));
      return it->second;
    };
    for (ExerciseLog log : r.logs) {
      auto id = stored(sessions, log.session, "session");
      if (!id) return id.error();
      log.session = *id;
      log.person = person;
      if (auto row = upsert_exercise_log(tx, log); !row) return row.error();
    }
    for (Measurement m : r.measurements) {
      if (m.session) {
        auto id = stored(sessions, *m.session, "session");
        if (!id) return id.error();
        m.session = *id;
      }
      m.person = person;
      insert_measurement(tx, m);
    }
    std::map<Id, Id> check_ins;
    for (CheckIn c : r.check_ins) {
      const Id key = c.id;
      c.person = person;
      check_ins[key] = insert_check_in_row(tx, c);
    }
    for (DoseChange c : r.changes) {
      c.person = person;
      c.plan = plan;
      if (c.check_in != 0) {
        auto id = stored(check_ins, c.check_in, "check-in");
        if (!id) return id.error();
        c.check_in = *id;
      }
      insert_dose_change(tx, c);
    }
    return Ok{};
  }

  // The bodies of begin_session, log_exercise and end_session, for use inside a transaction.
  static Result<SessionLog> insert_session(Tx& tx, const SessionLog& session) {
    std::optional<std::string> ended;
    if (session.ended_at) ended = format_instant(*session.ended_at);
    SessionLog saved = session;
    saved.id =
        insert_id(tx,
                  "INSERT INTO session_log (person_id, plan_id, date, session, started_at, ended_at, status, "
                  "pain_during) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                  session.person, session.plan, iso(session.date), session.session, format_instant(session.started_at),
                  ended, str(to_string(session.status)), session.pain_during);
    return saved;
  }

  // One statement: the row as stored, or none when (session, position) is another person's.
  static Result<ExerciseLog> upsert_exercise_log(Tx& tx, const ExerciseLog& log) {
    static const std::string sql = fmt::format(
        "INSERT INTO exercise_log AS old (session_id, person_id, position, exercise_id, outcome, planned_dose, "
        "sets_done, reps_done, holds_done, seconds, pain, finished_at, camera_json, feedback) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
        "ON CONFLICT (session_id, position) DO UPDATE SET exercise_id = excluded.exercise_id, "
        "outcome = excluded.outcome, planned_dose = excluded.planned_dose, sets_done = excluded.sets_done, "
        "reps_done = excluded.reps_done, holds_done = excluded.holds_done, seconds = excluded.seconds, "
        "pain = excluded.pain, finished_at = excluded.finished_at, camera_json = excluded.camera_json, "
        "feedback = excluded.feedback WHERE old.person_id = excluded.person_id RETURNING {}",
        kExerciseLogColumns);
    auto rows = collect<ExerciseLog>(
        exec(tx, sql, log.session, log.person, log.position, log.exercise_id, str(to_string(log.outcome)),
             dose_to_text(log.planned), log.sets_done, log.reps_done, log.holds_done, log.seconds, log.pain,
             format_instant(log.finished_at), log.camera_json, str(to_string(log.feedback))),
        read_exercise_log<Row>);
    if (!rows) return rows.error();
    if (rows->size() != 1) return make_error("store: that session belongs to another person");
    return rows->front();
  }

  // One statement: ends the session and adds its pain-during rating when given.
  static Status finish_session(Tx& tx, Id session, SessionStatus status, TimePoint ended_at,
                               std::optional<int> pain_during) {
    exec(tx,
         "WITH s AS (UPDATE session_log SET status = $1, ended_at = $2, pain_during = $3 WHERE id = $4 "
         "RETURNING id, person_id, date) INSERT INTO measurement (person_id, measure, taken_at, date, value, "
         "session_id) SELECT person_id, $5::text, $2, date, $3::double precision, id FROM s WHERE $3::bigint IS NOT "
         "NULL",
         str(to_string(status)), format_instant(ended_at), pain_during, session, kPainDuring);
    return Ok{};
  }

  static Measurement insert_measurement(Tx& tx, const Measurement& m) {
    Measurement saved = m;
    saved.id = insert_id(tx,
                         "INSERT INTO measurement (person_id, measure, taken_at, date, value, items, session_id, "
                         "note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                         m.person, m.measure, format_instant(m.taken_at), iso(m.date), m.value, items_to_text(m.items),
                         m.session, m.note);
    return saved;
  }

  // The body of save_check_in, inside the caller's transaction.
  static Result<CheckIn> insert_check_in(Tx& tx, const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                         const std::string& stop_reason) {
    CheckIn saved = check_in;
    saved.id = insert_check_in_row(tx, check_in);
    insert_measurement(tx, next_morning_pain_of(check_in));
    for (DoseChange c : changes) {
      c.check_in = saved.id;
      insert_dose_change(tx, c);
    }
    if (check_in.stopped_program) {
      exec(tx, "UPDATE plan SET stopped_at = $1, stop_reason = $2 WHERE person_id = $3 AND stopped_at IS NULL",
           format_instant(check_in.at), stop_reason, check_in.person);
    }
    return saved;
  }

  // A check-in that stops nothing, with its rating and dose changes, in one statement.
  static Result<CheckIn> insert_plain_check_in(Tx& tx, const CheckIn& check_in,
                                               const std::vector<DoseChange>& changes) {
    const Measurement pain = next_morning_pain_of(check_in);
    CheckIn saved = check_in;
    saved.id = insert_id(tx, save_check_in_sql(), check_in.person, format_instant(check_in.at), iso(check_in.date),
                         check_in.next_morning_pain, strings_to_text(check_in.red_flags), check_in.triage_level, 0,
                         pain.measure, format_instant(pain.taken_at), iso(pain.date), pain.value,
                         items_to_text(pain.items), dose_changes_json(changes));
    return saved;
  }

  // The check-in row alone; its id.
  static Id insert_check_in_row(Tx& tx, const CheckIn& check_in) {
    return insert_id(tx,
                     "INSERT INTO check_in (person_id, at, date, next_morning_pain, red_flags, triage_level, "
                     "stopped_program) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                     check_in.person, format_instant(check_in.at), iso(check_in.date), check_in.next_morning_pain,
                     strings_to_text(check_in.red_flags), check_in.triage_level, check_in.stopped_program ? 1 : 0);
  }

  static Id insert_dose_change(Tx& tx, const DoseChange& c) {
    return insert_id(tx,
                     "INSERT INTO dose_change (person_id, plan_id, at, date, exercise_id, now_doing, decision, "
                     "from_dose, to_dose, reason, check_in_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
                     "RETURNING id",
                     c.person, c.plan, format_instant(c.at), iso(c.date), c.exercise_id, c.now_doing,
                     str(to_string(c.decision)), dose_to_text(c.from), dose_to_text(c.to), c.reason,
                     c.check_in == 0 ? std::optional<Id>{} : std::optional<Id>{c.check_in});
  }

  std::shared_ptr<Database> db_;
};

}  // namespace

Result<std::unique_ptr<Store>> open_store(std::shared_ptr<Database> db, int migrate_to) {
  if (auto s = migrate(*db, store_schema(), migrate_to); !s) return s.error();
  return std::unique_ptr<Store>(std::make_unique<PgStore>(std::move(db)));
}

Result<std::unique_ptr<Store>> open_store(const std::string& url, const Options& options, int migrate_to) {
  auto db = Database::open(url, options);
  if (!db) return db.error();
  return open_store(std::move(db).value(), migrate_to);
}

}  // namespace kc::postgres
