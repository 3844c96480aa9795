#include "adapters/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <map>
#include <utility>

#include "adapters/sqlite/db.h"
#include "adapters/sqlite/health.h"
#include "core/store/codec.h"
#include "core/store/rows.h"

namespace kc::sqlite {
namespace {

using namespace kc::store;  // NOLINT(google-build-using-namespace): records are this file's subject

Error newer_schema(const std::string& path, int version) {
  return make_error(
      fmt::format("the store {} was written by a newer kneecoach (schema version {}; this kneecoach knows up to {}).\n"
                  "Update kneecoach to use it. The store was not changed.",
                  path, version, kSchemaVersion));
}

// Runs `body` in one write transaction; commits only when it succeeds.
template <typename F>
auto write_tx(Db& db, F&& body) -> decltype(body()) {
  auto tx = Transaction::begin(db, true);
  if (!tx) return tx.error();
  auto result = body();
  if (!result) return result;
  if (auto s = tx.value().commit(); !s) return s.error();
  return result;
}

// Runs `body` in one read transaction (a consistent snapshot).
template <typename F>
auto read_tx(Db& db, F&& body) -> decltype(body()) {
  auto tx = Transaction::begin(db, false);
  if (!tx) return tx.error();
  auto result = body();
  if (!result) return result;
  if (auto s = tx.value().commit(); !s) return s.error();
  return result;
}

// Collects every row of `stmt` through `read_row`, which returns Result<T>.
template <typename T, typename F>
Result<std::vector<T>> collect(Stmt& stmt, F&& read_row) {
  std::vector<T> out;
  for (;;) {
    auto row = stmt.step();
    if (!row) return row.error();
    if (!*row) return out;
    auto item = read_row(stmt);
    if (!item) return item.error();
    out.push_back(std::move(item).value());
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(Db db, std::optional<std::chrono::hours> backup_age) : db_(std::move(db)), backup_age_(backup_age) {}
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  SqliteStore(SqliteStore&&) = delete;
  SqliteStore& operator=(SqliteStore&&) = delete;
  // A failed backup keeps the last good one and must not fail the command that is ending.
  ~SqliteStore() override {
    if (backup_age_) (void)backup_if_older(db_.path(), *backup_age_);
  }

  Result<Person> ensure_person(const std::string& name, TimePoint now) override {
    if (name.empty()) return make_error("a person needs a name");
    return write_tx(db_, [&]() -> Result<Person> {
      auto found = select_person(name);
      if (!found) return found.error();
      if (*found) return **found;
      auto ins = db_.prepare("INSERT INTO person (name, created_at) VALUES (?, ?)");
      if (!ins) return ins.error();
      if (auto s = ins.value().bind(1, name).bind(2, format_instant(now)).run(); !s) return s.error();
      return Person{db_.last_insert_id(), name, now};
    });
  }

  Result<std::optional<Person>> find_person(const std::string& name) override {
    return read_tx(db_, [&] { return select_person(name); });
  }

  Result<std::optional<Person>> find_person_by_id(PersonId person) override {
    return read_tx(db_, [&] { return select_person_where("id = ?", person); });
  }

  Result<std::vector<Person>> people() override {
    return read_tx(db_, [&]() -> Result<std::vector<Person>> {
      auto q = db_.prepare("SELECT id, name, created_at FROM person ORDER BY id");
      if (!q) return q.error();
      return collect<Person>(q.value(), read_person<Stmt>);
    });
  }

  Result<Person> create_person(const std::string& name, TimePoint now) override {
    if (name.empty()) return make_error(errc::kInvalid, "person", "a person needs a name");
    return write_tx(db_, [&]() -> Result<Person> {
      auto found = select_person(name);
      if (!found) return found.error();
      if (*found) return make_error(errc::kConflict, "person", "a person named \"" + name + "\" already exists");
      auto ins = db_.prepare("INSERT INTO person (name, created_at) VALUES (?, ?)");
      if (!ins) return ins.error();
      if (auto st = ins.value().bind(1, name).bind(2, format_instant(now)).run(); !st) return st.error();
      return Person{db_.last_insert_id(), name, now};
    });
  }

  Status delete_person(PersonId person) override {
    return write_tx(db_, [&]() -> Status {
      for (const std::string_view sql : kDeletePerson) {
        auto del = db_.prepare(sql);
        if (!del) return del.error();
        if (auto st = del.value().bind(1, person).run(); !st) return st.error();
      }
      return Ok{};
    });
  }

  Result<Setup> save_setup(const Setup& setup) override {
    return write_tx(db_, [&] { return insert_setup(setup); });
  }

  Result<NewPerson> create_person_with_setup(const std::string& name, TimePoint now, Setup setup) override {
    if (name.empty()) return make_error("a person needs a name");
    return write_tx(db_, [&]() -> Result<NewPerson> {
      auto found = select_person(name);
      if (!found) return found.error();
      if (*found) return make_error("store: a person named \"" + name + "\" already exists");
      auto ins = db_.prepare("INSERT INTO person (name, created_at) VALUES (?, ?)");
      if (!ins) return ins.error();
      if (auto st = ins.value().bind(1, name).bind(2, format_instant(now)).run(); !st) return st.error();
      const Person person{db_.last_insert_id(), name, now};
      setup.answers.person = person.id;
      if (setup.plan) setup.plan->person = person.id;
      auto saved = insert_setup(setup);
      if (!saved) return saved.error();
      return NewPerson{person, std::move(saved).value()};
    });
  }

  Result<Person> create_person_with_records(const std::string& name, TimePoint now,
                                            const PersonRecords& records) override {
    if (name.empty()) return make_error("a person needs a name");
    return write_tx(db_, [&]() -> Result<Person> {
      auto found = select_person(name);
      if (!found) return found.error();
      if (*found) return make_error(errc::kConflict, "name", "store: a person named \"" + name + "\" already exists");
      auto ins = db_.prepare("INSERT INTO person (name, created_at) VALUES (?, ?)");
      if (!ins) return ins.error();
      if (auto st = ins.value().bind(1, name).bind(2, format_instant(now)).run(); !st) return st.error();
      const Person person{db_.last_insert_id(), name, now};
      if (auto st = insert_history(person.id, records); !st) return st.error();
      return person;
    });
  }

  // The body of create_person_with_records after the person row.
  Status insert_history(PersonId person, const PersonRecords& r) {
    Setup setup{r.answers, r.plan};
    setup.answers.person = person;
    setup.plan->person = person;
    auto saved = insert_setup(setup);
    if (!saved) return saved.error();
    const Id plan = saved->plan->id;
    if (r.plan.stopped_at) {
      auto stop = db_.prepare("UPDATE plan SET stopped_at = ?, stop_reason = ? WHERE id = ?");
      if (!stop) return stop.error();
      if (auto st =
              stop.value().bind(1, format_instant(*r.plan.stopped_at)).bind(2, r.plan.stop_reason).bind(3, plan).run();
          !st) {
        return st;
      }
    }
    std::map<Id, Id> sessions;  // key in `r` -> stored id
    for (SessionLog s : r.sessions) {
      const Id key = s.id;
      s.person = person;
      s.plan = plan;
      auto row = insert_session(s);
      if (!row) return row.error();
      sessions[key] = row->id;
    }
    auto session_of = [&](Id key) -> Result<Id> {
      const auto it = sessions.find(key);
      if (it == sessions.end()) return make_error(fmt::format("store: no session {} among the records", key));
      return it->second;
    };
    for (ExerciseLog log : r.logs) {
      auto id = session_of(log.session);
      if (!id) return id.error();
      log.session = *id;
      log.person = person;
      if (auto row = upsert_exercise_log(log); !row) return row.error();
    }
    for (Measurement m : r.measurements) {
      if (m.session) {
        auto id = session_of(*m.session);
        if (!id) return id.error();
        m.session = *id;
      }
      m.person = person;
      if (auto row = insert_measurement(m); !row) return row.error();
    }
    std::map<Id, Id> check_ins;
    for (CheckIn c : r.check_ins) {
      const Id key = c.id;
      c.person = person;
      auto row = insert_check_in_row(c);
      if (!row) return row.error();
      check_ins[key] = row->id;
    }
    for (DoseChange c : r.changes) {
      c.person = person;
      c.plan = plan;
      if (c.check_in != 0) {
        const auto it = check_ins.find(c.check_in);
        if (it == check_ins.end())
          return make_error(fmt::format("store: no check-in {} among the records", c.check_in));
        c.check_in = it->second;
      }
      if (auto id = insert_dose_change(c); !id) return id.error();
    }
    return Ok{};
  }

  // The body of save_setup, inside the caller's transaction.
  Result<Setup> insert_setup(const Setup& setup) {
    {
      Setup saved = setup;
      const auto& a = setup.answers;
      auto ins = db_.prepare("INSERT INTO answers (person_id, recorded_at, json, triage_level) VALUES (?, ?, ?, ?)");
      if (!ins) return ins.error();
      if (auto s = ins.value()
                       .bind(1, a.person)
                       .bind(2, format_instant(a.recorded_at))
                       .bind(3, a.json)
                       .bind(4, a.triage_level)
                       .run();
          !s) {
        return s.error();
      }
      saved.answers.id = db_.last_insert_id();
      if (setup.plan) {
        if (setup.plan->person != a.person) return make_error("store: a plan must belong to the person who answered");
        auto stop = db_.prepare(
            "UPDATE plan SET stopped_at = ?, stop_reason = 'replaced by a new plan' "
            "WHERE person_id = ? AND stopped_at IS NULL");
        if (!stop) return stop.error();
        if (auto s = stop.value().bind(1, format_instant(setup.plan->created_at)).bind(2, a.person).run(); !s) {
          return s.error();
        }
        PlanRecord plan = *setup.plan;
        plan.answers = saved.answers.id;
        auto id = insert_plan(plan);
        if (!id) return id.error();
        plan.id = *id;
        saved.plan = std::move(plan);
        if (setup.clearance) {
          auto cleared = insert_clearance(*setup.clearance, *saved.plan);
          if (!cleared) return cleared.error();
          saved.clearance = std::move(cleared).value();
        }
      } else if (setup.clearance) {
        return make_error("store: a clearance is saved only with the plan built under it");
      }
      return saved;
    }
  }

  Result<std::optional<AnswersRecord>> latest_answers(PersonId person) override {
    return read_tx(db_, [&]() -> Result<std::optional<AnswersRecord>> {
      auto q = db_.prepare(
          "SELECT id, person_id, recorded_at, json, triage_level FROM answers WHERE person_id = ? "
          "ORDER BY recorded_at DESC, id DESC LIMIT 1");
      if (!q) return q.error();
      auto& s = q.value();
      s.bind(1, person);
      auto row = s.step();
      if (!row) return row.error();
      if (!*row) return std::optional<AnswersRecord>{};
      auto at = instant_from(s.text(2));
      if (!at) return at.error();
      return std::optional<AnswersRecord>{AnswersRecord{s.int64(0), s.int64(1), *at, s.text(3), s.text(4)}};
    });
  }

  Result<std::optional<PlanRecord>> active_plan(PersonId person) override {
    return read_tx(db_, [&] { return select_plan(person, true); });
  }

  Result<std::optional<PlanRecord>> latest_plan(PersonId person) override {
    return read_tx(db_, [&] { return select_plan(person, false); });
  }

  Result<std::optional<ClearanceRecord>> clearance_of_plan(PersonId person, Id plan) override {
    return read_tx(db_, [&]() -> Result<std::optional<ClearanceRecord>> {
      auto q =
          db_.prepare(fmt::format("SELECT {} FROM clearance WHERE person_id = ? AND plan_id = ?", kClearanceColumns));
      if (!q) return q.error();
      q.value().bind(1, person).bind(2, plan);
      auto rows = collect<ClearanceRecord>(q.value(), read_clearance<Stmt>);
      if (!rows) return rows.error();
      if (rows->empty()) return std::optional<ClearanceRecord>{};
      return std::optional<ClearanceRecord>{rows->front()};
    });
  }

  // A clearance row for `plan`, inside the caller's transaction.
  Result<ClearanceRecord> insert_clearance(ClearanceRecord c, const PlanRecord& plan) {
    c.person = plan.person;
    c.plan = plan.id;
    auto ins =
        db_.prepare("INSERT INTO clearance (person_id, plan_id, recorded_at, cleared_on, json) VALUES (?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    if (auto st = ins.value()
                      .bind(1, c.person)
                      .bind(2, c.plan)
                      .bind(3, format_instant(c.recorded_at))
                      .bind(4, iso(c.cleared_on))
                      .bind(5, c.json)
                      .run();
        !st) {
      return st.error();
    }
    c.id = db_.last_insert_id();
    return c;
  }

  Status move_plan_day(PersonId person, Id plan, CivilDate from, CivilDate to, int week) override {
    return write_tx(db_, [&]() -> Status {
      auto planned = count_plan_days(person, plan, from);
      if (!planned) return planned.error();
      if (*planned == 0) {
        return make_error(errc::kNotFound, "from", fmt::format("from: no session is planned on {}", iso(from)));
      }
      auto taken = count_plan_days(person, plan, to);
      if (!taken) return taken.error();
      if (*taken > 0) {
        return make_error(errc::kConflict, "to", fmt::format("to: a session is already planned on {}", iso(to)));
      }
      auto up = db_.prepare("UPDATE plan_day SET date = ?, week = ? WHERE plan_id = ? AND date = ?");
      if (!up) return up.error();
      return up.value().bind(1, iso(to)).bind(2, week).bind(3, plan).bind(4, iso(from)).run();
    });
  }

  Result<SessionLog> begin_session(const SessionLog& session) override {
    return write_tx(db_, [&] { return insert_session(session); });
  }

  Result<ExerciseLog> log_exercise(const ExerciseLog& log) override {
    return write_tx(db_, [&] { return upsert_exercise_log(log); });
  }

  Status end_session(Id session, SessionStatus status, TimePoint ended_at, std::optional<int> pain_during) override {
    return write_tx(db_, [&] { return finish_session(session, status, ended_at, pain_during); });
  }

  Result<SessionLog> save_session(const SessionLog& session, const std::vector<ExerciseLog>& logs,
                                  const std::vector<DoseChange>& changes) override {
    return write_tx(db_, [&]() -> Result<SessionLog> {
      auto saved = insert_session(session);
      if (!saved) return saved;
      for (ExerciseLog log : logs) {
        log.session = saved->id;
        if (auto one = upsert_exercise_log(log); !one) return one.error();
      }
      if (session.ended_at) {
        if (auto s = finish_session(saved->id, session.status, *session.ended_at, session.pain_during); !s) {
          return s.error();
        }
      }
      for (const auto& c : changes) {
        if (auto id = insert_dose_change(c); !id) return id.error();
      }
      return saved;
    });
  }

  Result<std::vector<SessionLog>> sessions(PersonId person) override {
    return read_tx(db_, [&]() -> Result<std::vector<SessionLog>> {
      auto q = db_.prepare(
          fmt::format("SELECT {} FROM session_log WHERE person_id = ? ORDER BY started_at, id", kSessionColumns));
      if (!q) return q.error();
      q.value().bind(1, person);
      return collect<SessionLog>(q.value(), read_session<Stmt>);
    });
  }

  Result<std::vector<ExerciseLog>> exercise_logs(PersonId person) override {
    return read_tx(db_, [&]() -> Result<std::vector<ExerciseLog>> {
      auto q = db_.prepare(fmt::format("SELECT {} FROM exercise_log WHERE person_id = ? ORDER BY session_id, position",
                                       kExerciseLogColumns));
      if (!q) return q.error();
      q.value().bind(1, person);
      return collect<ExerciseLog>(q.value(), read_exercise_log<Stmt>);
    });
  }

  Result<Measurement> add_measurement(const Measurement& m) override {
    return write_tx(db_, [&] { return insert_measurement(m); });
  }

  Result<std::vector<Measurement>> add_measurements(const std::vector<Measurement>& ms) override {
    return write_tx(db_, [&]() -> Result<std::vector<Measurement>> {
      std::vector<Measurement> saved;
      for (const auto& m : ms) {
        auto one = insert_measurement(m);
        if (!one) return one.error();
        saved.push_back(std::move(one).value());
      }
      return saved;
    });
  }

  Result<std::vector<Measurement>> measurements(PersonId person, const std::string& measure) override {
    return read_tx(db_, [&]() -> Result<std::vector<Measurement>> {
      auto q =
          db_.prepare(fmt::format("SELECT {} FROM measurement WHERE person_id = ? AND (? = '' OR measure = ?) "
                                  "ORDER BY taken_at, id",
                                  kMeasurementColumns));
      if (!q) return q.error();
      q.value().bind(1, person).bind(2, measure).bind(3, measure);
      return collect<Measurement>(q.value(), read_measurement<Stmt>);
    });
  }

  Result<CheckIn> save_check_in(const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                const std::string& stop_reason) override {
    return write_tx(db_, [&] { return insert_check_in(check_in, changes, stop_reason); });
  }

  Result<CheckIn> replace_check_in(Id replaced, const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                   const std::string& stop_reason) override {
    return write_tx(db_, [&]() -> Result<CheckIn> {
      auto old = db_.prepare("SELECT at FROM check_in WHERE id = ? AND person_id = ?");
      if (!old) return old.error();
      old.value().bind(1, replaced).bind(2, check_in.person);
      auto row = old.value().step();
      if (!row) return row.error();
      if (!*row) {
        return make_error(errc::kNotFound, "check_in", fmt::format("store: no check-in {} to replace", replaced));
      }
      const std::string at = old.value().text(0);
      auto drop_pain = db_.prepare("DELETE FROM measurement WHERE person_id = ? AND measure = ? AND taken_at = ?");
      if (!drop_pain) return drop_pain.error();
      if (auto s = drop_pain.value().bind(1, check_in.person).bind(2, kPainNextMorning).bind(3, at).run(); !s) {
        return s.error();
      }
      auto drop_changes = db_.prepare("DELETE FROM dose_change WHERE person_id = ? AND check_in_id = ?");
      if (!drop_changes) return drop_changes.error();
      if (auto s = drop_changes.value().bind(1, check_in.person).bind(2, replaced).run(); !s) return s.error();
      auto drop = db_.prepare("DELETE FROM check_in WHERE id = ? AND person_id = ?");
      if (!drop) return drop.error();
      if (auto s = drop.value().bind(1, replaced).bind(2, check_in.person).run(); !s) return s.error();
      return insert_check_in(check_in, changes, stop_reason);
    });
  }

  Result<std::vector<CheckIn>> check_ins(PersonId person) override {
    return read_tx(db_, [&]() -> Result<std::vector<CheckIn>> {
      auto q = db_.prepare(fmt::format("SELECT {} FROM check_in WHERE person_id = ? ORDER BY at, id", kCheckInColumns));
      if (!q) return q.error();
      q.value().bind(1, person);
      return collect<CheckIn>(q.value(), read_check_in<Stmt>);
    });
  }

  Result<std::vector<DoseChange>> add_dose_changes(const std::vector<DoseChange>& changes) override {
    return write_tx(db_, [&]() -> Result<std::vector<DoseChange>> {
      std::vector<DoseChange> saved;
      for (const auto& c : changes) {
        auto id = insert_dose_change(c);
        if (!id) return id.error();
        saved.push_back(c);
        saved.back().id = *id;
      }
      return saved;
    });
  }

  Result<ProgramChange> add_program_change(const ProgramChange& c) override {
    return write_tx(db_, [&]() -> Result<ProgramChange> {
      auto ins = db_.prepare(
          "INSERT INTO program_change (person_id, plan_id, at, date, kind, exercise_id, replacement, block, dose, "
          "message, by_name, reason, override_reason, overridden_rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
          "?)");
      if (!ins) return ins.error();
      if (auto s = ins.value()
                       .bind(1, c.person)
                       .bind(2, c.plan == 0 ? std::optional<Id>{} : std::optional<Id>{c.plan})
                       .bind(3, format_instant(c.at))
                       .bind(4, iso(c.date))
                       .bind(5, to_string(c.kind))
                       .bind(6, c.exercise)
                       .bind(7, c.replacement)
                       .bind(8, c.block)
                       .bind(9, c.dose ? std::optional<std::string>{dose_to_text(*c.dose)} : std::nullopt)
                       .bind(10, c.text)
                       .bind(11, c.by)
                       .bind(12, c.reason)
                       .bind(13, c.override_reason)
                       .bind(14, c.overridden_rule)
                       .run();
          !s) {
        return s.error();
      }
      ProgramChange saved = c;
      saved.id = db_.last_insert_id();
      return saved;
    });
  }

  Result<std::vector<ProgramChange>> program_changes(PersonId person) override {
    return read_tx(db_, [&]() -> Result<std::vector<ProgramChange>> {
      auto q = db_.prepare(
          fmt::format("SELECT {} FROM program_change WHERE person_id = ? ORDER BY at, id", kProgramChangeColumns));
      if (!q) return q.error();
      q.value().bind(1, person);
      return collect<ProgramChange>(q.value(), read_program_change<Stmt>);
    });
  }

  Result<KeptReply> once(const std::string& key, const std::string& request, const KeyedWrite& write) override {
    std::optional<KeptReply> not_kept;  // a reply other than 2xx: returned, but its writes rolled back
    auto result = write_tx(db_, [&]() -> Result<KeptReply> {
      auto kept = db_.prepare("SELECT request, status, reply FROM idempotency_key WHERE key = ?");
      if (!kept) return kept.error();
      kept.value().bind(1, key);
      auto row = kept.value().step();
      if (!row) return row.error();
      if (*row) {
        if (kept.value().text(0) != request) {
          return key_reused();
        }
        return KeptReply{kept.value().integer(1), kept.value().text(2), true};
      }
      auto reply = write();
      if (!reply) return reply;
      if (reply->status < 200 || reply->status > 299) {
        not_kept = *reply;
        return make_error("not kept");  // rolls back
      }
      auto keep = db_.prepare("INSERT INTO idempotency_key (key, request, status, reply) VALUES (?, ?, ?, ?)");
      if (!keep) return keep.error();
      if (auto s = keep.value().bind(1, key).bind(2, request).bind(3, reply->status).bind(4, reply->body).run(); !s) {
        return s.error();
      }
      return reply;
    });
    if (not_kept) return *not_kept;
    return result;
  }

  Result<std::vector<DoseChange>> dose_changes(PersonId person) override {
    return read_tx(db_, [&]() -> Result<std::vector<DoseChange>> {
      auto q = db_.prepare(
          fmt::format("SELECT {} FROM dose_change WHERE person_id = ? ORDER BY at, id", kDoseChangeColumns));
      if (!q) return q.error();
      q.value().bind(1, person);
      return collect<DoseChange>(q.value(), read_dose_change<Stmt>);
    });
  }

 private:
  // The check-in row alone (no rating, no dose changes, no stop), inside the caller's transaction.
  Result<CheckIn> insert_check_in_row(const CheckIn& check_in) {
    auto ins = db_.prepare(
        "INSERT INTO check_in (person_id, at, date, next_morning_pain, red_flags, triage_level, stopped_program) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    if (auto s = ins.value()
                     .bind(1, check_in.person)
                     .bind(2, format_instant(check_in.at))
                     .bind(3, iso(check_in.date))
                     .bind(4, check_in.next_morning_pain)
                     .bind(5, strings_to_text(check_in.red_flags))
                     .bind(6, check_in.triage_level)
                     .bind(7, check_in.stopped_program ? 1 : 0)
                     .run();
        !s) {
      return s.error();
    }
    CheckIn saved = check_in;
    saved.id = db_.last_insert_id();
    return saved;
  }

  // The body of save_check_in, inside the caller's transaction.
  Result<CheckIn> insert_check_in(const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                  const std::string& stop_reason) {
    auto row = insert_check_in_row(check_in);
    if (!row) return row;
    CheckIn saved = *row;
    if (auto m = insert_measurement(next_morning_pain_of(check_in)); !m) return m.error();
    for (DoseChange c : changes) {
      c.check_in = saved.id;
      if (auto id = insert_dose_change(c); !id) return id.error();
    }
    if (check_in.stopped_program) {
      auto stop =
          db_.prepare("UPDATE plan SET stopped_at = ?, stop_reason = ? WHERE person_id = ? AND stopped_at IS NULL");
      if (!stop) return stop.error();
      if (auto s =
              stop.value().bind(1, format_instant(check_in.at)).bind(2, stop_reason).bind(3, check_in.person).run();
          !s) {
        return s.error();
      }
    }
    return saved;
  }

  // The bodies of begin_session, log_exercise and end_session, for use inside a transaction.
  Result<SessionLog> insert_session(const SessionLog& session) {
    auto ins = db_.prepare(
        "INSERT INTO session_log (person_id, plan_id, date, session, started_at, ended_at, status, pain_during) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    std::optional<std::string> ended;
    if (session.ended_at) ended = format_instant(*session.ended_at);
    if (auto s = ins.value()
                     .bind(1, session.person)
                     .bind(2, session.plan)
                     .bind(3, iso(session.date))
                     .bind(4, session.session)
                     .bind(5, format_instant(session.started_at))
                     .bind(6, ended)
                     .bind(7, to_string(session.status))
                     .bind(8, session.pain_during)
                     .run();
        !s) {
      return s.error();
    }
    SessionLog saved = session;
    saved.id = db_.last_insert_id();
    return saved;
  }

  Result<ExerciseLog> upsert_exercise_log(const ExerciseLog& log) {
    auto ins = db_.prepare(
        "INSERT INTO exercise_log (session_id, person_id, position, exercise_id, outcome, planned_dose, sets_done, "
        "reps_done, holds_done, seconds, pain, finished_at, camera_json, feedback) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (session_id, position) DO UPDATE SET exercise_id = excluded.exercise_id, "
        "outcome = excluded.outcome, planned_dose = excluded.planned_dose, sets_done = excluded.sets_done, "
        "reps_done = excluded.reps_done, holds_done = excluded.holds_done, seconds = excluded.seconds, "
        "pain = excluded.pain, finished_at = excluded.finished_at, camera_json = excluded.camera_json, feedback = "
        "excluded.feedback "
        "WHERE person_id = excluded.person_id");
    if (!ins) return ins.error();
    if (auto s = ins.value()
                     .bind(1, log.session)
                     .bind(2, log.person)
                     .bind(3, log.position)
                     .bind(4, log.exercise_id)
                     .bind(5, to_string(log.outcome))
                     .bind(6, dose_to_text(log.planned))
                     .bind(7, log.sets_done)
                     .bind(8, log.reps_done)
                     .bind(9, log.holds_done)
                     .bind(10, log.seconds)
                     .bind(11, log.pain)
                     .bind(12, format_instant(log.finished_at))
                     .bind(13, log.camera_json)
                     .bind(14, to_string(log.feedback))
                     .run();
        !s) {
      return s.error();
    }
    auto q =
        db_.prepare(fmt::format("SELECT {} FROM exercise_log WHERE session_id = ? AND position = ? "
                                "AND person_id = ?",
                                kExerciseLogColumns));
    if (!q) return q.error();
    q.value().bind(1, log.session).bind(2, log.position).bind(3, log.person);
    auto rows = collect<ExerciseLog>(q.value(), read_exercise_log<Stmt>);
    if (!rows) return rows.error();
    if (rows->size() != 1) return make_error("store: that session belongs to another person");
    return rows->front();
  }

  // Sessions of `person`'s plan `plan` planned on `day` (0 or 1).
  Result<std::int64_t> count_plan_days(PersonId person, Id plan, CivilDate day) {
    auto q = db_.prepare(
        "SELECT count(*) FROM plan_day d JOIN plan p ON p.id = d.plan_id "
        "WHERE d.plan_id = ? AND p.person_id = ? AND d.date = ?");
    if (!q) return q.error();
    q.value().bind(1, plan).bind(2, person).bind(3, iso(day));
    auto row = q.value().step();
    if (!row) return row.error();
    return *row ? q.value().int64(0) : 0;
  }

  Status finish_session(Id session, SessionStatus status, TimePoint ended_at, std::optional<int> pain_during) {
    auto up = db_.prepare("UPDATE session_log SET status = ?, ended_at = ?, pain_during = ? WHERE id = ?");
    if (!up) return up.error();
    if (auto s = up.value()
                     .bind(1, to_string(status))
                     .bind(2, format_instant(ended_at))
                     .bind(3, pain_during)
                     .bind(4, session)
                     .run();
        !s) {
      return s;
    }
    if (!pain_during) return Ok{};
    auto ins = db_.prepare(
        "INSERT INTO measurement (person_id, measure, taken_at, date, value, session_id) "
        "SELECT person_id, ?, ?, date, ?, id FROM session_log WHERE id = ?");
    if (!ins) return ins.error();
    return ins.value()
        .bind(1, kPainDuring)
        .bind(2, format_instant(ended_at))
        .bind(3, static_cast<double>(*pain_during))
        .bind(4, session)
        .run();
  }

  Result<std::optional<Person>> select_person(const std::string& name) { return select_person_where("name = ?", name); }

  // The person matching `where` (one `?`, bound to `key`), or nullopt.
  template <typename Key>
  Result<std::optional<Person>> select_person_where(const char* where, const Key& key) {
    auto q = db_.prepare(fmt::format("SELECT id, name, created_at FROM person WHERE {}", where));
    if (!q) return q.error();
    q.value().bind(1, key);
    auto rows = collect<Person>(q.value(), read_person<Stmt>);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<Person>{};
    return std::optional<Person>{rows->front()};
  }

  Result<Id> insert_plan(const PlanRecord& p) {
    auto ins = db_.prepare(
        "INSERT INTO plan (person_id, answers_id, created_at, start_date, weeks, level, baseline_pain, reviews, "
        "plan_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    std::vector<std::string> reviews;
    for (const auto& r : p.reviews) reviews.push_back(iso(r));
    if (auto s = ins.value()
                     .bind(1, p.person)
                     .bind(2, p.answers)
                     .bind(3, format_instant(p.created_at))
                     .bind(4, iso(p.start))
                     .bind(5, p.weeks)
                     .bind(6, p.level)
                     .bind(7, p.baseline_pain)
                     .bind(8, strings_to_text(reviews))
                     .bind(9, p.plan_json)
                     .run();
        !s) {
      return s.error();
    }
    const Id id = db_.last_insert_id();
    for (const auto& session : p.sessions) {
      auto ps = db_.prepare("INSERT INTO plan_session (plan_id, session, kind, title) VALUES (?, ?, ?, ?)");
      if (!ps) return ps.error();
      if (auto s = ps.value().bind(1, id).bind(2, session.id).bind(3, session.kind).bind(4, session.title).run(); !s) {
        return s.error();
      }
      int position = 0;
      for (const auto& e : session.exercises) {
        auto pe = db_.prepare(
            "INSERT INTO plan_exercise (plan_id, session, position, exercise_id, block, dose, reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)");
        if (!pe) return pe.error();
        if (auto s = pe.value()
                         .bind(1, id)
                         .bind(2, session.id)
                         .bind(3, position++)
                         .bind(4, e.exercise_id)
                         .bind(5, e.block)
                         .bind(6, dose_to_text(e.dose))
                         .bind(7, e.reason)
                         .run();
            !s) {
          return s.error();
        }
      }
    }
    for (const auto& day : p.calendar) {
      auto pd = db_.prepare("INSERT INTO plan_day (plan_id, date, week, session) VALUES (?, ?, ?, ?)");
      if (!pd) return pd.error();
      if (auto s = pd.value().bind(1, id).bind(2, iso(day.date)).bind(3, day.week).bind(4, day.session).run(); !s) {
        return s.error();
      }
    }
    return id;
  }

  Result<std::optional<PlanRecord>> select_plan(PersonId person, bool active_only) {
    auto q =
        db_.prepare(fmt::format("SELECT {} FROM plan WHERE person_id = ? {} ORDER BY created_at DESC, id DESC LIMIT 1",
                                kPlanColumns, active_only ? "AND stopped_at IS NULL" : ""));
    if (!q) return q.error();
    auto& s = q.value();
    s.bind(1, person);
    auto row = s.step();
    if (!row) return row.error();
    if (!*row) return std::optional<PlanRecord>{};
    auto read = read_plan(s);
    if (!read) return read.error();
    PlanRecord p = std::move(read).value();
    if (auto st = load_plan_parts(p); !st) return st.error();
    return std::optional<PlanRecord>{std::move(p)};
  }

  Status load_plan_parts(PlanRecord& p) {
    auto qs = db_.prepare("SELECT session, kind, title FROM plan_session WHERE plan_id = ? ORDER BY session");
    if (!qs) return qs.error();
    qs.value().bind(1, p.id);
    auto sessions = collect<PlanSession>(qs.value(), [](Stmt& s) -> Result<PlanSession> {
      return PlanSession{s.text(0), s.text(1), s.text(2), {}};
    });
    if (!sessions) return sessions.error();
    p.sessions = std::move(sessions).value();
    for (auto& session : p.sessions) {
      auto qe = db_.prepare(
          "SELECT exercise_id, block, dose, reason FROM plan_exercise WHERE plan_id = ? AND session = ? "
          "ORDER BY position");
      if (!qe) return qe.error();
      qe.value().bind(1, p.id).bind(2, session.id);
      auto exercises = collect<PlanExercise>(qe.value(), [](Stmt& s) -> Result<PlanExercise> {
        auto dose = dose_from_text(s.text(2));
        if (!dose) return dose.error();
        return PlanExercise{s.text(0), s.text(1), *dose, s.text(3)};
      });
      if (!exercises) return exercises.error();
      session.exercises = std::move(exercises).value();
    }
    auto qd = db_.prepare("SELECT date, week, session FROM plan_day WHERE plan_id = ? ORDER BY date");
    if (!qd) return qd.error();
    qd.value().bind(1, p.id);
    auto days = collect<PlanDay>(qd.value(), read_plan_day<Stmt>);
    if (!days) return days.error();
    p.calendar = std::move(days).value();
    return Ok{};
  }

  Result<Measurement> insert_measurement(const Measurement& m) {
    auto ins = db_.prepare(
        "INSERT INTO measurement (person_id, measure, taken_at, date, value, items, session_id, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    std::optional<std::int64_t> session;
    if (m.session) session = *m.session;
    if (auto s = ins.value()
                     .bind(1, m.person)
                     .bind(2, m.measure)
                     .bind(3, format_instant(m.taken_at))
                     .bind(4, iso(m.date))
                     .bind(5, m.value)
                     .bind(6, items_to_text(m.items))
                     .bind(7, session)
                     .bind(8, m.note)
                     .run();
        !s) {
      return s.error();
    }
    Measurement saved = m;
    saved.id = db_.last_insert_id();
    return saved;
  }

  Result<Id> insert_dose_change(const DoseChange& c) {
    auto ins = db_.prepare(
        "INSERT INTO dose_change (person_id, plan_id, at, date, exercise_id, now_doing, decision, from_dose, to_dose, "
        "reason, check_in_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!ins) return ins.error();
    if (auto s = ins.value()
                     .bind(1, c.person)
                     .bind(2, c.plan)
                     .bind(3, format_instant(c.at))
                     .bind(4, iso(c.date))
                     .bind(5, c.exercise_id)
                     .bind(6, c.now_doing)
                     .bind(7, to_string(c.decision))
                     .bind(8, dose_to_text(c.from))
                     .bind(9, dose_to_text(c.to))
                     .bind(10, c.reason)
                     .bind(11, c.check_in == 0 ? std::optional<Id>{} : std::optional<Id>{c.check_in})
                     .run();
        !s) {
      return s.error();
    }
    return db_.last_insert_id();
  }

  Db db_;
  std::optional<std::chrono::hours> backup_age_;
};

// A store that exists but cannot be read: what SQLite said, and what to do.
Error damaged(const std::string& path, const Error& error) {
  return make_error(
      fmt::format("{}. The store may be damaged; it was not changed. `kneecoach doctor` checks it and restores the "
                  "automatic backup, {}, when there is one",
                  error.message, backup_path(path)));
}

// Reads the schema version without writing anything (a read-only connection never
// checkpoints or changes the journal mode).
Result<int> peek_version(const std::string& path) {
  auto db = Db::open(path, true);
  if (!db) return db.error();
  return schema_version(db.value());
}

}  // namespace

namespace {

Result<Db> open_db(const std::string& path, int migrate_to) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    // SQLite would take an empty file for a new database: refuse it, so nothing is silently lost.
    if (std::filesystem::file_size(path, ec) == 0 && !ec) {
      return make_error(fmt::format(
          "the store {} is empty (0 bytes): its records were lost or never written. It was not replaced; "
          "`kneecoach doctor` says what can be done (it restores the automatic backup, {}, when there is one)",
          path, backup_path(path)));
    }
    auto version = peek_version(path);
    if (version && *version > kSchemaVersion) return newer_schema(path, *version);
    if (!version && version.error().message.find("not a kneecoach store") != std::string::npos) {
      return version.error();
    }
  }
  std::error_code exists_error;
  const bool existed = std::filesystem::exists(path, exists_error);
  auto db = Db::open(path, false);
  if (!db) return existed ? damaged(path, db.error()) : db.error();
  auto version = schema_version(db.value());
  if (!version) return existed ? damaged(path, version.error()) : version.error();
  if (*version > kSchemaVersion) return newer_schema(path, *version);
  // journal_mode=WAL persists in the file; the others hold for this connection.
  if (auto s = db.value().exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"); !s) return s.error();
  {
    auto wal = db.value().prepare("PRAGMA journal_mode = WAL");
    if (!wal) return wal.error();
    if (auto r = wal.value().step(); !r) return r.error();
    if (wal.value().text(0) != "wal") {
      return make_error(
          fmt::format("the store {} cannot use write-ahead logging (journal mode {})", path, wal.value().text(0)));
    }
  }
  if (auto s = migrate(db.value(), migrate_to); !s) return s.error();
  return std::move(db).value();
}

}  // namespace

Result<std::unique_ptr<Store>> open_store(const std::string& path, int migrate_to) {
  auto db = open_db(path, migrate_to);
  if (!db) return db.error();
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db).value(), std::nullopt));
}

Result<std::unique_ptr<Store>> open_store_backed_up(const std::string& path, std::chrono::hours age) {
  auto db = open_db(path, kSchemaVersion);
  if (!db) return db.error();
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db).value(), age));
}

}  // namespace kc::sqlite
