#include "adapters/postgres/caseload_records.h"

#include <fmt/format.h>

#include <map>
#include <pqxx/pipeline>
#include <string>
#include <vector>

#include "adapters/postgres/row.h"
#include "core/store/rows.h"

namespace kc::postgres {
namespace {

using Tx = pqxx::transaction_base;
using Patients = std::map<store::PersonId, clinic::PatientRecords>;

// After the caseload's persons are read, the five statements below go to the server together
// (pqxx::pipeline: one round trip, not five; under load each round trip waits for a CPU). Each
// takes the persons as one array literal ({1} below) and reads only their rows through an index
// on (person_id, ...): no statement scans a whole table (bench/clinic/README.md; the indexes on
// date are the store schema's version 6). {0} is a column list, {2} the first date wanted.

// The plan's row without its JSON (the flags never read it; it is the largest column).
constexpr const char* kPlanRowColumns =
    "id, person_id, answers_id, created_at, start_date, weeks, level, baseline_pain, reviews, '' AS plan_json, "
    "stopped_at, stop_reason";
static_assert(std::string_view(store::kPlanColumns).ends_with("plan_json, stopped_at, stop_reason"),
              "kPlanRowColumns follows store::kPlanColumns");

// Each person's latest plan (as a query of ids: {0} is "id").
constexpr const char* kPlans =
    "SELECT DISTINCT ON (person_id) {0} FROM plan WHERE person_id = ANY({1}::bigint[]) "
    "ORDER BY person_id, created_at DESC, id DESC";
constexpr const char* kPlanDays =
    "SELECT date, week, session, plan_id FROM plan_day WHERE plan_id IN ({0}) AND date >= {2} "
    "ORDER BY plan_id, date";
// Sessions dated from {2}, and each person's latest finished or quit one.
constexpr const char* kSessions =
    "SELECT {0} FROM session_log WHERE id IN ("
    "SELECT id FROM session_log WHERE person_id = ANY({1}::bigint[]) AND date >= {2} UNION ALL "
    "SELECT last.id FROM unnest({1}::bigint[]) AS p(id) CROSS JOIN LATERAL (SELECT id FROM session_log s "
    "WHERE s.person_id = p.id AND s.status <> 'in-progress' ORDER BY s.started_at DESC, s.id DESC LIMIT 1) last) "
    "ORDER BY person_id, started_at, id";
constexpr const char* kPain =
    "SELECT {0} FROM measurement WHERE person_id = ANY({1}::bigint[]) AND measure IN ({3}, {4}, {5}) "
    "AND date >= {2} ORDER BY person_id, taken_at, id";
// Check-ins dated from {2}, those whose level refers (index check_in_referred), and each person's latest.
constexpr const char* kCheckIns =
    "SELECT {0} FROM check_in WHERE id IN ("
    "SELECT id FROM check_in WHERE person_id = ANY({1}::bigint[]) AND date >= {2} UNION ALL "
    "SELECT id FROM check_in WHERE person_id = ANY({1}::bigint[]) AND triage_level NOT IN ('go', 'caution') "
    "UNION ALL SELECT last.id FROM unnest({1}::bigint[]) AS p(id) CROSS JOIN LATERAL (SELECT id FROM check_in c "
    "WHERE c.person_id = p.id ORDER BY c.at DESC, c.id DESC LIMIT 1) last) "
    "ORDER BY person_id, at, id";

// `ids` as a PostgreSQL array literal, e.g. "{3,5,8}".
std::string array_of(const std::vector<store::PersonId>& ids) {
  std::string out = "{";
  for (const auto& id : ids) {
    if (out.size() > 1) out += ',';
    out += std::to_string(id);
  }
  return out + "}";
}

// Reads every row of `rows` with `read` and hands it to `put`.
template <typename Read, typename Put>
Status each(const pqxx::result& rows, Read&& read, Put&& put) {
  for (const auto& r : rows) {
    auto item = read(Row(r));
    if (!item) return item.error();
    put(std::move(item).value());
  }
  return Ok{};
}

// The five statements' replies, in order.
struct Replies {
  pqxx::result plans, plan_days, sessions, pain, check_ins;
};

Replies fetch(Tx& tx, const std::vector<store::PersonId>& ids, CivilDate from) {
  const std::string persons = tx.quote(array_of(ids));
  const std::string since = tx.quote(store::iso(from));
  const auto sql = [&](const char* form, const char* columns) {
    return fmt::format(fmt::runtime(form), columns, persons, since, tx.quote(std::string(store::kPainNow)),
                       tx.quote(std::string(store::kPainNextMorning)), tx.quote(std::string(store::kPainDuring)));
  };
  pqxx::pipeline line(tx);
  const auto plans = line.insert(sql(kPlans, kPlanRowColumns));
  const auto days = line.insert(fmt::format(fmt::runtime(kPlanDays), sql(kPlans, "id"), persons, since));
  const auto sessions = line.insert(sql(kSessions, store::kSessionColumns));
  const auto pain = line.insert(sql(kPain, store::kMeasurementColumns));
  const auto check_ins = line.insert(sql(kCheckIns, store::kCheckInColumns));
  line.complete();
  return Replies{line.retrieve(plans), line.retrieve(days), line.retrieve(sessions), line.retrieve(pain),
                 line.retrieve(check_ins)};
}

Status read_plans(const Replies& got, Patients& out) {
  std::map<store::Id, store::PlanRecord*> by_id;
  auto plans = each(got.plans, store::read_plan<Row>, [&](store::PlanRecord p) {
    auto& slot = out[p.person].plan;
    slot = std::move(p);
    by_id[slot->id] = &*slot;
  });
  if (!plans) return plans;
  for (const auto& r : got.plan_days) {
    auto day = store::read_plan_day(Row(r));
    if (!day) return day.error();
    const auto it = by_id.find(r[3].as<store::Id>());
    if (it != by_id.end()) it->second->calendar.push_back(*day);
  }
  return Ok{};
}

Status read_rest(const Replies& got, Patients& out) {
  auto sessions = each(got.sessions, store::read_session<Row>,
                       [&](store::SessionLog s) { out[s.person].sessions.push_back(std::move(s)); });
  if (!sessions) return sessions;
  auto pain = each(got.pain, store::read_measurement<Row>,
                   [&](store::Measurement m) { out[m.person].pain.push_back(std::move(m)); });
  if (!pain) return pain;
  return each(got.check_ins, store::read_check_in<Row>,
              [&](store::CheckIn c) { out[c.person].check_ins.push_back(std::move(c)); });
}

}  // namespace

Result<std::vector<clinic::PatientRecords>> read_caseload_records(Tx& tx, clinic::AccountId clinician, CivilDate from) {
  Patients patients;
  std::vector<store::PersonId> ids;
  for (const auto& r : exec(tx,
                            "SELECT a.person_id FROM caseload c JOIN account a ON a.id = c.patient_id "
                            "WHERE c.clinician_id = $1 AND a.person_id IS NOT NULL ORDER BY a.person_id",
                            clinician)) {
    const auto person = r[0].as<store::PersonId>();
    patients[person].person = person;
    ids.push_back(person);
  }
  if (ids.empty()) return std::vector<clinic::PatientRecords>{};
  const Replies got = fetch(tx, ids, from);
  if (auto st = read_plans(got, patients); !st) return st.error();
  if (auto st = read_rest(got, patients); !st) return st.error();
  std::vector<clinic::PatientRecords> out;
  out.reserve(patients.size());
  for (auto& [person, records] : patients) out.push_back(std::move(records));
  return out;
}

}  // namespace kc::postgres
