// store/: the storage port and its records (SQLite implements it).
// The storage interface of the core. SQLite implements it (src/adapters/sqlite); a PostgreSQL
// implementation can satisfy it later. Every method is one transaction: when it returns ok,
// what it wrote is durable; when it fails, nothing of it was written.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/store/records.h"

namespace kc::store {

class Store {
 public:
  virtual ~Store() = default;

  // --- people ---
  // The person named `name`, created (at `now`) when there is none.
  virtual Result<Person> ensure_person(const std::string& name, TimePoint now) = 0;
  // The person named `name`, or nullopt.
  virtual Result<std::optional<Person>> find_person(const std::string& name) = 0;
  // The person with id `person`, or nullopt.
  virtual Result<std::optional<Person>> find_person_by_id(PersonId person) = 0;
  virtual Result<std::vector<Person>> people() = 0;
  // A new person named `name`, created at `now`. errc::kConflict (field "person") when the name
  // is taken, so a caller can never be handed someone else's records (the clinic's invites).
  virtual Result<Person> create_person(const std::string& name, TimePoint now) = 0;
  // Deletes the person and every record kept under them (answers, plans, sessions, exercise
  // logs, measurements, check-ins, dose changes), together. Ok when there is no such person
  // (deleted already), so an interrupted deletion can be retried. Kept replies of retried
  // requests (once) are not per person and stay until their own expiry.
  virtual Status delete_person(PersonId person) = 0;

  // --- setup ---
  // Saves answers and (when given) the plan built from them; any earlier active plan of the
  // person is stopped with reason "replaced by a new plan". A clearance (only with a plan) is
  // saved with the plan's id, in the same transaction. Returns the stored records.
  struct Setup {
    AnswersRecord answers;
    std::optional<PlanRecord> plan;
    std::optional<ClearanceRecord> clearance{};
  };
  virtual Result<Setup> save_setup(const Setup& setup) = 0;
  // Creates a new person named `name` and saves their setup, in one transaction: either both
  // are stored or neither is. The ids in `setup` are filled in. Fails if the name is taken.
  struct NewPerson {
    Person person;
    Setup setup;
  };
  virtual Result<NewPerson> create_person_with_setup(const std::string& name, TimePoint now, Setup setup) = 0;
  // Creates a new person named `name` (at `now`) with a whole history, in one transaction (an
  // import): the answers, the plan (with its stopped_at and stop_reason), then the rows as given,
  // with none of the side effects of the methods that write them one by one (no pain rating is
  // added for a session or a check-in, no plan is stopped). The records' own ids are keys within
  // `records`: ExerciseLog::session and Measurement::session name a SessionLog::id of
  // records.sessions, DoseChange::check_in a CheckIn::id of records.check_ins (or 0); the store
  // gives every row its own id. Fails, storing nothing, if the name is taken or a key names nothing.
  virtual Result<Person> create_person_with_records(const std::string& name, TimePoint now,
                                                    const PersonRecords& records) = 0;
  // The person's latest answers, or nullopt.
  virtual Result<std::optional<AnswersRecord>> latest_answers(PersonId person) = 0;
  // The person's latest plan that is not stopped, or nullopt.
  virtual Result<std::optional<PlanRecord>> active_plan(PersonId person) = 0;
  // The person's latest plan, stopped or not, or nullopt.
  virtual Result<std::optional<PlanRecord>> latest_plan(PersonId person) = 0;
  // The clearance plan `plan` of `person` was built under, or nullopt (none, or not theirs).
  virtual Result<std::optional<ClearanceRecord>> clearance_of_plan(PersonId person, Id plan) = 0;
  // Moves the session planned on `from` in plan `plan` of `person` to `to` (week `week`): one
  // PlanDay changes its date. errc::kNotFound (field "from") when no session of that person's
  // plan is planned on `from`; errc::kConflict (field "to") when one is planned on `to`. Which
  // days are allowed is the caller's rule (core/plan/move_day.h).
  virtual Status move_plan_day(PersonId person, Id plan, CivilDate from, CivilDate to, int week) = 0;

  // --- sessions (the player calls these) ---
  // Starts a session log (status in progress); returns it with its id.
  virtual Result<SessionLog> begin_session(const SessionLog& session) = 0;
  // Records one finished exercise (replacing an earlier log of the same session and
  // position). Durable on return, so a kill mid-session keeps every exercise logged before.
  virtual Result<ExerciseLog> log_exercise(const ExerciseLog& log) = 0;
  // Ends a session: status finished or quit, ended_at, pain_during (also stored as a
  // kPainDuring measurement when given).
  virtual Status end_session(Id session, SessionStatus status, TimePoint ended_at, std::optional<int> pain_during) = 0;
  // A whole session at once (the web app): the log (ended when session.ended_at is set, with
  // pain_during stored as for end_session), its exercise logs (their `session` is filled in)
  // and the dose changes it led to, in one transaction. Returns the session log with its id.
  virtual Result<SessionLog> save_session(const SessionLog& session, const std::vector<ExerciseLog>& logs,
                                          const std::vector<DoseChange>& changes) = 0;
  virtual Result<std::vector<SessionLog>> sessions(PersonId person) = 0;        // by start time
  virtual Result<std::vector<ExerciseLog>> exercise_logs(PersonId person) = 0;  // by session, position

  // --- measures, check-ins, dose changes ---
  virtual Result<Measurement> add_measurement(const Measurement& m) = 0;
  // Saves several measurements together (e.g. pain now and worst in 24 h).
  virtual Result<std::vector<Measurement>> add_measurements(const std::vector<Measurement>& ms) = 0;
  // The person's measurements of `measure` (all measures when empty), by time taken.
  virtual Result<std::vector<Measurement>> measurements(PersonId person, const std::string& measure) = 0;
  // Saves a check-in with its next-morning pain measurement, the dose changes it led to,
  // and, when check_in.stopped_program, stops the active plan with `stop_reason`.
  virtual Result<CheckIn> save_check_in(const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                        const std::string& stop_reason) = 0;
  // Replaces check-in `replaced` (a repeat on the same day) by `check_in`, in one transaction:
  // the earlier check-in, its next-morning pain rating and the dose changes it made are deleted,
  // then `check_in` is saved as save_check_in saves it. errc::kNotFound when `replaced` is not
  // a check-in of check_in.person. The dose changes saved with a check-in get its id in
  // DoseChange::check_in.
  virtual Result<CheckIn> replace_check_in(Id replaced, const CheckIn& check_in, const std::vector<DoseChange>& changes,
                                           const std::string& stop_reason) = 0;
  virtual Result<std::vector<CheckIn>> check_ins(PersonId person) = 0;  // by time
  // Saves dose changes together (e.g. after a session).
  virtual Result<std::vector<DoseChange>> add_dose_changes(const std::vector<DoseChange>& changes) = 0;
  virtual Result<std::vector<DoseChange>> dose_changes(PersonId person) = 0;  // by time, then id

  // --- a clinician's changes to the program (core/plan/changes.h) ---
  // Both back ends implement these; the defaults (errc::kFailed) are for wrappers that keep none.
  // Appends `change` (its id is filled in) and returns it. The change's plan, when not 0, must
  // be a plan of change.person (errc::kFailed otherwise; nothing stored).
  virtual Result<ProgramChange> add_program_change(const ProgramChange& /*change*/) { return no_program_changes(); }
  // The person's program changes, by time, then id.
  virtual Result<std::vector<ProgramChange>> program_changes(PersonId /*person*/) { return no_program_changes(); }

  // --- retried requests (idempotency keys) ---
  // A reply kept under a key: its status (2xx) and body; `replayed` when it was kept earlier.
  struct KeptReply {
    int status = 0;
    std::string body;
    bool replayed = false;
  };
  using KeyedWrite = std::function<Result<KeptReply>()>;
  // Runs `write` at most once per `key`, in one transaction with keeping its reply.
  //  - `key` kept with the same `request` text: returns that reply (replayed) and runs nothing.
  //  - `key` kept with another request: errc::kKeyReused (field "Idempotency-Key"); runs nothing.
  //  - otherwise runs `write` (its Store calls join this transaction). A 2xx reply is kept with
  //    everything `write` stored; any other reply, or an error, rolls all of it back and leaves
  //    the key free for a retry.
  virtual Result<KeptReply> once(const std::string& key, const std::string& request, const KeyedWrite& write) = 0;

 private:
  static Error no_program_changes() { return make_error("this store keeps no program changes"); }
};

// The error Store::once returns for a key kept with another request.
inline Error key_reused() {
  return make_error(errc::kKeyReused, "Idempotency-Key",
                    "Idempotency-Key: this key was already used for a different request; send a new key for a new "
                    "request, and the same key only to retry the same request");
}

}  // namespace kc::store
